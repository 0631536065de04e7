from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.promises.models import WEEKDAYS, Repeat, State
from troth.promises.services import NOTE_MAX, TEXT_MAX

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PromiseForm(forms.Form):
    text = forms.CharField(
        label=_("What I promise"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Concrete and checkable works best: what, and how your partner "
            "will know. The wording can change later only if your partner agrees."
        ),
        error_messages={"required": _("Say what you promise.")},
    )
    due_date = forms.DateField(
        label=_("By"),
        widget=DATE,
        error_messages={
            "required": _("Choose the day it is due."),
            "invalid": _("Enter a date such as 2026-11-27."),
        },
    )
    due_time = forms.TimeField(
        label=_("At (optional)"),
        required=False,
        widget=TIME,
        help_text=_("Leave empty for “by the end of that day”. Your time zone."),
        error_messages={"invalid": _("Enter a time such as 18:30.")},
    )
    repeat = forms.ChoiceField(
        label=_("Repeats"),
        required=False,
        choices=[("", _("Does not repeat")), *Repeat.choices],
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
    until = forms.DateField(
        label=_("Last day (optional)"),
        required=False,
        widget=DATE,
        error_messages={"invalid": _("Enter a date such as 2026-12-31.")},
    )
    clause = forms.TypedChoiceField(
        label=_("About an agreement (optional)"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("If this promise is about a clause you both agreed, choose it."),
        error_messages={
            "invalid_choice": _("Choose a clause of one of your agreements.")
        },
    )

    def __init__(self, *args, clauses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].choices = [("", _("Not about an agreement")), *clauses]
        if not clauses:
            del self.fields["clause"]


class ProposeForm(forms.Form):
    text = forms.CharField(
        label=_("New wording"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what you promise.")},
    )
    due_date = forms.DateField(
        label=_("New day"),
        widget=DATE,
        error_messages={
            "required": _("Choose the day it is due."),
            "invalid": _("Enter a date such as 2026-11-27."),
        },
    )
    due_time = forms.TimeField(
        label=_("At (optional)"),
        required=False,
        widget=TIME,
        error_messages={"invalid": _("Enter a time such as 18:30.")},
    )


class ConfirmForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Was it kept?"),
        choices=[("kept", _("Kept")), ("not_quite", _("Not quite"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose kept or not quite.")},
    )
    note = forms.CharField(
        label=_("What was missing (needed for “not quite”)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Your response"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write your response.")},
    )


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("Why (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CancelForm(forms.Form):
    whole_series = forms.BooleanField(
        label=_("Also every later time of this repeating promise"), required=False
    )


class ListFilterForm(forms.Form):
    SHOWS = ["needs", "mine", "to-me", "history"]
    show = forms.ChoiceField(choices=[(s, s) for s in SHOWS], required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Any state")), *State.choices]
