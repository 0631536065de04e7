"""A question round's page offers exactly the steps its services allow."""

from __future__ import annotations

import pytest

from tests.stepcheck import assert_pages_agree
from troth.questions import services
from troth.questions.models import Answer, Reaction, Round
from troth.questions.steps import STEPS
from troth.spaces.steps import Refused


def _own_answer(round, user) -> Answer:
    answer = Answer.objects.filter(round=round, author=user).first()
    if answer is None:  # the page has no "change" link then, the URL is a 404
        raise Refused("", "no_answer")
    return answer


def _their_answer(round, user) -> Answer:
    answer = Answer.objects.filter(round=round).exclude(author=user).first()
    if answer is None:  # nothing to react to: the URL is a 404
        raise Refused("", "not_revealed")
    return answer


CALLS = {
    "answer": lambda r, u: services.answer_create(round=r, by=u, text="Yes."),
    "change_answer": lambda r, u: services.answer_update(
        answer=_own_answer(r, u), by=u, text="Maybe."
    ),
    "pass": lambda r, u: services.round_pass(round=r, by=u),
    "react": lambda r, u: services.reaction_set(
        answer=_their_answer(r, u), by=u, kind=Reaction.Kind.values[0]
    ),
    "follow_up": lambda r, u: services.followup_create(round=r, by=u, text="And?"),
}


@pytest.mark.django_db
def test_the_pages_offer_exactly_the_steps_the_services_allow(space, alice, bob):
    def pick(key):
        return services.round_pick(space=space, by=alice, key=key)

    # One picked question is open at a time: close each before the next.
    passed = pick("2.trust.1")
    services.round_pass(round=passed, by=bob)
    revealed = pick("2.trust.2")
    services.answer_create(round=revealed, by=alice, text="Mine.")
    services.answer_create(round=revealed, by=bob, text="His.")
    one_answer = pick("2.trust.3")
    services.answer_create(round=one_answer, by=alice, text="Mine.")
    fresh_round = services.round_for_day(space=space)

    def situation(pk):
        # As the page reads it: annotated for the person looking.
        return lambda: Round.objects.select_related("space").get(pk=pk)

    offered, refused = assert_pages_agree(
        STEPS,
        {
            "nobody answered": situation(fresh_round.pk),
            "alice answered": situation(one_answer.pk),
            "revealed": situation(revealed.pk),
            "passed": situation(passed.pk),
        },
        [alice, bob],
        CALLS,
    )
    assert offered >= 8 and refused >= 20
