from tests.matrix import Case
from troth.exercises import services
from troth.exercises.tests.helpers import past, plan

COUPLE = {"alice", "bob"}


def planned(world):
    return {"pk": plan(world.space, world.alice).pk}


def with_private_log(world):
    session = past(plan(world.space, world.alice))
    services.log_save(
        session=session, author=world.alice, outcome="hard", visibility="private"
    )
    return {"pk": session.pk}


def with_shared_log(world):
    session = past(plan(world.space, world.alice))
    services.log_save(
        session=session, author=world.alice, outcome="helped", visibility="shared"
    )
    return {"pk": session.pk}


CASES = {
    "exercises:session": [
        Case("a planned exercise", planned, COUPLE),
        Case("with alice's private log", with_private_log, COUPLE),
        Case("with alice's shared log", with_shared_log, COUPLE),
    ],
    "exercises:log": [
        Case("with alice's private log", with_private_log, COUPLE),
        Case("with alice's shared log, posted", with_shared_log, COUPLE, method="POST"),
    ],
    "exercises:cancel": [Case("a planned exercise", planned, COUPLE, method="POST")],
}

EXEMPT = {
    # The library is the same for everyone and belongs to nobody; the slug
    # names a text in troth/exercises/library.py, not a row anyone owns.
    "exercises:detail": "library text, not an object",
    # Plans the library exercise in the requester's own space only.
    "exercises:schedule": "library text, not an object",
}
