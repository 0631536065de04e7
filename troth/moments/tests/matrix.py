"""Authorization cases for every moments view that names an object."""

from tests.matrix import Case
from troth.moments import services

BOTH = {"alice", "bob"}


def _moment(world, *, about: str, share: bool = False):
    return services.moment_create(
        space=world.space,
        by=world.alice,
        about=about,
        kind="listened",
        note="You listened",
        share=share,
    )


def about_bob(world):
    return {"pk": _moment(world, about="partner").pk}


def private_self(world):
    return {"pk": _moment(world, about="self").pk}


def shared_self(world):
    return {"pk": _moment(world, about="self", share=True).pk}


def carols_moment(world):
    moment = services.moment_create(
        space=world.other_space, by=world.carol, about="partner", kind="showed_up"
    )
    return {"pk": moment.pk}


def alices_bid(world):
    bid = services.bid_create(space=world.space, by=world.alice, response="toward")
    return {"pk": bid.pk}


CASES = {
    "moments:detail": [
        Case("about the partner", about_bob, BOTH),
        Case("private, about herself", private_self, {"alice"}),
        Case("shared, about herself", shared_self, BOTH),
        Case("another couple's", carols_moment, {"carol", "dave"}),
    ],
    "moments:acknowledge": [
        Case(
            "about the partner: bob acknowledges",
            about_bob,
            {"bob"},
            method="POST",
            data={"ack": "thanks"},
        ),
        Case(
            "private, about herself",
            private_self,
            set(),
            method="POST",
            data={"ack": "thanks"},
        ),
        Case(
            "shared, about herself",
            shared_self,
            {"bob"},
            method="POST",
            data={"ack": "seen"},
        ),
    ],
    "moments:share": [
        Case("private, about herself", private_self, {"alice"}, method="POST"),
    ],
    "moments:unshare": [
        Case("shared, about herself", shared_self, {"alice"}, method="POST"),
    ],
    "moments:delete": [
        Case("about the partner", about_bob, {"alice"}, method="POST"),
        Case("private, about herself", private_self, {"alice"}, method="POST"),
    ],
    "moments:bid_delete": [
        Case("alice's bid: hers alone", alices_bid, {"alice"}, method="POST"),
    ],
}
