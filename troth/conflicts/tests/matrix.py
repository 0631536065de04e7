from tests.matrix import Case
from troth.conflicts import services
from troth.conflicts.tests.helpers import add, log


def private_conflict(world):
    return {"pk": log(world.space, world.alice).conflict_id}


def shared_conflict(world):
    return {"pk": log(world.space, world.alice, shared=True).conflict_id}


def withdrawn_conflict(world):
    """Alice shared, Bob added his view, then Alice stopped sharing hers."""
    view = log(world.space, world.alice, shared=True)
    add(view.conflict, world.bob, shared=True)
    services.conflict_view_stop(view=view, by=world.alice)
    return {"pk": view.conflict_id}


def private_view(world):
    return {"pk": log(world.space, world.alice).pk}


def shared_view(world):
    return {"pk": log(world.space, world.alice, shared=True).pk}


def bobs_shared_view(world):
    view = log(world.space, world.alice, shared=True)
    return {"pk": add(view.conflict, world.bob, shared=True).pk}


OWN_VIEW = [
    Case("alice's private view", private_view, {"alice"}),
    Case("alice's shared view", shared_view, {"alice"}),
    Case("bob's shared view", bobs_shared_view, {"bob"}),
]


def _posting(cases):
    return [Case(case.label, case.make, case.allowed, method="POST") for case in cases]


CASES = {
    "conflicts:detail": [
        Case("alice's private conflict", private_conflict, {"alice"}),
        Case("alice's shared conflict", shared_conflict, {"alice", "bob"}),
        Case("withdrawn after bob's view", withdrawn_conflict, {"alice"}),
    ],
    "conflicts:add_view": [
        Case("alice's private conflict", private_conflict, {"alice"}),
        Case("alice's shared conflict", shared_conflict, {"alice", "bob"}),
        Case(
            "alice's shared conflict, posted",
            shared_conflict,
            {"alice", "bob"},
            method="POST",
        ),
    ],
    "conflicts:view_edit": OWN_VIEW,
    "conflicts:view_share": _posting(OWN_VIEW),
    "conflicts:view_stop": _posting(OWN_VIEW),
    "conflicts:view_delete": _posting(OWN_VIEW),
}
