from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.counsel.areas import AREAS, area_choices
from troth.counsel.models import DEFAULT_DAYS, MAX_DAYS
from troth.counsel.services import NAME_MAX, NOTE_MAX, SUGGESTION_NOTE_MAX
from troth.exercises import library
from troth.lib.forms import Form, choice_field, messages, note_field, text_field

DAYS_ERRORS = messages(
    required=_("Say for how many days."),
    invalid=_("Enter a number of days."),
    min_value=_("Choose between 1 and 90 days."),
    max_value=_("Choose between 1 and 90 days."),
)


def days_field(label) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        initial=DEFAULT_DAYS,
        min_value=1,
        max_value=MAX_DAYS,
        error_messages=DAYS_ERRORS,
    )


class PulseChoice(Form):
    include_pulse = forms.BooleanField(
        label=_("Include my own pulse"),
        required=False,
        help_text=_(
            "Only if the pulse area is in the window. Your partner chooses for "
            "themself."
        ),
    )


class ProposeForm(PulseChoice):
    email = forms.EmailField(
        label=_("Your counsellor's email address"),
        error_messages=messages(
            required=_("Enter the counsellor's email address."),
            invalid=_("Enter the counsellor's email address."),
        ),
    )
    name = text_field(_("How you call them (optional)"), NAME_MAX, required=False)
    areas = forms.MultipleChoiceField(
        label=_("What the window shows"),
        choices=area_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(
            required=_("Choose at least one area."),
            invalid_choice=_("Choose areas from the list."),
        ),
    )
    days = days_field(_("For how many days (at most 90)"))

    field_order = ["email", "name", "areas", "include_pulse", "days"]

    def area_options(self) -> list[dict]:
        """Each area's checkbox with its description, for the fieldset."""
        descriptions = {key: area.description for key, area in AREAS.items()}
        return [
            {"box": box, "description": descriptions.get(box.data["value"], "")}
            for box in self["areas"]
        ]


class AcceptForm(PulseChoice):
    pass


class RenewalForm(Form):
    days = days_field(_("Keep it open for (days from today)"))


class NoteForm(Form):
    text = text_field(
        _("A note to both partners"),
        NOTE_MAX,
        rows=4,
        missing=_("Write the note before sending it."),
    )


class SuggestionForm(Form):
    exercise = choice_field(
        _("Exercise"),
        # Starts on no exercise: the counsellor picks one on purpose.
        [
            ("", _("Choose an exercise")),
            *((e.slug, e.title) for e in library.EXERCISES),
        ],
        choose=_("Choose an exercise from the library."),
    )
    note = note_field(_("Why this one (optional)"), SUGGESTION_NOTE_MAX)
