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
from troth.lib.forms import (
    CHOICE_LIST,
    Form,
    choice_field,
    date_field,
    note_field,
    text_field,
    time_field,
    visibility_field,
)

MAX_TASKS = 20
LONGER_THAN = _("Keep this under %(limit_value)d characters.")


def _date_field(label, help_text=""):
    return date_field(
        label,
        help_text=help_text,
        required=False,
        invalid=_("Enter a date, like 2026-06-21."),
    )


def _why(label) -> forms.CharField:
    return note_field(label, WHY_MAX, too_long=LONGER_THAN)


def _tasks(label, help_text) -> forms.CharField:
    return text_field(label, rows=3, help_text=help_text, required=False)


def _not_past(value, *, unchanged=None):
    """A date from today on, in the person's own zone. A date that was
    already set may stay as it is, even once it has passed."""
    if value is not None and value != unchanged and value < timezone.localdate():
        raise forms.ValidationError(_("Choose today or a later date."))
    return value


# Titles and texts need no clean_* of their own: the fields drop surrounding
# spaces, so blanks alone are told the `missing` words.


class _Dated(Form):
    """A form whose `target_date` is today or later, unless it keeps the
    date it had (`current_date`)."""

    def __init__(self, *args, current_date=None, **kwargs):
        self.current_date = current_date
        super().__init__(*args, **kwargs)

    def clean_target_date(self):
        return _not_past(self.cleaned_data["target_date"], unchanged=self.current_date)


class GoalForm(_Dated):
    title = text_field(
        _("What do you want to reach together?"),
        TITLE_MAX,
        missing=_("Give the goal a name."),
        too_long=_("Keep the name under %(limit_value)d characters."),
    )
    why = _why(_("Why it matters to you (optional)"))
    target_date = _date_field(_("Target date (optional)"))


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


class AdventureForm(_Dated):
    title = text_field(
        _("The idea"),
        TITLE_MAX,
        help_text=_("For example “a night in the mountains” or “learn to make pasta”."),
        missing=_("Say what the adventure is."),
        too_long=_("Keep the idea under %(limit_value)d characters."),
    )
    why = _why(_("More about it (optional)"))
    target_date = _date_field(
        _("When (optional)"),
        _("Once there is a date, the adventure goes on your shared calendar."),
    )
    start_time = time_field(
        _("Starting at (optional)"),
        required=False,
        invalid=_("Enter a time, like 09:30."),
    )
    budget = text_field(
        _("Budget (optional)"),
        BUDGET_MAX,
        help_text=_("In your own words, for example “about 200 in total”."),
        required=False,
        too_long=_("Keep the budget under %(limit_value)d characters."),
    )
    tasks_mine = _tasks(_("Tasks for you"), _("One per line."))
    tasks_partner = _tasks(
        _("Tasks for your partner"),
        _("One per line. Either of you can add more later."),
    )

    def __init__(self, *args, with_tasks=True, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partner is not None and with_tasks:
            self.fields["tasks_partner"].label = _("Tasks for %(name)s") % {
                "name": partner
            }
        if not with_tasks:
            del self.fields["tasks_mine"]
            del self.fields["tasks_partner"]

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


class MilestoneForm(_Dated):
    title = text_field(
        _("Step"),
        STEP_MAX,
        missing=_("Say what the step is."),
        too_long=_("Keep the step under %(limit_value)d characters."),
    )
    owner = choice_field(
        _("Whose step is it?"),
        [("me", _("Mine")), ("partner", _("My partner's"))],
        initial="me",
        widget=CHOICE_LIST,
        missing=_("Choose whose step it is."),
    )
    target_date = _date_field(_("By when (optional)"))


class ReflectionForm(Form):
    text = text_field(
        _("Looking back, what stays with you?"),
        REFLECTION_MAX,
        help_text=_(
            "A few sentences: what you enjoyed, what surprised you, what you learned about each other."
        ),
        rows=4,
        missing=_("Write a few words, or leave this page: there's no rush."),
        too_long=_("Keep it under %(limit_value)d characters."),
    )
    visibility = visibility_field(
        _("Who can see it?"), Visibility.SHARED, missing=_("Choose who can see it.")
    )
