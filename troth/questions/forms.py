from __future__ import annotations

from django import forms
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from troth.lib.forms import Form, choice_field, messages, text_field
from troth.questions.deck import PACKS, Level
from troth.questions.models import Reaction
from troth.questions.services import ANSWER_MAX, FOLLOWUP_MAX, QUESTION_MAX


class FreshIds(Form):
    """Ids fresh on every render: when htmx swaps a card it copies the style
    attribute between old and new elements that share an id, which the CSP
    blocks (browsers and extensions add style to text boxes)."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-{get_random_string(6)}-%s")
        super().__init__(*args, **kwargs)


class AnswerForm(FreshIds):
    id_prefix = "answer"
    text = text_field(
        _("Your answer"),
        ANSWER_MAX,
        rows=6,
        help_text=_("Only you can read it until you have both answered."),
        missing=_("Write your answer, or pass if you'd rather not answer."),
        too_long=_(
            "That is %(show_value)d characters; an answer holds up to %(limit_value)d."
        ),
    )


class FollowUpForm(FreshIds):
    id_prefix = "followup"
    text = text_field(
        _("Add a follow-up"),
        FOLLOWUP_MAX,
        rows=3,
        missing=_("Write a few words first."),
        too_long=_(
            "That is %(show_value)d characters; a follow-up holds up to %(limit_value)d."
        ),
    )


CHOOSE_LEVEL = _("Choose a level.")


class ReactionForm(Form):
    kind = choice_field(
        choices=Reaction.Kind.choices, choose=_("Choose one of the reactions.")
    )


class LevelsForm(Form):
    levels = forms.TypedMultipleChoiceField(
        label=_("Levels of the daily question"),
        choices=Level.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(
            required=_("Choose at least one level."),
            invalid_choice=_("Choose at least one level."),
        ),
    )


class PacksForm(Form):
    packs = forms.MultipleChoiceField(
        label=_("Packs of the daily question"),
        choices=[(pack.key, pack.name) for pack in PACKS],
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(
            required=_("Keep at least one pack on, so there is a question to ask."),
            invalid_choice=_("Choose from the packs listed."),
        ),
    )


class OwnQuestionForm(Form):
    text = text_field(
        _("Your question"),
        QUESTION_MAX,
        rows=2,
        help_text=_("Ask about feelings rather than facts: “How did it feel when…?”"),
        missing=_("Write the question first."),
        too_long=_(
            "That is %(show_value)d characters; a question holds up to %(limit_value)d."
        ),
    )
    level = choice_field(
        _("Level"), Level.choices, coerce=int, initial=Level.DEEPER, choose=CHOOSE_LEVEL
    )


class PickForm(Form):
    key = text_field(max_length=40, missing=_("Choose a question."))


class SearchForm(Form):
    q = text_field(_("Search your answered questions"), 100, required=False)
