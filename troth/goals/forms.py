from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.goals.models import (
    BUDGET_MAX,
    REFLECTION_MAX,
    STEP_MAX,
    TITLE_MAX,
    WHY_MAX,
)
from troth.lib.content import Visibility


class QuietForm(forms.Form):
    """Labels here are questions or phrases: no colon after them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


MAX_TASKS = 20


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


def _date_field(label, help_text=""):
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Enter a date, like 2026-06-21.")},
    )


def _not_past(value, *, unchanged=None):
    """A date from today on, in the person's own zone. A date that was
    already set may stay as it is, even once it has passed."""
    if value is not None and value != unchanged and value < timezone.localdate():
        raise forms.ValidationError(_("Choose today or a later date."))
    return value


class GoalForm(QuietForm):
    title = forms.CharField(
        label=_("What do you want to reach together?"),
        max_length=TITLE_MAX,
        error_messages={
            "required": _("Give the goal a name."),
            "max_length": _("Keep the name under %(limit_value)d characters."),
        },
    )
    why = forms.CharField(
        label=_("Why it matters to you (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=WHY_MAX,
        required=False,
        error_messages={"max_length": _("Keep this under %(limit_value)d characters.")},
    )
    target_date = _date_field(_("Target date (optional)"))

    def __init__(self, *args, current_date=None, **kwargs):
        self.current_date = current_date
        super().__init__(*args, **kwargs)

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give the goal a name."))
        return title

    def clean_target_date(self):
        return _not_past(self.cleaned_data["target_date"], unchanged=self.current_date)


def _lines(text: str | None, label) -> list[str]:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) > MAX_TASKS:
        raise forms.ValidationError(
            _("Up to %(n)d tasks here; you can add more later.") % {"n": MAX_TASKS}
        )
    for line in lines:
        if len(line) > STEP_MAX:
            raise forms.ValidationError(
                _("Keep each task under %(n)d characters.") % {"n": STEP_MAX}
            )
    return lines


class AdventureForm(QuietForm):
    title = forms.CharField(
        label=_("The idea"),
        help_text=_("For example “a night in the mountains” or “learn to make pasta”."),
        max_length=TITLE_MAX,
        error_messages={
            "required": _("Say what the adventure is."),
            "max_length": _("Keep the idea under %(limit_value)d characters."),
        },
    )
    why = forms.CharField(
        label=_("More about it (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=WHY_MAX,
        required=False,
        error_messages={"max_length": _("Keep this under %(limit_value)d characters.")},
    )
    target_date = _date_field(
        _("When (optional)"),
        _("Once there is a date, the adventure goes on your shared calendar."),
    )
    start_time = forms.TimeField(
        label=_("Starting at (optional)"),
        required=False,
        widget=TimeInput(),
        error_messages={"invalid": _("Enter a time, like 09:30.")},
    )
    budget = forms.CharField(
        label=_("Budget (optional)"),
        help_text=_("In your own words, for example “about 200 in total”."),
        max_length=BUDGET_MAX,
        required=False,
        error_messages={
            "max_length": _("Keep the budget under %(limit_value)d characters.")
        },
    )
    tasks_mine = forms.CharField(
        label=_("Tasks for you"),
        help_text=_("One per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    tasks_partner = forms.CharField(
        label=_("Tasks for your partner"),
        help_text=_("One per line. Either of you can add more later."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(
        self, *args, current_date=None, with_tasks=True, partner=None, **kwargs
    ):
        self.current_date = current_date
        super().__init__(*args, **kwargs)
        if partner is not None and with_tasks:
            self.fields["tasks_partner"].label = _("Tasks for %(name)s") % {
                "name": partner
            }
        if not with_tasks:
            del self.fields["tasks_mine"]
            del self.fields["tasks_partner"]

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Say what the adventure is."))
        return title

    def clean_target_date(self):
        return _not_past(self.cleaned_data["target_date"], unchanged=self.current_date)

    def clean_tasks_mine(self) -> list[str]:
        return _lines(self.cleaned_data.get("tasks_mine"), _("Tasks for you"))

    def clean_tasks_partner(self) -> list[str]:
        return _lines(
            self.cleaned_data.get("tasks_partner"), _("Tasks for your partner")
        )

    def clean(self):
        data = super().clean()
        if data.get("start_time") and not data.get("target_date"):
            self.add_error("start_time", _("Choose a date first, then a time."))
        return data


class MilestoneForm(QuietForm):
    title = forms.CharField(
        label=_("Step"),
        max_length=STEP_MAX,
        error_messages={
            "required": _("Say what the step is."),
            "max_length": _("Keep the step under %(limit_value)d characters."),
        },
    )
    owner = forms.ChoiceField(
        label=_("Whose step is it?"),
        choices=[("me", _("Mine")), ("partner", _("My partner's"))],
        initial="me",
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
        error_messages={"required": _("Choose whose step it is.")},
    )
    target_date = _date_field(_("By when (optional)"))

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Say what the step is."))
        return title

    def clean_target_date(self):
        return _not_past(self.cleaned_data["target_date"])


class ReflectionForm(QuietForm):
    text = forms.CharField(
        label=_("Looking back, what stays with you?"),
        help_text=_(
            "A few sentences: what you enjoyed, what surprised you, what you learned about each other."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REFLECTION_MAX,
        error_messages={
            "required": _("Write a few words, or leave this page: there's no rush."),
            "max_length": _("Keep it under %(limit_value)d characters."),
        },
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it?"),
        choices=Visibility.choices,
        initial=Visibility.SHARED,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
        error_messages={"required": _("Choose who can see it.")},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(
                _("Write a few words, or leave this page: there's no rush.")
            )
        return text
