from __future__ import annotations

from typing import cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from troth.agreements.forms import DateInput
from troth.agreements.forms import Form as Form
from troth.repair.models import Answer, OpenedAs, Seriousness, SessionKind, Touches
from troth.repair.services import APOLOGY_MAX, NOTE_MAX, SUMMARY_MAX, TEXT_MAX

RATING_CHOICES = [(i, str(i)) for i in range(1, 8)]


class OpenForm(Form):
    opened_as = forms.ChoiceField(
        label=_("Which is it?"),
        choices=OpenedAs.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one.")},
    )
    summary = forms.CharField(
        label=_("What happened, in a sentence or two"),
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your partner will read this. There's room for more later."),
        error_messages={"required": _("Say in a few words what happened.")},
    )
    touches = forms.ChoiceField(
        label=_("Did it touch something you had agreed or promised?"),
        choices=Touches.choices,
        initial=Touches.NOTHING,
        widget=forms.RadioSelect,
    )
    clause = forms.TypedChoiceField(
        label=_("Which clause"), required=False, coerce=int, empty_value=None
    )
    promise = forms.TypedChoiceField(
        label=_("Which promise"), required=False, coerce=int, empty_value=None
    )
    seriousness = forms.TypedChoiceField(
        label=_("How serious does it feel to you?"),
        choices=Seriousness.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        help_text=_(
            "Only if it was you who was hurt. If you broke trust, your partner "
            "says how serious it feels to them."
        ),
    )

    def __init__(self, *args, clauses=(), promises=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].choices = [("", _("Choose a clause")), *clauses]
        self.fields["promise"].choices = [("", _("Choose a promise")), *promises]
        self.has_clauses = bool(clauses)
        self.has_promises = bool(promises)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("opened_as") == OpenedAs.HURT and not cleaned.get("seriousness"):
            self.add_error("seriousness", _("Choose how serious it feels."))
        touches = cleaned.get("touches")
        if touches == Touches.CLAUSE and not self.has_clauses:
            self.add_error(
                "touches", _("There are no agreed clauses to choose from yet.")
            )
        elif touches == Touches.CLAUSE and not cleaned.get("clause"):
            self.add_error("clause", _("Choose the clause it touched."))
        if touches == Touches.PROMISE and not self.has_promises:
            self.add_error("touches", _("There are no promises to choose from yet."))
        elif touches == Touches.PROMISE and not cleaned.get("promise"):
            self.add_error("promise", _("Choose the promise it touched."))
        return cleaned


class AccountForm(Form):
    text = forms.CharField(
        label=_("Your account"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What happened for you, and how it felt. Take your time; you can "
            "write it again until you feel heard."
        ),
        error_messages={"required": _("Write your account first.")},
    )
    seriousness = forms.TypedChoiceField(
        label=_("How serious does it feel to you?"),
        choices=Seriousness.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )


class MirrorForm(Form):
    text = forms.CharField(
        label=_("What I heard you say"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Say it back in your own words, without defending or explaining. "
            "Start with “What I heard is…” and end with “Did I get it?”."
        ),
        error_messages={"required": _("Write what you heard, in your own words.")},
    )


class MirrorAnswerForm(Form):
    heard = forms.ChoiceField(
        label=_("Did they hear you?"),
        choices=[
            ("yes", _("Yes, you heard me")),
            ("again", _("Not yet: please try again")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one.")},
    )
    note = forms.CharField(
        label=_("What they missed (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ApologyForm(Form):
    text = forms.CharField(
        label=_("Your apology"),
        max_length=APOLOGY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Write your apology first.")},
    )


class AnswerForm(Form):
    answer = forms.ChoiceField(
        label=_("How does it land?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose an answer.")},
    )
    note = forms.CharField(
        label=_("A note (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AgreementForm(Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    ends_on = forms.DateField(
        label=_("Until"),
        widget=DateInput(),
        help_text=_("It ends after this day unless you both renew it."),
        error_messages={"required": _("Choose an end date.")},
    )

    def __init__(self, *args, clauses: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # Bound only from request.POST, which holds every clause box.
            self.clause_values = cast(QueryDict, self.data).getlist("clause")[:22]
        else:
            self.clause_values = [*(clauses or []), ""]

    def clean(self):
        cleaned = super().clean()
        texts = [v.strip() for v in self.clause_values if v and v.strip()]
        if not texts:
            raise forms.ValidationError(_("Write at least one clause."))
        cleaned["clauses"] = texts
        return cleaned


class NoteForm(Form):
    text = forms.CharField(
        label=_("A note for yourself"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write something first.")},
    )


class TherapyForm(Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=SessionKind.choices, widget=forms.RadioSelect
    )
    on = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        error_messages={"required": _("Choose the date.")},
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CheckinForm(Form):
    distance = forms.TypedChoiceField(
        label=_("Right now I want to keep my distance from them."),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 1 to 7.")},
    )
    even = forms.TypedChoiceField(
        label=_("Part of me wants them to feel the hurt I felt."),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 1 to 7.")},
    )
    goodwill = forms.TypedChoiceField(
        label=_("I wish them well, and want good things for us."),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 1 to 7.")},
    )
