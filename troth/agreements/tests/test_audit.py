"""agreements_in_period: what the monthly audit reads about agreements."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from troth.agreements import services
from troth.agreements.audit import agreements_in_period
from troth.agreements.tests.factories import active, proposed

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def test_it_sorts_agreements_by_what_happened_in_the_period(alice, bob, carol, space):
    now = timezone.now()
    t0 = now - 60 * DAY
    steady = active(space, alice, bob, "One.", title="Steady")
    paused = proposed(space, alice, "Two.", title="Paused", now=t0)
    services.agreement_accept_all(agreement=paused, by=bob, now=t0 + DAY)
    services.agreement_withdraw_consent(agreement=paused, by=alice, now=now - 20 * DAY)
    changed = active(space, alice, bob, "Three.", title="Changed")
    clause = changed.clauses.get()
    services.clause_propose_change(
        agreement=changed, clause=clause, by=bob, text="Three, changed."
    )
    services.clause_accept(agreement=changed, clause=clause, by=alice)
    ended = active(space, alice, bob, "Four.", title="Ended")
    services.agreement_end(agreement=ended, by=bob)
    pending = proposed(space, alice, "Five.", title="Pending")

    month = agreements_in_period(
        space=space, viewer=alice, start=now - 30 * DAY, end=now + DAY
    )
    assert set(month.active) == {steady, paused, changed, ended}
    assert month.paused == [paused]
    assert month.changed == [changed]
    assert month.ended == [ended]
    assert pending not in month.active + month.paused
    due = agreements_in_period(
        space=space, viewer=alice, start=now + 80 * DAY, end=now + 100 * DAY
    )
    assert set(due.due_for_review) == {steady, changed}
    before = agreements_in_period(
        space=space, viewer=alice, start=now - 59 * DAY, end=now - 40 * DAY
    )
    assert before.active == [paused] and before.paused == []
    assert (
        agreements_in_period(
            space=space, viewer=carol, start=now - 30 * DAY, end=now + DAY
        ).active
        == []
    )
