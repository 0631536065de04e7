from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.exercises.library import Length, Theme
from troth.exercises.models import NOTE_MAX, Outcome
from troth.lib.content import Visibility

MAX_AHEAD = timedelta(days=366)


class QuietForm(forms.Form):
    """Labels here are questions or phrases: no colon after them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class FilterForm(QuietForm):
    """The library's filters: plain GET parameters, no JavaScript needed."""

    length = forms.ChoiceField(
        label=_("Time"),
        choices=[("", _("Any length")), *Length.choices],
        required=False,
    )
    theme = forms.ChoiceField(
        label=_("Theme"),
        choices=[("", _("Any theme")), *Theme.choices],
        required=False,
    )


class ScheduleForm(QuietForm):
    starts_at = forms.DateTimeField(
        label=_("When will you do it?"),
        help_text=_("It goes on your shared calendar."),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        error_messages={
            "required": _("Choose when you'll do it."),
            "invalid": _("Enter a date and time, like 2026-03-14 19:30."),
        },
    )

    def clean_starts_at(self):
        when = self.cleaned_data["starts_at"]
        now = timezone.now()
        if when < now - timedelta(minutes=5):
            raise forms.ValidationError(_("Choose a time from now on."))
        if when > now + MAX_AHEAD:
            raise forms.ValidationError(_("Choose a time within the next year."))
        return when


class LogForm(QuietForm):
    outcome = forms.ChoiceField(
        label=_("How did it go for you?"),
        choices=Outcome.choices,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
        error_messages={"required": _("Choose how it went.")},
    )
    note = forms.CharField(
        label=_("Anything you want to remember (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX,
        required=False,
        error_messages={
            "max_length": _("Keep the note under %(limit_value)d characters.")
        },
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it?"),
        choices=Visibility.choices,
        initial=Visibility.PRIVATE,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
        error_messages={"required": _("Choose who can see it.")},
    )
