from __future__ import annotations

from typing import cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from troth.lib.forms import (
    Form,
    choice_field,
    date_field,
    note_field,
    scale_field,
    text_field,
)
from troth.repair.models import Answer, OpenedAs, Seriousness, SessionKind, Touches
from troth.repair.services import APOLOGY_MAX, NOTE_MAX, SUMMARY_MAX, TEXT_MAX

CHOOSE_ONE = _("Choose one.")
CHOOSE_1_TO_7 = _("Choose a number from 1 to 7.")


def _seriousness(**kwargs) -> forms.ChoiceField:
    return choice_field(
        _("How serious does it feel to you?"),
        Seriousness.choices,
        radio=True,
        coerce=int,
        required=False,
        empty_value=None,
        **kwargs,
    )


class OpenForm(Form):
    opened_as = choice_field(
        _("Which is it?"), OpenedAs.choices, radio=True, missing=CHOOSE_ONE
    )
    summary = text_field(
        _("What happened, in a sentence or two"),
        SUMMARY_MAX,
        rows=3,
        help_text=_("Your partner will read this. There's room for more later."),
        missing=_("Say in a few words what happened."),
    )
    touches = choice_field(
        _("Did it touch something you had agreed or promised?"),
        Touches.choices,
        radio=True,
        initial=Touches.NOTHING,
    )
    clause = choice_field(
        _("Which clause"), required=False, coerce=int, empty_value=None
    )
    promise = choice_field(
        _("Which promise"), required=False, coerce=int, empty_value=None
    )
    seriousness = _seriousness(
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
    text = text_field(
        _("Your account"),
        TEXT_MAX,
        rows=8,
        help_text=_(
            "What happened for you, and how it felt. Take your time; you can "
            "write it again until you feel heard."
        ),
        missing=_("Write your account first."),
    )
    seriousness = _seriousness()


class MirrorForm(Form):
    text = text_field(
        _("What I heard you say"),
        TEXT_MAX,
        rows=8,
        help_text=_(
            "Say it back in your own words, without defending or explaining. "
            "Start with “What I heard is…” and end with “Did I get it?”."
        ),
        missing=_("Write what you heard, in your own words."),
    )


class MirrorAnswerForm(Form):
    heard = choice_field(
        _("Did they hear you?"),
        [
            ("yes", _("Yes, you heard me")),
            ("again", _("Not yet: please try again")),
        ],
        radio=True,
        missing=CHOOSE_ONE,
    )
    note = note_field(_("What they missed (optional)"), NOTE_MAX)


class ApologyForm(Form):
    text = text_field(
        _("Your apology"), APOLOGY_MAX, rows=10, missing=_("Write your apology first.")
    )


class AnswerForm(Form):
    answer = choice_field(
        _("How does it land?"),
        Answer.choices,
        radio=True,
        missing=_("Choose an answer."),
    )
    note = note_field(_("A note (optional)"), NOTE_MAX)


class AgreementForm(Form):
    title = text_field(_("Title"), 120)
    ends_on = date_field(
        _("Until"),
        help_text=_("It ends after this day unless you both renew it."),
        missing=_("Choose an end date."),
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
    text = text_field(
        _("A note for yourself"), NOTE_MAX, rows=4, missing=_("Write something first.")
    )


class TherapyForm(Form):
    kind = choice_field(_("Kind"), SessionKind.choices, radio=True)
    on = date_field(_("Date"), missing=_("Choose the date."))
    note = note_field(_("Note (optional)"), NOTE_MAX)


class CheckinForm(Form):
    distance = scale_field(
        _("Right now I want to keep my distance from them."), missing=CHOOSE_1_TO_7
    )
    even = scale_field(
        _("Part of me wants them to feel the hurt I felt."), missing=CHOOSE_1_TO_7
    )
    goodwill = scale_field(
        _("I wish them well, and want good things for us."), missing=CHOOSE_1_TO_7
    )
