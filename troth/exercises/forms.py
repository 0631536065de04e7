from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.exercises.library import Length, Theme, Where
from troth.exercises.models import NOTE_MAX, Outcome
from troth.lib.content import Visibility
from troth.lib.forms import (
    CHOICE_LIST,
    Form,
    choice_field,
    datetime_field,
    note_field,
    visibility_field,
)

MAX_AHEAD = timedelta(days=366)


class FilterForm(Form):
    """The library's filters: plain GET parameters, no JavaScript needed."""

    length = choice_field(
        _("Time"), [("", _("Any length")), *Length.choices], required=False
    )
    theme = choice_field(
        _("Theme"), [("", _("Any theme")), *Theme.choices], required=False
    )
    where = choice_field(
        _("Where you are"),
        [("", _("Together or apart")), *Where.choices],
        required=False,
    )


class ScheduleForm(Form):
    starts_at = datetime_field(
        _("When will you do it?"),
        help_text=_("It goes on your shared calendar."),
        missing=_("Choose when you'll do it."),
        invalid=_("Enter a date and time, like 2026-03-14 19:30."),
    )

    def clean_starts_at(self):
        when = self.cleaned_data["starts_at"]
        now = timezone.now()
        if when < now - timedelta(minutes=5):
            raise forms.ValidationError(_("Choose a time from now on."))
        if when > now + MAX_AHEAD:
            raise forms.ValidationError(_("Choose a time within the next year."))
        return when


class LogForm(Form):
    outcome = choice_field(
        _("How did it go for you?"),
        Outcome.choices,
        widget=CHOICE_LIST,
        missing=_("Choose how it went."),
    )
    note = note_field(
        _("Anything you want to remember (optional)"),
        NOTE_MAX,
        too_long=_("Keep the note under %(limit_value)d characters."),
    )
    visibility = visibility_field(
        _("Who can see it?"), Visibility.PRIVATE, missing=_("Choose who can see it.")
    )
