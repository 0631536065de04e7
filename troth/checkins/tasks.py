"""The daily pulse reminder, at the time each person chose, in their zone.

Idempotent: the notification key names the person and their local date, so
a rerun, a restart or a second worker reminds nobody twice; and each person's
row says when the job next has to look at them, so a tick reads only who is
due."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from troth.checkins.models import Pulse, PulseSettings
from troth.lib.time import local_instant, wall_time_exists
from troth.notifications.services import notify_many
from troth.spaces.models import Membership

# A reminder is still worth sending this long after its time (a worker that
# was down); later than that it would only arrive at an odd hour.
LATE_BY_AT_MOST = timedelta(hours=2)


# At most this many people a tick; the next tick takes the rest.
BATCH = 1000


def reminder_moment(day: dt.date, at: dt.time, tz: dt.tzinfo) -> dt.datetime:
    """When the clock in `tz` first shows `at` or later on `day`: a time
    skipped by a DST change fires at the first minute after the gap, a
    repeated one at its first occurrence (a wall clock's reading)."""
    wall = dt.datetime.combine(day, at)
    while not wall_time_exists(wall.date(), wall.time(), tz):
        wall += timedelta(minutes=1)
    return local_instant(wall.date(), wall.time(), tz)


def reminder_due(at: dt.time, tz: dt.tzinfo, now: dt.datetime):
    """(the local date whose reminder is due at `now`, or None; when the
    next reminder after `now` comes). A reminder is due from its time for
    LATE_BY_AT_MOST, so yesterday's may still be due just after midnight."""
    today = now.astimezone(tz).date()
    due_day = None
    for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
        moment = reminder_moment(day, at, tz)
        if moment > now:
            return due_day, moment
        if now < moment + LATE_BY_AT_MOST:
            due_day = day
    return due_day, reminder_moment(today + timedelta(days=2), at, tz)


def due_reminders(
    now: dt.datetime, ids: list[int]
) -> list[tuple[PulseSettings, dt.date]]:
    """(settings, local date) of everyone whose reminder time has come in
    their own zone, within the grace period, and who has neither answered
    nor been reminded that day. Reads only the rows whose moment has come
    (`ids`, from `looked_for`), takes them from
    other workers (SKIP LOCKED) and moves each to its next moment, so a
    person is looked at once a day. Call inside a transaction."""
    rows = list(
        PulseSettings.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(next_remind_at__lte=now, pk__in=ids)
        .select_related("user")
    )
    found = []
    for prefs in rows:
        if prefs.remind_at is None:
            prefs.next_remind_at = None
            continue
        day, prefs.next_remind_at = reminder_due(prefs.remind_at, prefs.user.tz, now)
        if day is not None:
            found.append((prefs, day))
    if rows:
        PulseSettings.objects.bulk_update(rows, ["next_remind_at"])
    return found


def looked_for(now: dt.datetime) -> list[int]:
    """The settings whose moment has come: one query on the partial index
    of `PulseSettings.next_remind_at`, an empty range when nobody is due."""
    return list(
        PulseSettings.objects.filter(next_remind_at__lte=now)
        .order_by("next_remind_at")
        .values_list("pk", flat=True)[:BATCH]
    )


@task()
def remind_pulse() -> int:
    """Remind each person whose time has come, once a day, unless they
    answered already, at a cost that follows who is due (a fixed handful
    of queries for any number), not the number of people."""
    now = timezone.now()
    ids = looked_for(now)
    if not ids:
        return 0
    with transaction.atomic():
        due = due_reminders(now, ids)
        if not due:
            return 0
        users = [prefs.user for prefs, _ in due]
        answered = set(
            Pulse.objects.filter(
                author__in=users, day__in={day for _, day in due}
            ).values_list("author_id", "day")
        )
        spaces = dict(
            Membership.objects.active()
            .filter(user__in=users, space__closed_at__isnull=True)
            .values_list("user_id", "space_id")
        )
        return len(
            notify_many(
                {
                    "user": prefs.user,
                    "kind": "pulse.reminder",
                    "key": f"pulse.reminder:{prefs.user.pk}:{day.isoformat()}",
                    "url": "/checkins/pulse",
                }
                for prefs, day in due
                if (prefs.user.pk, day) not in answered
                and prefs.user.pk in spaces
                and prefs.user.is_active
            )
        )
