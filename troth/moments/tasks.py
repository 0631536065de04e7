"""The weekly digest of moments, as a notification on Monday morning."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache

from django.db.models import Exists, OuterRef, Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from troth.lib.content import Visibility
from troth.lib.periods import week_start
from troth.moments.models import Moment
from troth.notifications.models import notification_key, notified
from troth.notifications.services import notify
from troth.spaces.models import Membership

# From this hour on Monday, in the person's own time zone.
DIGEST_HOUR = 9
# Zones are at most this far ahead of UTC, and this far behind it.
AHEAD_AT_MOST = dt.timedelta(hours=14)
BEHIND_AT_MOST = dt.timedelta(hours=12)


def _monday_morning_somewhere(now: dt.datetime) -> bool:
    """Whether it is Monday from DIGEST_HOUR in some zone (from Sunday
    19:00 to Tuesday 12:00 UTC): the local clocks of the world run from
    `now` - BEHIND_AT_MOST to `now` + AHEAD_AT_MOST, and the question is
    whether that span reaches a Monday morning. Asked before the zones are
    (some six hundred), so most of the week a tick costs nothing at all."""
    utc = now.astimezone(dt.UTC).replace(tzinfo=None)
    latest = utc + AHEAD_AT_MOST
    monday = dt.datetime.combine(
        latest.date() - dt.timedelta(days=latest.weekday()), dt.time(DIGEST_HOUR)
    )
    if monday > latest:
        monday -= dt.timedelta(weeks=1)
    monday_ends = dt.datetime.combine(monday.date() + dt.timedelta(days=1), dt.time())
    return utc - BEHIND_AT_MOST < monday_ends


@lru_cache(maxsize=1)
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def _digest_due(now: dt.datetime) -> Q | None:
    """A filter on memberships for the database: people for whom it is
    Monday from DIGEST_HOUR in their own zone (zones are grouped in Python;
    a name no longer known reads as UTC), who were not told of last week
    yet and can see a moment of it. None when it is Monday morning nowhere:
    the rest of the week a tick reads nothing at all."""
    if not _monday_morning_somewhere(now):
        return None
    mondays: dict[dt.date, list[str]] = {}
    for name in (*_zone_names(), ""):
        local = now.astimezone(zoneinfo.ZoneInfo(name) if name else dt.UTC)
        if local.weekday() == 0 and local.hour >= DIGEST_HOUR:
            mondays.setdefault(local.date(), []).append(name)
    q = Q(pk__in=[])
    for monday, names in mondays.items():
        zones = Q(user__timezone__in=names)
        if "" in names:  # UTC's group: names no longer known read as UTC
            zones |= ~Q(user__timezone__in=_zone_names())
        start = week_start(monday) - dt.timedelta(weeks=1)
        key = notification_key(
            "moments.digest:", OuterRef("user_id"), f":{start.isoformat()}"
        )
        # What `Moment.objects.visible_to(user)` shows in a space the person
        # has not left: their own, and the shared.
        seen = Moment.objects.filter(
            Q(author=OuterRef("user_id")) | Q(visibility=Visibility.SHARED),
            space=OuterRef("space_id"),
            occurred_on__range=(start, start + dt.timedelta(days=6)),
        )
        q |= zones & ~notified(user=OuterRef("user_id"), key=key) & Exists(seen)
    return q if mondays else None


def digests_send(now: dt.datetime | None = None) -> int:
    """Tell each partner, on Monday morning in their own zone, that last
    week's moments are gathered, if last week had any they can see.

    Idempotent: one notification per person and week (the key names both),
    so reruns and a second worker add nothing. Returns how many were new."""

    now = now or timezone.now()
    sent = 0
    due = _digest_due(now)
    if due is None:
        return 0
    memberships = (
        Membership.objects.active()
        .filter(space__closed_at__isnull=True)
        .filter(due)
        .select_related("user", "space")
    )
    for membership in memberships.iterator(chunk_size=500):
        user = membership.user
        local = now.astimezone(user.tz)
        if local.weekday() != 0 or local.hour < DIGEST_HOUR:
            continue
        start = week_start(local.date()) - dt.timedelta(weeks=1)
        end = start + dt.timedelta(days=6)
        if (
            not Moment.objects.visible_to(user)
            .filter(space=membership.space, occurred_on__range=(start, end))
            .exists()
        ):
            continue
        if notify(
            user=user,
            kind="moments.digest",
            key=f"moments.digest:{user.pk}:{start.isoformat()}",
            space=membership.space,
            url=f"{reverse('moments:week')}?week={start.isoformat()}",
        ):
            sent += 1
    return sent


@task()
def send_weekly_digests() -> int:
    return digests_send()
