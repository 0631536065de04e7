"""Who may reach each repair view: both partners for the shared repair;
its author alone for private notes, log entries and check-ins; the hurt
partner alone for the check-in page."""

from django.utils import timezone

from tests.matrix import Case
from troth.repair import services
from troth.repair.tests.factories import heard, opened

BOTH = {"alice", "bob"}
THEM = {"carol", "dave"}


def _repair(world):
    return {"pk": opened(world.space, world.bob, world.alice).pk}


def _heard(world):
    return {"pk": heard(world.space, world.bob, world.alice).pk}


def _theirs(world):
    return {"pk": opened(world.other_space, world.dave, world.carol).pk}


def _bobs_note(world):
    repair = opened(world.space, world.bob, world.alice)
    return {"pk": services.note_write(repair=repair, by=world.bob, text="Mine.").pk}


def _bobs_session(world):
    repair = opened(world.space, world.bob, world.alice)
    session = services.therapy_log(
        repair=repair, by=world.bob, kind="individual", on=timezone.now().date()
    )
    return {"pk": session.pk}


def _bobs_checkin(world):
    repair = opened(world.space, world.bob, world.alice)
    checkin = services.forgiveness_checkin(
        repair=repair, by=world.bob, distance=3, even=2, goodwill=5
    )
    return {"pk": checkin.pk}


def _daves_note(world):
    repair = opened(world.other_space, world.dave, world.carol)
    return {"pk": services.note_write(repair=repair, by=world.dave, text="His.").pk}


def shared(make=_repair, method="GET", data=None):
    return [
        Case("bob's repair", make, BOTH, method=method, data=data or {}),
        Case("carol and dave's repair", _theirs, THEM, method=method, data=data or {}),
    ]


CASES = {
    "repair:detail": shared(),
    "repair:account": shared(method="POST", data={"text": "It hurt."}),
    "repair:mirror": shared(method="POST", data={"text": "I heard."}),
    "repair:mirror_answer": shared(method="POST", data={"heard": "yes"}),
    "repair:apology": shared(_heard),
    "repair:apology_check": shared(_heard, "POST", {"text": "I'm sorry, but."}),
    "repair:apology_answer": shared(method="POST", data={"answer": "helps"}),
    "repair:phase": shared(method="POST", data={"phase": "attune"}),
    "repair:resolve": shared(method="POST"),
    "repair:reopen": shared(method="POST"),
    "repair:plan": shared(),
    "repair:plan_promise": shared(),
    "repair:plan_agreement": shared(),
    "repair:private": shared(),
    "repair:note_add": shared(method="POST", data={"text": "A note."}),
    "repair:therapy_add": shared(method="POST", data={"kind": "couples"}),
    "repair:forgiveness": [
        Case("bob was hurt", _repair, {"bob"}),
        Case("dave was hurt", _theirs, {"dave"}),
        Case(
            "bob checks in",
            _repair,
            {"bob"},
            method="POST",
            data={"distance": 4, "even": 2, "goodwill": 5},
        ),
    ],
    "repair:note_delete": [
        Case("bob's note", _bobs_note, {"bob"}, method="POST"),
        Case("dave's note", _daves_note, {"dave"}, method="POST"),
    ],
    "repair:therapy_delete": [
        Case("bob's session", _bobs_session, {"bob"}, method="POST"),
    ],
    "repair:checkin_delete": [
        Case("bob's check-in", _bobs_checkin, {"bob"}, method="POST"),
    ],
}
