"""Each person's pulse settings say when the reminder job next looks at
them (`next_remind_at`), so a tick reads only who is due (issue 14). The
moment follows every change of its inputs: the chosen time, and the
person's time zone."""

from __future__ import annotations

import datetime as dt
import time
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crowd import crowd
from troth.checkins import services, tasks
from troth.checkins.models import LOOK_AT_ONCE, PulseSettings
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db

# Monday 12 January 2026, 08:00 UTC.
MONDAY = dt.datetime(2026, 1, 12, 8, 0, tzinfo=dt.UTC)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def tick(moment) -> tuple[int, int]:
    with at(moment), CaptureQueriesContext(connection) as captured:
        sent = tasks.remind_pulse.call()
    return len(captured), sent


def next_moment(user) -> dt.datetime | None:
    return PulseSettings.objects.get(user=user).next_remind_at


def test_a_tick_moves_each_person_to_their_next_reminder(space, alice):
    alice.timezone = "Europe/Berlin"
    alice.save()
    services.pulse_settings_update(
        user=alice, space=space, share=False, remind_at=dt.time(20, 30)
    )
    assert next_moment(alice) == LOOK_AT_ONCE
    assert tick(MONDAY)[1] == 0
    # 20:30 in Berlin in winter.
    assert next_moment(alice) == dt.datetime(2026, 1, 12, 19, 30, tzinfo=dt.UTC)
    assert tick(MONDAY + dt.timedelta(hours=1)) == (1, 0)
    assert tick(dt.datetime(2026, 1, 12, 19, 35, tzinfo=dt.UTC))[1] == 1
    assert next_moment(alice) == dt.datetime(2026, 1, 13, 19, 30, tzinfo=dt.UTC)


def test_a_new_time_is_looked_at_on_the_next_tick(space, alice):
    services.pulse_settings_update(
        user=alice, space=space, share=False, remind_at=dt.time(20, 0)
    )
    tick(MONDAY)
    services.pulse_settings_update(
        user=alice, space=space, share=False, remind_at=dt.time(9, 0)
    )
    assert next_moment(alice) == LOOK_AT_ONCE
    assert tick(MONDAY + dt.timedelta(hours=1, minutes=5))[1] == 1


def test_no_time_chosen_leaves_the_index_after_one_look(space, alice):
    services.pulse_settings_update(user=alice, space=space, share=True, remind_at=None)
    tick(MONDAY)
    assert next_moment(alice) is None
    assert tick(MONDAY + dt.timedelta(days=1)) == (1, 0)


def test_the_reminder_follows_a_change_of_time_zone(space, alice):
    """09:00 is 09:00 where the person is now: moving from London to Tokyo
    brings the reminder nine hours earlier in UTC."""
    alice.timezone = "Europe/London"
    alice.save()
    services.pulse_settings_update(
        user=alice, space=space, share=False, remind_at=dt.time(9, 0)
    )
    tick(MONDAY - dt.timedelta(hours=8))  # the night before, nothing due
    assert next_moment(alice) == dt.datetime(2026, 1, 12, 9, 0, tzinfo=dt.UTC)
    alice.timezone = "Asia/Tokyo"
    alice.save()
    assert next_moment(alice) == LOOK_AT_ONCE
    # 00:05 UTC is 09:05 in Tokyo.
    assert tick(dt.datetime(2026, 1, 12, 0, 5, tzinfo=dt.UTC))[1] == 1
    assert next_moment(alice) == dt.datetime(2026, 1, 13, 0, 0, tzinfo=dt.UTC)


def test_a_save_that_does_not_touch_the_zone_changes_nothing(space, alice):
    services.pulse_settings_update(
        user=alice, space=space, share=False, remind_at=dt.time(9, 0)
    )
    tick(MONDAY)
    moment = next_moment(alice)
    alice.display_name = "Alice B."
    alice.save()
    alice.save(update_fields=["last_login"])
    assert next_moment(alice) == moment


def with_reminders(n: int) -> list:
    """`n` couples whose 09:00 reminder the job has already moved on."""
    couples = crowd(n)
    PulseSettings.objects.bulk_create(
        PulseSettings(
            user=person,
            remind_at=dt.time(9, 0),
            next_remind_at=tasks.reminder_due(dt.time(9, 0), person.tz, MONDAY)[1],
        )
        for _space, *pair in couples
        for person in pair
    )
    return couples


def test_a_tick_with_nobody_due_is_one_query_for_2_couples_or_20():
    with_reminders(2)
    two = tick(MONDAY)
    with_reminders(18)
    assert tick(MONDAY) == two == (1, 0)


def test_a_thousand_due_reminders_go_once_each_in_one_tick():
    """What a worker spends on a thousand people due at once, and that each
    is told once however often the job runs."""
    couples = crowd(500)
    PulseSettings.objects.bulk_create(
        PulseSettings(user=person, remind_at=dt.time(9, 0))
        for _space, *pair in couples
        for person in pair
    )
    PulseSettings.objects.update(next_remind_at=MONDAY)
    # 09:00 has just come in every zone at once, as far as the job knows.
    with mock.patch.object(
        tasks, "reminder_due", return_value=(MONDAY.date(), MONDAY + dt.timedelta(1))
    ):
        started = time.perf_counter()
        queries, sent = tick(MONDAY + dt.timedelta(minutes=1))
        took = time.perf_counter() - started
    assert sent == 1000
    assert Notification.objects.filter(kind="pulse.reminder").count() == 1000
    assert tick(MONDAY + dt.timedelta(minutes=2)) == (1, 0)
    print(f"1,000 pulse reminders: {queries} queries, {took:.2f} s")
