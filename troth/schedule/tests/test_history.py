"""The calendar's pages show a window of time, so years of past events
(imported or written) and of answered rituals weigh nothing on them: the
same size and queries with ten times the history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.schedule.models import Event, EventVisibility, RitualMark
from troth.schedule.tests.helpers import make_event, make_ritual

pytestmark = pytest.mark.django_db

PAGES = ["/calendar/", "/calendar/week/", "/calendar/month/", "/calendar/rituals/"]


def add_past(space, alice, bob, ritual, years: int) -> None:
    """`years` more years, before those already there, of a dinner a week
    each and both partners' answers to the weekly ritual."""
    oldest = Event.objects.filter(space=space).order_by("start").first()
    assert oldest is not None
    before = min(oldest.start, ritual.start) - dt.timedelta(days=1)
    weeks = 52 * years
    Event.objects.bulk_create(
        Event(
            space=space,
            author=alice if n % 2 else bob,
            visibility=EventVisibility.SHARED,
            title=f"Dinner {n}",
            start=before - dt.timedelta(weeks=n),
            end=before - dt.timedelta(weeks=n) + dt.timedelta(hours=2),
            last_end=before - dt.timedelta(weeks=n) + dt.timedelta(hours=2),
            time_zone="UTC",
        )
        for n in range(weeks)
    )
    now = timezone.now()
    have = set(RitualMark.objects.filter(event=ritual).values_list("original", "user"))
    RitualMark.objects.bulk_create(
        RitualMark(
            event=ritual, original=when, user=person, happened=True, marked_at=when
        )
        for week in range(1, weeks + 1)
        if (when := ritual.start + dt.timedelta(weeks=week)) < now
        for person in (alice, bob)
        if (when, person.pk) not in have
    )


def measure(client, url: str) -> tuple[int, int]:
    client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_a_page_weighs_the_same_with_ten_times_the_history(alice, bob, space, url):
    make_event(alice, space)
    ritual = make_ritual(
        alice, space, start=timezone.now() - dt.timedelta(weeks=52 * 20)
    )
    client = client_for(alice)
    add_past(space, alice, bob, ritual, 1)
    small = measure(client, url)
    add_past(space, alice, bob, ritual, 9)
    large = measure(client, url)
    assert large[1] == small[1]
    assert large[0] <= 1.5 * small[0]
