"""A moment's page offers exactly the steps its services allow."""

from __future__ import annotations

import pytest

from tests.stepcheck import assert_pages_agree
from troth.moments import services
from troth.moments.models import About, Ack, Kind, Moment
from troth.moments.steps import STEPS
from troth.spaces.models import Membership
from troth.spaces.services import space_leave

CALLS = {
    "share": lambda m, u: services.moment_share(moment=m, by=u),
    "unshare": lambda m, u: services.moment_unshare(moment=m, by=u),
    "acknowledge": lambda m, u: services.moment_acknowledge(
        moment=m, by=u, ack=Ack.values[0]
    ),
}


def _situations(space, alice, bob):
    def make(about, *, share=False, ack=False):
        moment = services.moment_create(
            space=space,
            by=alice,
            about=about,
            kind=Kind.SHOWED_UP,
            share=share,
        )
        if ack:
            services.moment_acknowledge(moment=moment, by=bob, ack=Ack.values[0])
        return moment.pk

    pks = {
        "private, about herself": make(About.SELF),
        "shared, about herself": make(About.SELF, share=True),
        "about him": make(About.PARTNER),
        "about him, acknowledged": make(About.PARTNER, ack=True),
    }
    return {
        label: (lambda pk=pk: Moment.objects.select_related("space").get(pk=pk))
        for label, pk in pks.items()
    }


@pytest.mark.django_db
def test_the_pages_offer_exactly_the_steps_the_services_allow(space, alice, bob):
    situations = _situations(space, alice, bob)
    offered, refused = assert_pages_agree(STEPS, situations, [alice, bob], CALLS)
    assert offered >= 3 and refused >= 10


@pytest.mark.django_db
def test_in_a_closed_space_only_making_ones_own_moment_private_is_left(
    space, alice, bob
):
    situations = _situations(space, alice, bob)
    space_leave(membership=Membership.objects.get(user=bob, left_at__isnull=True))
    offered, _refused = assert_pages_agree(STEPS, situations, [alice, bob], CALLS)
    assert offered == 1  # Alice's shared moment about herself: unshare
