"""The daily pulse reminder, at the time each person chose, in their zone.

Idempotent: the notification key names the person and their local date, so
a rerun, a restart or a second worker reminds nobody twice."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from troth.checkins.models import Pulse, PulseSettings
from troth.notifications.services import notify
from troth.spaces.models import Membership

# A reminder is still worth sending this long after its time (a worker that
# was down); later than that it would only arrive at an odd hour.
LATE_BY_AT_MOST = timedelta(hours=2)


def due_reminders(now: dt.datetime) -> list[tuple[PulseSettings, dt.date]]:
    """(settings, local date) of everyone whose reminder time has come today
    in their own zone, within the grace period. Works on the wall clock:
    a time skipped by a DST change fires at the first minute after it."""
    found = []
    for prefs in PulseSettings.objects.filter(remind_at__isnull=False).select_related(
        "user"
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
