from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.conflicts.models import (
    NOTE_MAX,
    PATTERNS,
    TOPIC_MAX,
    Intensity,
    Opening,
    Repair,
    RepairTime,
)
from troth.lib.content import Visibility
from troth.lib.forms import (
    CHOICE_LIST,
    Form,
    choice_field,
    datetime_field,
    note_field,
    text_field,
    visibility_field,
)

# A little slack for a clock that runs ahead of the server's.
FUTURE_SLACK = timedelta(minutes=10)


class ViewForm(Form):
    """One partner's own view of how a disagreement went."""

    intensity = choice_field(
        _("How intense did it feel?"),
        # Numbers only, so five fit a phone's row; the words sit at the ends.
        [(value, str(value)) for value in Intensity.values],
        coerce=int,
        radio=True,
        missing=_("Choose how intense it felt, from 1 to 5."),
    )
    opening = choice_field(
        _("How did it start?"),
        Opening.choices,
        widget=CHOICE_LIST,
        missing=_("Choose how it started."),
    )
    patterns = forms.MultipleChoiceField(
        label=_("Looking at your own part, did you notice any of these?"),
        help_text=_(
            "Only about yourself, and only if it helps. Everyone does these sometimes."
        ),
        choices=[(key, value["label"]) for key, value in PATTERNS.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}),
    )
    repaired = choice_field(
        _("Was it repaired?"),
        Repair.choices,
        widget=CHOICE_LIST,
        missing=_("Say whether it was repaired, even “not yet”."),
    )
    repair_minutes = choice_field(
        _("If so, how long did repair take?"),
        [("", _("Choose…")), *RepairTime.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    note = note_field(
        _("Anything you want to remember (optional)"),
        NOTE_MAX,
        rows=4,
        too_long=_("Keep the note under %(limit_value)d characters."),
    )
    visibility = visibility_field(
        _("Who can see your view?"),
        Visibility.PRIVATE,
        help_text=_(
            "Your view stays yours unless you share it. You can share or stop "
            "sharing later."
        ),
        missing=_("Choose who can see your view."),
    )

    def clean(self):
        data = super().clean()
        repaired = data.get("repaired")
        if repaired in (Repair.YES, Repair.PARTLY) and not data.get("repair_minutes"):
            self.add_error(
                "repair_minutes",
                _("Choose roughly how long repair took, or answer “not yet” above."),
            )
        if repaired == Repair.NOT_YET:
            data["repair_minutes"] = None
        return data

    def view_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "intensity": data["intensity"],
            "opening": data["opening"],
            "patterns": set(data.get("patterns") or ()),
            "repaired": data["repaired"],
            "repair_minutes": data.get("repair_minutes"),
            "note": data.get("note", "").strip(),
        }

    @classmethod
    def initial_for(cls, view) -> dict:
        return {
            "intensity": view.intensity,
            "opening": view.opening,
            "patterns": view.patterns,
            "repaired": view.repaired,
            "repair_minutes": view.repair_minutes,
            "note": view.note,
            "visibility": view.visibility,
        }


class FrameForm(Form):
    """What the conflict was about and when: the logger's words."""

    topic = text_field(
        _("What was it about?"),
        TOPIC_MAX,
        help_text=_("A few words are enough, for example “the holiday budget”."),
        missing=_("Give the disagreement a short topic."),
        too_long=_("Keep the topic under %(limit_value)d characters."),
    )
    occurred_at = datetime_field(
        _("When did it happen?"),
        missing=_("Say when it happened."),
        invalid=_("Enter a date and time, like 2026-03-14 19:30."),
    )

    # No clean_topic: the field drops surrounding spaces, so blanks alone are
    # told the missing words.

    def clean_occurred_at(self):
        when = self.cleaned_data["occurred_at"]
        if when > timezone.now() + FUTURE_SLACK:
            raise forms.ValidationError(
                _("That time is still ahead. Log a disagreement once it happened.")
            )
        return when


class LogForm(FrameForm, ViewForm):
    """Logging a new disagreement: the frame and the logger's own view."""

    field_order = ["topic", "occurred_at"]


class ViewEditForm(ViewForm):
    pass


class LoggerEditForm(FrameForm, ViewForm):
    field_order = ["topic", "occurred_at"]
