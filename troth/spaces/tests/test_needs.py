"""The top of the dashboard: everything waiting for the person, in one place."""

from __future__ import annotations

import pytest

from conftest import make_space
from troth.moments import services as moments
from troth.promises import services as promises
from troth.promises.tests.helpers import make_promise

pytestmark = pytest.mark.django_db


def needs_of(client) -> str:
    page = client.get("/").content.decode()
    return page.split('data-testid="card-needs"', 1)[1].split("</section>", 1)[0]


def test_it_says_so_when_nothing_waits(eve, eve_client):
    make_space(eve)  # waiting for a partner: no question, nothing to confirm
    section = needs_of(eve_client)
    assert 'data-testid="nothing-needed"' in section


def test_it_gathers_what_waits_from_every_feature(
    alice, bob, space, alice_client, bob_client
):
    promise = make_promise(space, bob, text="Book the dentist")
    promises.promise_mark_done(promise=promise, by=bob)
    moments.moment_create(space=space, by=bob, about="partner", kind="listened")
    section = needs_of(alice_client)
    assert "1 promise needs you" in section
    assert 'href="/promises/?show=needs"' in section
    assert "1 moment to acknowledge" in section
    assert "Today&#x27;s question is waiting for your answer" in section
    # Bob waits for none of it: his own promise and moment need nothing of him.
    bobs = needs_of(bob_client)
    assert "promise needs you" not in bobs
    assert "moment to acknowledge" not in bobs
