from __future__ import annotations

from django import forms
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from troth.questions.deck import Level
from troth.questions.models import Reaction
from troth.questions.services import ANSWER_MAX, FOLLOWUP_MAX, QUESTION_MAX


class Form(forms.Form):
    """Labels without a trailing colon, like the rest of Troth's pages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class AnswerForm(Form):
    # Ids fresh on every render: when htmx swaps a card it copies the style
    # attribute between old and new elements that share an id, which the CSP
    # blocks (browsers and extensions add style to text boxes).
    text = forms.CharField(
        label=_("Your answer"),
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only you can read it until you have both answered."),
        error_messages={
            "required": _("Write your answer, or pass if you'd rather not answer."),
            "max_length": _(
                "That is %(show_value)d characters; an answer holds up to %(limit_value)d."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"answer-{get_random_string(6)}-%s")
        super().__init__(*args, **kwargs)


class FollowUpForm(Form):
    text = forms.CharField(
        label=_("Add a follow-up"),
        max_length=FOLLOWUP_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write a few words first."),
            "max_length": _(
                "That is %(show_value)d characters; a follow-up holds up to %(limit_value)d."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"followup-{get_random_string(6)}-%s")
        super().__init__(*args, **kwargs)


class ReactionForm(Form):
    kind = forms.ChoiceField(
        choices=Reaction.Kind.choices,
        error_messages={
            "required": _("Choose one of the reactions."),
            "invalid_choice": _("Choose one of the reactions."),
        },
    )


class LevelForm(Form):
    level = forms.TypedChoiceField(
        label=_("Level of the daily question"),
        choices=Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a level."),
            "invalid_choice": _("Choose a level."),
        },
    )


class OwnQuestionForm(Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ask about feelings rather than facts: “How did it feel when…?”"),
        error_messages={
            "required": _("Write the question first."),
            "max_length": _(
                "That is %(show_value)d characters; a question holds up to %(limit_value)d."
            ),
        },
    )
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=Level.choices,
        coerce=int,
        initial=Level.DEEPER,
        error_messages={
            "required": _("Choose a level."),
            "invalid_choice": _("Choose a level."),
        },
    )


class PickForm(Form):
    key = forms.CharField(
        max_length=40,
        error_messages={"required": _("Choose a question.")},
    )


class SearchForm(Form):
    q = forms.CharField(
        label=_("Search your answered questions"), max_length=100, required=False
    )
