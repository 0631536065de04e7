"""The daily pulse reminder, at the time each person chose, in their zone.

Idempotent: the notification key names the person and their local date, so
a rerun, a restart or a second worker reminds nobody twice."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from datetime import timedelta
from functools import lru_cache

from django.db.models import Exists, OuterRef, Q
from django.tasks import task
from django.utils import timezone

from troth.checkins.models import Pulse, PulseSettings
from troth.notifications.models import notification_key, notified
from troth.notifications.services import notify
from troth.spaces.models import Membership

# A reminder is still worth sending this long after its time (a worker that
# was down); later than that it would only arrive at an odd hour.
LATE_BY_AT_MOST = timedelta(hours=2)


@lru_cache(maxsize=1)
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def _within(wall: dt.datetime) -> Q:
    """Reminder times that have come by the wall clock `wall` today, within
    the grace period (the rule `due_reminders` applies to each row)."""
    start = wall - LATE_BY_AT_MOST
    q = Q(remind_at__lte=wall.time())
    if start.date() == wall.date():
        q &= Q(remind_at__gt=start.time())
    return q


def _maybe_due(now: dt.datetime) -> Q:
    """A filter for the database: the people whose reminder time has come
    in their zone and who neither answered nor were reminded today. Zones
    are grouped by their wall clock in Python (a few dozen at any instant),
    so the query reads only who is due, whatever the number of people; a
    zone name no longer known reads as UTC, as `troth.lib.time.zone` does."""
    walls: dict[dt.datetime, list[str]] = {}
    for name in _zone_names():
        local = now.astimezone(zoneinfo.ZoneInfo(name)).replace(tzinfo=None)
        walls.setdefault(local, []).append(name)
    utc = now.astimezone(dt.UTC).replace(tzinfo=None)
    by_day: dict[dt.date, Q] = {}
    for wall, names in walls.items():
        zone_q = Q(user__timezone__in=names)
        if wall == utc:
            zone_q |= ~Q(user__timezone__in=_zone_names())
        by_day[wall.date()] = by_day.get(wall.date(), Q(pk__in=[])) | (
            zone_q & _within(wall)
        )
    q = Q(pk__in=[])
    for day, zones in by_day.items():
        key = notification_key(
            "pulse.reminder:", OuterRef("user_id"), f":{day.isoformat()}"
        )
        answered = Pulse.objects.filter(author=OuterRef("user_id"), day=day)
        q |= zones & ~notified(user=OuterRef("user_id"), key=key) & ~Exists(answered)
    return q


def due_reminders(now: dt.datetime) -> list[tuple[PulseSettings, dt.date]]:
    """(settings, local date) of everyone whose reminder time has come today
    in their own zone, within the grace period, and who has neither answered
    nor been reminded today. Works on the wall clock: a time skipped by a
    DST change fires at the first minute after it."""
    found = []
    for prefs in (
        PulseSettings.objects.filter(remind_at__isnull=False)
        .filter(_maybe_due(now))
        .select_related("user")
    ):
        assert prefs.remind_at is not None  # the query keeps only those set
        local = now.astimezone(prefs.user.tz)
        wall = dt.datetime.combine(local.date(), local.time())
        target = dt.datetime.combine(local.date(), prefs.remind_at)
        if target <= wall < target + LATE_BY_AT_MOST:
            found.append((prefs, local.date()))
    return found


@task()
def remind_pulse() -> int:
    now = timezone.now()
    due = due_reminders(now)
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
    sent = 0
    for prefs, day in due:
        user = prefs.user
        if (user.pk, day) in answered or user.pk not in spaces or not user.is_active:
            continue
        if notify(
            user=user,
            kind="pulse.reminder",
            key=f"pulse.reminder:{user.pk}:{day.isoformat()}",
            url="/checkins/pulse",
        ):
            sent += 1
    return sent
