"""Authorization cases for every questions view that names an object."""

from django.utils import timezone

from tests.matrix import Case
from troth.questions import services
from troth.questions.models import Round

BOTH = {"alice", "bob"}


def _round(space, **extra) -> Round:
    return Round.objects.create(
        space=space,
        day=timezone.now().date(),
        key="1.past.1",
        level=1,
        origin=Round.Origin.PICKED,
        **extra,
    )


def open_round(world):
    return {"pk": _round(world.space).pk}


def other_couples_round(world):
    return {"pk": _round(world.other_space).pk}


def answered_by_alice(world):
    round = _round(world.space)
    services.answer_create(round=round, by=world.alice, text="Alice's words")
    return round


def round_alice_answered(world):
    return {"pk": answered_by_alice(world).pk}


def revealed_round(world):
    round = answered_by_alice(world)
    services.answer_create(round=round, by=world.bob, text="Bob's words")
    return {"pk": round.pk}


def alices_unrevealed_answer(world):
    return {"pk": answered_by_alice(world).answers.get().pk}


def alices_revealed_answer(world):
    round = answered_by_alice(world)
    services.answer_create(round=round, by=world.bob, text="Bob's words")
    return {"pk": round.answers.get(author=world.alice).pk}


def alices_own_question(world):
    question = services.own_question_create(
        space=world.space, by=world.alice, text="What made you laugh today?", level=1
    )
    return {"pk": question.pk}


CASES = {
    "questions:round": [
        Case("open round", open_round, BOTH),
        Case("revealed round", revealed_round, BOTH),
        Case("another couple's round", other_couples_round, {"carol", "dave"}),
    ],
    "questions:status": [
        Case("round alice answered", round_alice_answered, BOTH),
        Case("another couple's round", other_couples_round, {"carol", "dave"}),
    ],
    "questions:answer": [
        Case("open round", open_round, BOTH, method="POST", data={"text": "Mine"}),
        Case(
            "another couple's round",
            other_couples_round,
            {"carol", "dave"},
            method="POST",
            data={"text": "Mine"},
        ),
    ],
    "questions:answer_edit": [
        Case("round alice answered: only her answer", round_alice_answered, {"alice"}),
        Case("open round nobody answered", open_round, set()),
    ],
    "questions:pass": [
        Case("open round", open_round, BOTH, method="POST"),
    ],
    "questions:followup": [
        Case(
            "revealed round", revealed_round, BOTH, method="POST", data={"text": "More"}
        ),
        Case(
            "unrevealed round",
            round_alice_answered,
            BOTH,
            method="POST",
            data={"text": "x"},
        ),
    ],
    "questions:react": [
        Case(
            "alice's answer, revealed: bob reacts",
            alices_revealed_answer,
            {"bob"},
            method="POST",
            data={"kind": "moved"},
        ),
        Case(
            "alice's answer before the reveal: nobody",
            alices_unrevealed_answer,
            set(),
            method="POST",
            data={"kind": "moved"},
        ),
    ],
    "questions:own_retire": [
        Case("alice's own question", alices_own_question, {"alice"}, method="POST"),
    ],
}
