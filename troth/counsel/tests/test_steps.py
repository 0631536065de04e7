"""The window's page offers exactly the steps its services allow: in every
situation of a window, for both partners, every declared step
(tests/stepcheck.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from conftest import client_for
from tests.stepcheck import assert_pages_agree, fresh_copies
from troth.counsel import services
from troth.counsel.models import Window
from troth.counsel.steps import STEPS
from troth.counsel.tests.helpers import counsellor, fresh_open, opened, proposed
from troth.spaces.models import Membership
from troth.spaces.services import space_leave

pytestmark = pytest.mark.django_db

CALLS = {
    "accept": lambda w, u: services.window_accept(window=w, by=u),
    "decline": lambda w, u: services.window_decline(window=w, by=u),
    "withdraw": lambda w, u: services.window_withdraw(window=w, by=u),
    "close": lambda w, u: services.window_close(window=w, by=u),
    "propose_renewal": lambda w, u: services.window_renewal_propose(
        window=w, by=u, days=60
    ),
    "accept_renewal": lambda w, u: services.window_renewal_accept(window=w, by=u),
    "decline_renewal": lambda w, u: services.window_renewal_decline(window=w, by=u),
}


def _proposed(alice, bob, space):
    return proposed(space, alice)


def _withdrawn(alice, bob, space):
    window = proposed(space, alice)
    services.window_withdraw(window=window, by=alice)
    return window


def _open(alice, bob, space):
    return opened(space, alice, bob, held_by=counsellor())


def _renewal(alice, bob, space):
    window = opened(space, alice, bob)
    services.window_renewal_propose(window=window, by=bob, days=60)
    return window


def _closed(alice, bob, space):
    window = opened(space, alice, bob)
    services.window_close(window=window, by=bob)
    return window


def _past_end(alice, bob, space):
    window = opened(space, alice, bob, days=1)
    Window.objects.filter(pk=window.pk).update(
        ends_on=timezone.now().date() - dt.timedelta(days=3)
    )
    return window


SITUATIONS = {
    "proposed by alice": _proposed,
    "withdrawn": _withdrawn,
    "open": _open,
    "open, bob proposed a later end": _renewal,
    "closed": _closed,
    "open past its end": _past_end,
}


@pytest.mark.parametrize("situation", SITUATIONS)
def test_the_window_offers_what_its_services_allow(alice, bob, space, situation):
    # A space has at most one live window: each situation is made alone.
    window = SITUATIONS[situation](alice, bob, space)
    offered, refused = assert_pages_agree(
        STEPS, fresh_copies({situation: window}), [alice, bob], CALLS
    )
    assert refused
    # A live window can always be closed; an ended one takes no step.
    assert bool(offered) == (situation not in ("withdrawn", "closed"))


def test_a_closed_space_leaves_only_the_close(alice, bob, space):
    window = opened(space, alice, bob)
    Window.objects.filter(pk=window.pk).update(status="proposed")
    space_leave(membership=Membership.objects.get(user=bob))
    window.refresh_from_db()
    assert STEPS.allowed(window, alice) == frozenset()


def test_the_page_shows_the_steps_allowed(alice, bob, space):
    window = proposed(space, alice)
    mine = client_for(alice).get(f"/counsel/{window.pk}/").content
    theirs = client_for(bob).get(f"/counsel/{window.pk}/").content
    assert b'data-testid="withdraw-window"' in mine
    assert b'data-testid="accept-window"' not in mine
    assert b'data-testid="accept-window"' in theirs
    assert b'data-testid="decline-window"' in theirs
    assert b'data-testid="withdraw-window"' not in theirs
    for page in (mine, theirs):
        # While proposed, the one answer that fits: no close beside it.
        assert b'data-testid="close-window"' not in page
        # The partner asked to accept sees where the invitation goes.
        assert window.counsellor_email.encode() in page
    assert theirs.index(b'data-testid="window-scope"') < theirs.index(
        b'data-testid="accept-window"'
    )
    opened_page = client_for(bob).get(
        f"/counsel/{fresh_open(space, alice, bob, None).pk}/"
    )
    assert b'data-testid="close-window"' in opened_page.content


def test_every_history_line_reads_as_a_sentence(alice, bob, space):
    from troth.counsel.models import EventKind, WindowEvent

    kim = counsellor()
    window = opened(space, alice, bob, held_by=kim)
    WindowEvent.objects.create(window=window, actor=kim, kind=EventKind.JOINED)
    services.window_close(window=window, by=bob)
    page = client_for(alice).get(f"/counsel/{window.pk}/").content.decode()
    history = page[page.index('data-testid="window-history"') :]
    assert "The counsellor took the invitation" in history
    assert "The window was closed" in history
    assert f"<bdi>{kim}</bdi>" not in history
    assert f"<bdi>{bob}</bdi> accepted" in history
