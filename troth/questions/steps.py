"""The steps of a question round (see `troth.spaces.steps`).

open --(each partner: answer, once; change_answer until the reveal)
     --(the second answer)--> revealed --(either: react, follow_up)
open --(either: pass)--> passed (closed for both, nothing revealed)
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.models import Answer, Round
from troth.spaces.steps import Check, Step, Steps


def answered(round: Round, user) -> bool:
    """Whether `user` answered (annotated by `with_progress(user)` on the
    pages)."""
    known = getattr(round, "i_answered", None)
    if known is not None:
        return bool(known)
    return Answer.objects.filter(round=round, author_id=user.pk).exists()


def _not_passed(message) -> Check:
    return Check(lambda r, u, now: not r.is_passed, message, "passed")


def _revealed(message) -> Check:
    return Check(lambda r, u, now: r.is_revealed, message, "not_revealed")


def _not_revealed(message) -> Check:
    return Check(lambda r, u, now: not r.is_revealed, message, "revealed")


NOT_PASSED = _not_passed(_("This question was passed and is closed."))
# Each partner answers once, then may change the answer until the reveal.
NOT_ANSWERED = Check(
    lambda r, u, now: not answered(r, u),
    _(
        "You already answered this question. You can change your answer until "
        "you have both answered."
    ),
    "already_answered",
)
ANSWERED = Check(
    lambda r, u, now: answered(r, u),
    _("You haven't answered this question yet."),
    "no_answer",
)

STEPS = Steps(
    Step(
        "answer",
        when=(NOT_ANSWERED, NOT_PASSED, _not_revealed(_("This question is closed."))),
    ),
    Step(
        "change_answer",
        when=(
            ANSWERED,
            _not_revealed(
                _(
                    "Answers can't be changed once both are revealed. Add a "
                    "follow-up instead."
                )
            ),
            NOT_PASSED,
        ),
    ),
    Step(
        "pass",
        when=(
            _not_passed(_("This question was already passed.")),
            _not_revealed(
                _("You have both answered already, so there is nothing to pass.")
            ),
        ),
        verb="questions.passed",
    ),
    Step(
        "react",
        when=(_revealed(_("You can react once both answers are revealed.")),),
    ),
    Step(
        "follow_up",
        when=(_revealed(_("Follow-ups open once both of you have answered.")),),
        verb="questions.followed_up",
    ),
    model=Round,
    related=("space",),
    recipient=lambda round, by: round.space.partner_of(by),
)
