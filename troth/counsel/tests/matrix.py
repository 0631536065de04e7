"""Who may reach each counsel view: the partners of the space for its
window's pages and steps; kim, the counsellor who holds the window, for
the counsellor's pages and nothing else; nobody of another couple, and no
other counsellor (lee holds carol and dave's window)."""

from tests.matrix import Case
from troth.counsel import services
from troth.counsel.tests.helpers import counsellor, fresh_open, proposed
from troth.exercises.library import EXERCISES

BOTH = {"alice", "bob"}
THEIRS = {"carol", "dave"}
KIM = {"kim"}
EXERCISE = EXERCISES[0].slug


def _open(world):
    window = fresh_open(world.space, world.alice, world.bob, world.kim)
    return {"pk": window.pk}


def _proposed(world):
    services.windows_close_in(space=world.space)
    return {"pk": proposed(world.space, world.alice).pk}


def _renewal(world):
    window = fresh_open(world.space, world.alice, world.bob, world.kim)
    services.window_renewal_propose(window=window, by=world.alice, days=60)
    return {"pk": window.pk}


def _theirs(world):
    window = fresh_open(world.other_space, world.carol, world.dave, counsellor("lee"))
    return {"pk": window.pk}


def _area(make):
    return lambda world: {**make(world), "area": "agreements"}


def _partner_cases(make, method="GET", data=None):
    return [
        Case("alice and bob's window", make, BOTH, method=method, data=data or {}),
        Case(
            "carol and dave's window", _theirs, THEIRS, method=method, data=data or {}
        ),
    ]


def _counsellor_cases(ours=_open, theirs=_theirs, method="GET", data=None):
    return [
        Case("kim's window", ours, KIM, method=method, data=data or {}),
        # Lee's window: nobody here holds it (kim counsels another couple).
        Case("lee's window", theirs, set(), method=method, data=data or {}),
    ]


CASES = {
    "counsel:detail": _partner_cases(_open),
    "counsel:log": _partner_cases(_open),
    "counsel:accept": _partner_cases(_proposed, "POST"),
    "counsel:decline": _partner_cases(_proposed, "POST"),
    "counsel:withdraw": _partner_cases(_proposed, "POST"),
    "counsel:close": _partner_cases(_open, "POST")
    + [Case("the confirmation", _open, BOTH)],
    "counsel:renewal_propose": _partner_cases(_open, "POST", {"days": "60"}),
    "counsel:renewal_accept": _partner_cases(_renewal, "POST"),
    "counsel:renewal_decline": _partner_cases(_renewal, "POST"),
    "counsel:home": _counsellor_cases(),
    "counsel:area": _counsellor_cases(_area(_open), _area(_theirs)),
    "counsel:note": _counsellor_cases(
        method="POST", data={"text": "A note for you both."}
    ),
    "counsel:suggest": _counsellor_cases(method="POST", data={"exercise": EXERCISE}),
}

EXEMPT = {
    # The token is the capability itself, as a space's invitation link: its
    # used, closed and bad-link paths are tested in test_windows.py.
    "counsel:join": "capability link",
}
