"""Authorization cases for every self-map view that names an object."""

from tests.matrix import Case
from troth.selfmap import services
from troth.selfmap.models import Response

BOTH = {"alice", "bob"}
ALICE = {"alice"}
BOB = {"bob"}


def entry(world, *, share: bool) -> int:
    return services.entry_create(
        space=world.space,
        author=world.alice,
        kind="boundary",
        title="Quiet mornings",
        text="Words",
        share=share,
    ).pk


def private_entry(world):
    return {"pk": entry(world, share=False)}


def shared_entry(world):
    return {"pk": entry(world, share=True)}


def carols_shared_entry(world):
    return {
        "pk": services.entry_create(
            space=world.other_space,
            author=world.carol,
            kind="need",
            title="Carol's",
            text="Words",
            share=True,
        ).pk
    }


def talk_request(world):
    shared = services.entry_create(
        space=world.space,
        author=world.alice,
        kind="value",
        title="Honesty",
        text="Words",
        share=True,
    )
    return {
        "pk": services.response_create(
            entry=shared, by=world.bob, kind=Response.Kind.TALK
        ).pk
    }


CASES = {
    "selfmap:entry": [
        Case("private entry", private_entry, ALICE),
        Case("shared entry", shared_entry, BOTH),
        Case("another couple's shared entry", carols_shared_entry, {"carol", "dave"}),
    ],
    "selfmap:edit": [
        Case("private entry", private_entry, ALICE),
        Case("shared entry: only its author edits", shared_entry, ALICE),
    ],
    "selfmap:share": [
        Case("private entry", private_entry, ALICE, method="POST"),
    ],
    "selfmap:unshare": [
        Case("shared entry", shared_entry, ALICE, method="POST"),
        Case("private entry", private_entry, ALICE, method="POST"),
    ],
    "selfmap:delete": [
        Case("private entry", private_entry, ALICE, method="POST"),
        Case("shared entry", shared_entry, ALICE, method="POST"),
    ],
    "selfmap:respond": [
        Case(
            "shared entry: the partner responds",
            shared_entry,
            BOB,
            method="POST",
            data={"kind": "thanks"},
        ),
        Case(
            "private entry",
            private_entry,
            set(),
            method="POST",
            data={"kind": "thanks"},
        ),
    ],
    "selfmap:resolve": [
        Case(
            "a request to talk: the entry's author marks it",
            talk_request,
            ALICE,
            method="POST",
        ),
    ],
}
