from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.lib import forms as lib_forms
from troth.lib.forms import choice_field, date_field, note_field, text_field, time_field
from troth.promises.models import WEEKDAYS, Repeat, State
from troth.promises.services import NOTE_MAX, TEXT_MAX

DUE_DAY_MISSING = _("Choose the day it is due.")
DUE_DAY_INVALID = _("Enter a date such as 2026-11-27.")
DUE_TIME_INVALID = _("Enter a time such as 18:30.")
WORDING_MISSING = _("Say what you promise.")


class PromiseForm(lib_forms.Form):
    text = text_field(
        _("What I promise"),
        TEXT_MAX,
        rows=3,
        help_text=_(
            "Concrete and checkable works best: what, and how your partner "
            "will know. The wording can change later only if your partner agrees."
        ),
        missing=WORDING_MISSING,
    )
    due_date = date_field(_("By"), missing=DUE_DAY_MISSING, invalid=DUE_DAY_INVALID)
    due_time = time_field(
        _("At (optional)"),
        required=False,
        help_text=_("Leave empty for “by the end of that day”. Your time zone."),
        invalid=DUE_TIME_INVALID,
    )
    repeat = choice_field(
        _("Repeats"),
        [("", _("Does not repeat")), *Repeat.choices],
        required=False,
        help_text=_(
            "A repeating promise is tracked each time on its own. Monthly "
            "repeats on the day of the month of the first date."
        ),
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On these days (weekly)"),
        required=False,
        coerce=int,
        choices=WEEKDAYS,
        widget=forms.CheckboxSelectMultiple,
    )
    until = date_field(
        _("Last day (optional)"),
        required=False,
        invalid=_("Enter a date such as 2026-12-31."),
    )
    clause = choice_field(
        _("About an agreement (optional)"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("If this promise is about a clause you both agreed, choose it."),
        unknown=_("Choose a clause of one of your agreements."),
    )

    def __init__(self, *args, clauses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].choices = [("", _("Not about an agreement")), *clauses]
        if not clauses:
            del self.fields["clause"]


class ProposeForm(lib_forms.Form):
    text = text_field(_("New wording"), TEXT_MAX, rows=3, missing=WORDING_MISSING)
    due_date = date_field(
        _("New day"), missing=DUE_DAY_MISSING, invalid=DUE_DAY_INVALID
    )
    due_time = time_field(_("At (optional)"), required=False, invalid=DUE_TIME_INVALID)


class ConfirmForm(lib_forms.Form):
    outcome = choice_field(
        _("Was it kept?"),
        [("kept", _("Kept")), ("not_quite", _("Not quite"))],
        radio=True,
        missing=_("Choose kept or not quite."),
    )
    note = note_field(_("What was missing (needed for “not quite”)"), NOTE_MAX)


class NoteForm(lib_forms.Form):
    note = text_field(
        _("Your response"), NOTE_MAX, rows=3, missing=_("Write your response.")
    )


class DeclineForm(lib_forms.Form):
    note = note_field(_("Why (optional)"), NOTE_MAX, rows=2)


class CancelForm(lib_forms.Form):
    whole_series = forms.BooleanField(
        label=_("Also every later time of this repeating promise"), required=False
    )


class ListFilterForm(lib_forms.Form):
    SHOWS = ["needs", "mine", "to-me", "history"]
    show = choice_field(choices=[(s, s) for s in SHOWS], required=False)
    state = choice_field(_("State"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Any state")), *State.choices]
