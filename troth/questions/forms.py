from __future__ import annotations

from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from troth.lib.forms import Form, choice_field, text_field
from troth.questions.deck import Level
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


class LevelForm(Form):
    level = choice_field(
        _("Level of the daily question"),
        Level.choices,
        coerce=int,
        radio=True,
        choose=CHOOSE_LEVEL,
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
