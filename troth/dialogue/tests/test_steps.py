"""The dialogue's page offers exactly the steps its services let a person
take (troth/dialogue/steps.py), at every point of a dialogue and of its
summary, for both partners, in an open space and once it is closed."""

from __future__ import annotations

import pytest
from django.db import transaction

from troth.dialogue import services
from troth.dialogue.models import Dialogue, Summary
from troth.dialogue.steps import STEPS, SUMMARY_STEPS, summary_allowed
from troth.dialogue.tests.factories import finished, proposed_summary, started
from troth.spaces.models import Membership
from troth.spaces.services import space_leave
from troth.spaces.steps import Refused

pytestmark = pytest.mark.django_db


def _action(dialogue: Dialogue) -> str:
    """An action the current step accepts (a wrong one is refused for its
    input, which no page offers)."""
    return services.ACTIONS.get(dialogue.step, ("next",))[0]


CALLS = {
    "take_turn": lambda d, u: services.dialogue_step(
        dialogue=d, by=u, action=_action(d), text="Words."
    ),
    "take_break": lambda d, u: services.dialogue_break(dialogue=d, by=u),
    "resume": lambda d, u: services.dialogue_resume(dialogue=d, by=u),
    "stop": lambda d, u: services.dialogue_stop(dialogue=d, by=u),
    "propose_summary": lambda d, u: services.summary_propose(
        dialogue=d, by=u, text="What we heard."
    ),
}

SUMMARY_CALLS = {
    "keep": lambda s, u: services.summary_keep(summary=s, by=u),
    "let_go": lambda s, u: services.summary_let_go(summary=s, by=u),
    "delete": lambda s, u: services.summary_delete(summary=s, by=u),
}


def _dialogues(space, alice, bob) -> dict[str, Dialogue]:
    """Dialogues started by Alice, who speaks first, at every point."""

    def then(dialogue, *steps):
        for name, who in steps:
            CALLS[name](dialogue, {"a": alice, "b": bob}[who])
        return dialogue

    return {
        "written, alice's turn": started(space, alice),
        "written, bob's turn": then(started(space, alice), ("take_turn", "a")),
        "written, bob's break": then(started(space, alice), ("take_break", "b")),
        "together": started(space, alice, mode="together"),
        "together, on a break": then(
            started(space, alice, mode="together"), ("take_break", "a")
        ),
        "stopped": then(started(space, alice), ("stop", "b")),
        "finished": finished(space, alice, bob),
        "finished, summary suggested": then(
            finished(space, alice, bob), ("propose_summary", "a")
        ),
    }


def _summaries(space, alice, bob) -> dict[str, Summary]:
    kept = proposed_summary(space, alice, bob)
    services.summary_keep(summary=kept, by=bob)
    let_go = proposed_summary(space, alice, bob)
    services.summary_let_go(summary=let_go, by=bob)
    return {
        "proposed": proposed_summary(space, alice, bob),
        "kept": kept,
        "let go": let_go,
    }


# What the partner guard says, before the step's own checks.
GUARD = {"closed", "not_member"}


def _takes(call, obj, user) -> Refused | None:
    """Whether the service lets `user` take the step; nothing is kept."""
    with transaction.atomic():
        try:
            call(obj, user)
        except Refused as refusal:
            return refusal
        finally:
            transaction.set_rollback(True)
    return None


def _agree(steps, calls, allowed_for, objects, people) -> tuple[int, int]:
    """Check, for every object, person and step, that the page offers the
    step exactly when the service takes it; count both outcomes."""
    offered = refused = 0
    for label, obj in objects.items():
        for user in people:
            fresh = type(obj).objects.get(pk=obj.pk)
            allowed = allowed_for(fresh, user)
            for name, call in calls.items():
                fresh = type(obj).objects.get(pk=obj.pk)
                refusal = _takes(call, fresh, user)
                where = f"{name} by {user} on {label}"
                assert (refusal is None) == (name in allowed), (where, refusal)
                if refusal is None:
                    offered += 1
                    continue
                refused += 1
                if refusal.code not in GUARD:
                    said = steps.refusal(name, fresh, user)
                    assert said is not None and said.code == refusal.code, where
    return offered, refused


def test_the_page_offers_exactly_the_steps_the_services_allow(space, alice, bob):
    assert set(CALLS) == set(STEPS.steps), "every dialogue step is exercised"
    assert set(SUMMARY_CALLS) == set(SUMMARY_STEPS.steps), "every summary step"
    dialogues = _dialogues(space, alice, bob)
    summaries = _summaries(space, alice, bob)
    people = (alice, bob)

    offered, refused = _agree(STEPS, CALLS, STEPS.allowed, dialogues, people)
    assert offered > 10 and refused > 30
    offered, refused = _agree(
        SUMMARY_STEPS, SUMMARY_CALLS, summary_allowed, summaries, people
    )
    assert offered >= 4 and refused >= 4

    # Once the space is closed nothing moves, but each can still take back
    # what they shared.
    space_leave(membership=Membership.objects.get(user=bob, left_at__isnull=True))
    offered, _refused = _agree(STEPS, CALLS, STEPS.allowed, dialogues, people)
    assert offered == 0
    offered, _refused = _agree(
        SUMMARY_STEPS, SUMMARY_CALLS, summary_allowed, summaries, people
    )
    assert offered >= 3  # letting go, and deleting a private one


def test_a_refused_turn_says_whose_turn_it_is(space, alice, bob):
    dialogue = started(space, alice)
    assert STEPS.allowed(dialogue, bob) == {"take_break", "stop"}
    with pytest.raises(Refused) as caught:
        CALLS["take_turn"](dialogue, bob)
    assert caught.value.code == "not_your_turn"
    assert caught.value.message == "It's Alice's turn."
