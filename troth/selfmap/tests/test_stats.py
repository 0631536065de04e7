"""Self-map counts for the audit and insights."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from troth.selfmap import services, stats

pytestmark = pytest.mark.django_db


def test_counts_never_include_the_partners_private_entries(alice, bob, space):
    services.entry_create(
        space=space, author=alice, kind="need", title="a", text="x", share=True
    )
    services.entry_create(space=space, author=alice, kind="need", title="b", text="x")
    services.entry_create(
        space=space, author=bob, kind="value", title="c", text="x", share=True
    )
    services.entry_create(space=space, author=bob, kind="value", title="d", text="x")
    counts = stats.selfmap_counts(user=alice, space=space)
    assert counts.mine["need"] == 2 and counts.mine_shared["need"] == 1
    assert counts.partner_shared == {"boundary": 0, "trigger": 0, "value": 1, "need": 0}
    assert counts.total_mine == 2 and counts.total_partner_shared == 1


def test_changes_and_responses_in_a_period(alice, bob, space):
    start = timezone.now() - dt.timedelta(minutes=1)
    entry = services.entry_create(
        space=space, author=bob, kind="need", title="a", text="x", share=True
    )
    services.entry_update(entry=entry, by=bob, title="a", text="y")
    private = services.entry_create(
        space=space, author=bob, kind="need", title="p", text="x"
    )
    services.entry_update(entry=private, by=bob, title="p", text="z")
    services.response_create(entry=entry, by=alice, kind="thanks")
    end = timezone.now() + dt.timedelta(minutes=1)
    assert (
        stats.shared_changes_between(user=alice, space=space, start=start, end=end) == 2
    )
    assert stats.responses_between(user=alice, space=space, start=start, end=end) == {
        "thanks_given": 1,
        "thanks_received": 0,
        "talks_asked": 0,
        "talks_received": 0,
    }
    assert (
        stats.responses_between(user=bob, space=space, start=start, end=end)[
            "thanks_received"
        ]
        == 1
    )
