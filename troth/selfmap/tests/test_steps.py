"""The self map's pages offer exactly the steps its services allow."""

from __future__ import annotations

import pytest

from tests.stepcheck import assert_pages_agree
from troth.selfmap import services
from troth.selfmap.models import Entry, Kind, Response
from troth.selfmap.steps import ENTRY_STEPS, RESPONSE_STEPS
from troth.spaces.models import Membership
from troth.spaces.services import space_leave

ENTRY_CALLS = {
    "share": lambda e, u: services.entry_share(entry=e, by=u),
    "unshare": lambda e, u: services.entry_unshare(entry=e, by=u),
    "thank": lambda e, u: services.response_create(
        entry=e, by=u, kind=Response.Kind.THANKS
    ),
    "ask_to_talk": lambda e, u: services.response_create(
        entry=e, by=u, kind=Response.Kind.TALK
    ),
}


def _entry(space, alice, *, share: bool) -> int:
    return services.entry_create(
        space=space,
        author=alice,
        kind=Kind.VALUE,
        title="Honesty",
        text="I would rather hear it straight.",
        share=share,
    ).pk


def _fresh(pk):
    return lambda: Entry.objects.select_related("space", "author").get(pk=pk)


@pytest.mark.django_db
def test_entry_pages_offer_exactly_the_steps_the_services_allow(space, alice, bob):
    thanked = _entry(space, alice, share=True)
    services.response_create(
        entry=Entry.objects.get(pk=thanked), by=bob, kind=Response.Kind.THANKS
    )
    talked = _entry(space, alice, share=True)
    services.response_create(
        entry=Entry.objects.get(pk=talked), by=bob, kind=Response.Kind.TALK
    )
    situations = {
        "private": _fresh(_entry(space, alice, share=False)),
        "shared": _fresh(_entry(space, alice, share=True)),
        "shared and thanked": _fresh(thanked),
        "shared, talk asked": _fresh(talked),
    }
    offered, refused = assert_pages_agree(
        ENTRY_STEPS, situations, [alice, bob], ENTRY_CALLS
    )
    assert offered >= 6 and refused >= 10
    space_leave(membership=Membership.objects.get(user=bob, left_at__isnull=True))
    offered, _ = assert_pages_agree(ENTRY_STEPS, situations, [alice, bob], ENTRY_CALLS)
    assert offered == 3  # only Alice making a shared entry private again


@pytest.mark.django_db
def test_a_request_to_talk_is_resolved_once_by_the_author(space, alice, bob):
    entry = Entry.objects.get(pk=_entry(space, alice, share=True))
    talk = services.response_create(entry=entry, by=bob, kind=Response.Kind.TALK)
    thanks = services.response_create(entry=entry, by=bob, kind=Response.Kind.THANKS)
    resolved = services.response_create(
        entry=Entry.objects.get(pk=_entry(space, alice, share=True)),
        by=bob,
        kind=Response.Kind.TALK,
    )
    services.response_resolve(response=resolved, by=alice)

    def fresh(pk):
        return lambda: Response.objects.select_related("space", "entry").get(pk=pk)

    offered, refused = assert_pages_agree(
        RESPONSE_STEPS,
        {
            "open request": fresh(talk.pk),
            "thank-you": fresh(thanks.pk),
            "resolved": fresh(resolved.pk),
        },
        [alice, bob],
        {"resolve": lambda r, u: services.response_resolve(response=r, by=u)},
    )
    assert (offered, refused) == (1, 5)
