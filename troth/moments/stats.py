"""Figures about moments and the bid log, computed one way for every page.

Each function reads only what the viewer may see (`visible_to`), runs a
fixed number of queries whatever the amount of data, and returns plain
data. The definitions are in docs/figures/moments-counts.md and the bid-log
trend in docs/figures/bid-log.md; keep them in step. Nothing here is a
score: counts of what was noticed, never a comparison or balance between
partners.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone

from troth.lib.periods import period_starts, week_start
from troth.lib.time import local_instant, local_today
from troth.moments.models import Bid, Kind, Moment

DOC = "bid-log.md"
# Below this many bids in a week no share is shown: one or two notes say
# more about when someone remembered to write than about the week.
MIN_BIDS_FOR_SHARE = 3


@dataclass(frozen=True)
class MomentCounts:
    start: dt.date  # first day of the week (Monday) or month
    noticed_by_me: int  # moments I recorded about my partner
    noticed_about_me: int  # moments my partner recorded about me
    my_own: int  # moments I recorded about myself (shared or not)
    partner_shared_own: int  # moments my partner shared about themself
    acknowledged: int  # of all the above, how many the other acknowledged

    @property
    def total(self) -> int:
        return (
            self.noticed_by_me
            + self.noticed_about_me
            + self.my_own
            + self.partner_shared_own
        )


def moments_by_period(
    *, user, space, start: dt.date, end: dt.date, period: str = "week"
) -> list[MomentCounts]:
    """Moments the viewer can see, by the day they happened, per week or
    month from `start` to `end` (inclusive), with empty periods as zeros.
    One query."""
    trunc = TruncWeek if period == "week" else TruncMonth
    rows = (
        Moment.objects.visible_to(user)
        .filter(space=space, occurred_on__range=(start, end))
        .annotate(period=trunc("occurred_on"))
        .values("period")
        .annotate(
            noticed_by_me=Count("id", filter=Q(author=user, about="partner")),
            noticed_about_me=Count("id", filter=Q(about="partner") & ~Q(author=user)),
            my_own=Count("id", filter=Q(author=user, about="self")),
            partner_shared_own=Count("id", filter=Q(about="self") & ~Q(author=user)),
            acknowledged=Count("id", filter=Q(acknowledged_at__isnull=False)),
        )
        .order_by("period")
    )
    found: dict[dt.date, MomentCounts] = {}
    for row in rows:
        key = row["period"]
        if isinstance(key, dt.datetime):
            key = key.date()
        found[key] = MomentCounts(
            start=key,
            noticed_by_me=row["noticed_by_me"],
            noticed_about_me=row["noticed_about_me"],
            my_own=row["my_own"],
            partner_shared_own=row["partner_shared_own"],
            acknowledged=row["acknowledged"],
        )
    return [
        found.get(s, MomentCounts(s, 0, 0, 0, 0, 0))
        for s in period_starts(start, end, period)
    ]


def moments_by_kind(*, user, space, start: dt.date, end: dt.date) -> dict[str, int]:
    """How many visible moments of each kind happened from `start` to `end`.
    Every kind is present, zero or not. One query."""
    counts = dict.fromkeys(Kind.values, 0)
    rows = (
        Moment.objects.visible_to(user)
        .filter(space=space, occurred_on__range=(start, end))
        .values("kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["kind"]] = row["n"]
    return counts


@dataclass(frozen=True)
class BidWeek:
    start: dt.date  # Monday, in the author's own time zone
    toward: int
    away: int
    against: int

    @property
    def total(self) -> int:
        return self.toward + self.away + self.against

    @property
    def toward_share(self) -> int | None:
        """Whole percent of logged bids met by turning toward; None when the
        week has fewer than MIN_BIDS_FOR_SHARE bids."""
        if self.total < MIN_BIDS_FOR_SHARE:
            return None
        return round(100 * self.toward / self.total)


def bid_trend(*, user, weeks: int = 8, now: dt.datetime | None = None) -> list[BidWeek]:
    """The author's own bids per week, for the last `weeks` weeks including
    this one, in the author's time zone. One query. See docs/figures/bid-log.md."""
    now = now or timezone.now()
    tz = user.tz
    this_week = week_start(local_today(tz, now))
    first = this_week - dt.timedelta(weeks=weeks - 1)
    since = local_instant(first, dt.time.min, tz)
    rows = (
        Bid.objects.visible_to(user)
        .filter(author=user, occurred_at__gte=since)
        .values_list("occurred_at", "response")
    )
    buckets = {first + dt.timedelta(weeks=n): [0, 0, 0] for n in range(weeks)}
    index: dict[str, int] = {
        Bid.Response.TOWARD: 0,
        Bid.Response.AWAY: 1,
        Bid.Response.AGAINST: 2,
    }
    for occurred_at, response in rows:
        start = week_start(occurred_at.astimezone(tz).date())
        if start in buckets:
            buckets[start][index[response]] += 1
    return [BidWeek(start, *counts) for start, counts in sorted(buckets.items())]


def noticed_total(*, user, space, start: dt.date, end: dt.date) -> int:
    """How many moments the viewer can see from `start` to `end`. One query."""
    return (
        Moment.objects.visible_to(user)
        .filter(space=space, occurred_on__range=(start, end))
        .count()
    )
