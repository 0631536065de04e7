"""The pulse reminder costs what is due, not how many people exist
(issue 14): with nobody due, or everybody due already reminded, a tick is
one query for one couple and for thirty; a reminder sent is not tried
again (no failing INSERT on every tick of its grace period)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crowd import crowd
from troth.checkins import tasks
from troth.checkins.models import Pulse, PulseSettings
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db

# 09:30 UTC: 09:30 in London in winter, 18:30 in Tokyo, 01:30 in Los Angeles.
NOW = dt.datetime(2026, 1, 12, 9, 30, tzinfo=dt.UTC)
NINE = dt.time(9, 0)


def with_history(n: int, *, reminded: bool = True) -> list:
    """`n` couples who all chose 09:00 (UTC or London: due now), with a
    month of pulses; today's reminder already sent to those due, and each
    row's next moment where the job left it (tomorrow's, or 09:00 in Los
    Angeles today). With `reminded=False` today's 09:00 in UTC and London
    has come and nobody was told yet."""
    couples = crowd(n)
    people = [person for _space, *pair in couples for person in pair]
    due_now = [p for p in people if p.timezone in ("UTC", "Europe/London")]
    PulseSettings.objects.bulk_create(
        PulseSettings(
            user=person,
            remind_at=NINE,
            next_remind_at=(
                NOW - dt.timedelta(minutes=30)
                if person in due_now and not reminded
                else tasks.reminder_due(NINE, person.tz, NOW)[1]
            ),
        )
        for person in people
    )
    Pulse.objects.bulk_create(
        Pulse(space=space, author=person, day=dt.date(2026, 1, 11) - dt.timedelta(d))
        for space, *pair in couples
        for person in pair
        for d in range(30)
    )
    if reminded:
        Notification.objects.bulk_create(
            Notification(
                user=person,
                kind="pulse.reminder",
                key=f"pulse.reminder:{person.pk}:2026-01-12",
            )
            for person in due_now
        )
    return couples


def count(now=NOW) -> tuple[int, int]:
    with (
        mock.patch("django.utils.timezone.now", return_value=now),
        CaptureQueriesContext(connection) as captured,
    ):
        sent = tasks.remind_pulse.call()
    return len(captured), sent


def test_with_nobody_left_to_remind_a_tick_is_one_query_for_one_couple_or_thirty():
    with_history(1)
    assert count() == (1, 0)
    with_history(29)
    assert count() == (1, 0)
    # Later in the day nobody's time has come: still one query.
    assert count(NOW + dt.timedelta(hours=5)) == (1, 0)


def test_with_some_due_the_cost_follows_them_not_the_couples():
    ((space, alice, bob),) = with_history(1, reminded=False)  # UTC and London
    cost_with_one, sent = count()
    assert sent == 2
    with_history(29)
    ((space, carol, dave),) = with_history(1, reminded=False)
    cost_with_thirty, sent = count()
    assert sent == 2
    assert cost_with_thirty == cost_with_one
    assert count() == (1, 0)


def test_fifty_people_due_at_once_cost_the_queries_of_two():
    """Everyone due is reminded by one notify_many: the same queries for two
    people as for fifty, each once."""
    with_history(1, reminded=False)
    few = count()
    couples = with_history(50, reminded=False)
    due = [
        person
        for _space, *pair in couples
        for person in pair
        if person.timezone in ("UTC", "Europe/London")
    ]
    many = count()
    assert few[1] == 2 and many[1] == len(due) >= 50
    assert few[0] == many[0]
    assert count() == (1, 0)
    assert Notification.objects.filter(
        kind="pulse.reminder", user__in=due
    ).count() == len(due)
