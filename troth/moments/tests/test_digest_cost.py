"""The weekly digest costs what is due, not how many couples exist
(issue 14): outside Monday morning a tick reads nothing; on Monday, with
everyone told, it is one query for one couple and for thirty; a digest
given is not tried again."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crowd import crowd
from troth.moments.models import Moment
from troth.moments.tasks import DIGEST_HOUR, _monday_morning_somewhere, digests_send
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db

# Monday 23 November 2026, 20:00 UTC: Monday evening in London and UTC,
# Tuesday in Tokyo, Monday noon in Los Angeles.
MONDAY = dt.datetime(2026, 11, 23, 20, 0, tzinfo=dt.UTC)
LAST_WEEK = dt.date(2026, 11, 16)


def with_history(n: int, *, told: bool = True) -> list:
    """`n` couples with a shared moment every day for eight weeks; last
    week's digest already given to everyone it is due to."""
    couples = crowd(n)
    Moment.objects.bulk_create(
        Moment(
            space=space,
            author=alice,
            subject=bob,
            about="partner",
            kind="listened",
            visibility="shared",
            occurred_on=LAST_WEEK + dt.timedelta(days=6 - d),
        )
        for space, alice, bob in couples
        for d in range(56)
    )
    if told:
        Notification.objects.bulk_create(
            Notification(
                user=person,
                kind="moments.digest",
                key=f"moments.digest:{person.pk}:{LAST_WEEK.isoformat()}",
            )
            for _space, *pair in couples
            for person in pair
        )
    return couples


def count(now=MONDAY) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        sent = digests_send(now)
    return len(captured), sent


def test_outside_monday_morning_a_tick_reads_nothing():
    with_history(3, told=False)
    assert count(MONDAY + dt.timedelta(days=2)) == (0, 0)


def test_with_everyone_told_a_tick_is_one_query_for_one_couple_or_thirty():
    with_history(1)
    assert count() == (1, 0)
    with_history(29)
    assert count() == (1, 0)


def test_with_some_due_the_cost_follows_them_not_the_couples():
    ContentType.objects.get_for_model(Moment)
    ((space, alice, bob),) = with_history(1, told=False)  # UTC and London
    cost_with_one, sent = count()
    assert sent == 2
    with_history(29)
    Notification.objects.filter(user__in=[alice, bob]).delete()
    cost_with_thirty, sent = count()
    assert sent == 2
    assert cost_with_thirty == cost_with_one
    assert count() == (1, 0)


def test_outside_monday_morning_a_tick_does_not_even_go_through_the_zones():
    """Six hundred zone conversions a tick cost more than a query: from
    Tuesday noon to Sunday 19:00 UTC none is made."""
    with mock.patch("troth.moments.tasks._zone_names") as zones:
        assert count(MONDAY + dt.timedelta(days=2)) == (0, 0)
        assert count(MONDAY - dt.timedelta(days=1, hours=2)) == (0, 0)
    zones.assert_not_called()


def test_the_quick_check_misses_no_monday_morning_anywhere():
    names = [zoneinfo.ZoneInfo(name) for name in zoneinfo.available_timezones()]
    start = MONDAY - dt.timedelta(days=3)
    for quarter in range(8 * 24 * 4):
        now = start + dt.timedelta(minutes=15 * quarter)
        somewhere = any(
            (local := now.astimezone(zone)).weekday() == 0 and local.hour >= DIGEST_HOUR
            for zone in names
        )
        assert _monday_morning_somewhere(now) == somewhere, now
