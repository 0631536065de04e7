"""The promise figures, computed one way for every page that shows them.

The derivation, with every edge case, is docs/figures/promises-figures.md;
keep the two in step. The monthly audit reuses `promise_figures`.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from django.db.models import Case, Count, Q, When
from django.utils import timezone

from troth.promises.models import Promise, State

WINDOWS = (30, 90)
DOC = "promises-figures.md"


@dataclass(frozen=True)
class PromiseFigures:
    """What one partner's promises came to in one period."""

    start: dt.datetime
    end: dt.datetime
    due: int  # promises settled or due in [start, end), not cancelled
    kept: int
    not_quite: int
    missed: int
    renegotiated: int  # of those, how many had their terms renegotiated
    waiting: int  # of those, marked done but not confirmed yet (or still open)

    @property
    def settled(self) -> int:
        return self.kept + self.not_quite + self.missed

    @property
    def kept_share(self) -> float | None:
        """kept / (kept + not quite + missed); None when nothing settled."""
        if not self.settled:
            return None
        return self.kept / self.settled

    @property
    def kept_percent(self) -> int | None:
        share = self.kept_share
        return None if share is None else round(share * 100)


def promise_figures(
    space, user, start: dt.datetime, end: dt.datetime
) -> PromiseFigures:
    """Figures for the promises `user` made in `space` that count in
    [start, end), as of now. One SQL query, whatever the number of promises.

    - which promises count: `PromiseQuerySet.counted_between`, the method
      the lists use too: not cancelled by both partners, and settled or due
      in the period, whichever came first. A promise kept ahead of its due
      time counts when it was confirmed; a renegotiated one counts once, at
      its current due time (or when it was settled, if earlier);
    - due: every promise that counts;
    - kept, not quite: confirmed by the partner; missed: the due time passed
      without it being marked done;
    - renegotiated: counted promises whose terms were changed by agreement;
    - waiting: counted promises marked done that the partner hasn't
      confirmed (and, for a minute or so, open ones the clock hasn't marked
      missed);
    - kept share: kept ÷ (kept + not quite + missed), None when that is 0.

    `end` is cut to now: what has neither been settled nor fallen due by
    now is left out.
    """
    end = min(end, timezone.now())
    rows = (
        Promise.objects.filter(space=space, author=user)
        .counted_between(start, end)
        .aggregate(**_counts())
    )
    return PromiseFigures(start=start, end=end, **rows)


def _counts() -> dict[str, Count]:
    """What each figure counts among the promises that count."""
    return {
        "due": Count("pk"),
        "kept": Count("pk", filter=Q(state=State.KEPT)),
        "not_quite": Count("pk", filter=Q(state=State.NOT_QUITE)),
        "missed": Count("pk", filter=Q(state=State.MISSED)),
        "renegotiated": Count("pk", filter=Q(renegotiations__gt=0)),
        "waiting": Count("pk", filter=Q(state__in=[State.DONE, State.OPEN])),
    }


def promise_figures_by_period(
    space, users, periods: list[tuple[dt.datetime, dt.datetime]]
) -> dict[int, list[PromiseFigures]]:
    """`promise_figures(space, user, start, end)` of each of `users` (by
    pk) for each of `periods`, which come one after another without
    overlapping (the months of the insights page). One SQL query, whatever
    the number of people, periods or promises.

    The database counts the promises that count over the whole span
    (`counted_between`, `_counts`) by person and `counted_at`; each count
    then joins the period its `counted_at` falls in by the same bounds, so
    every period's figures are the ones `promise_figures` gives for it
    alone (troth/insights/tests/test_grouped_months.py).
    """
    now = timezone.now()
    cut = [(start, min(end, now)) for start, end in periods]
    found: dict[tuple[int, int], dict] = {}
    spans = [(start, end) for start, end in cut if start < end]
    if spans:
        rows = (
            Promise.objects.filter(space=space, author__in=[u.pk for u in users])
            .counted_between(spans[0][0], spans[-1][1])
            .order_by()
            .values("author", "counted_at")
            .annotate(**_counts())
        )
        starts = [start for start, _end in cut]
        for row in rows:
            author, moment = row.pop("author"), row.pop("counted_at")
            i = bisect_right(starts, moment) - 1
            if i < 0 or not moment < cut[i][1]:
                continue  # between two periods
            totals = found.setdefault((author, i), dict.fromkeys(row, 0))
            for name, n in row.items():
                totals[name] += n
    zero = dict.fromkeys(_counts(), 0)
    return {
        user.pk: [
            PromiseFigures(start=start, end=end, **found.get((user.pk, i), zero))
            for i, (start, end) in enumerate(cut)
        ]
        for user in users
    }


def trailing_figures(space, user, days: int, now: dt.datetime | None = None):
    """The figures for the `days` days up to now."""
    now = now or timezone.now()
    return promise_figures(space, user, now - dt.timedelta(days=days), now)


def trailing_figures_by_person(
    space, users, windows: tuple[int, ...] = WINDOWS, now: dt.datetime | None = None
) -> dict[int, dict[int, PromiseFigures]]:
    """`trailing_figures(space, user, days, now)` of each of `users` (by
    pk) for each of `windows` (in days), all in one SQL query.

    The windows all end now, so each holds the shorter ones: the database
    counts the promises that count in the longest (`counted_between`,
    `_counts`) by person and by the shortest window each falls in, and a
    window's figures add up its own and the shorter ones' (counted_at is
    never later than due_at, so `counted_between`'s `due_at >= start`
    holds for every promise counted since a window's start).
    """
    now = min(now or timezone.now(), timezone.now())
    starts = {days: now - dt.timedelta(days=days) for days in sorted(windows)}
    shortest = Case(
        *(When(counted_at__gte=start, then=days) for days, start in starts.items())
    )
    found: dict[tuple[int, int], dict[str, int]] = {}
    for row in (
        Promise.objects.filter(space=space, author__in=[u.pk for u in users])
        .counted_between(min(starts.values()), now)
        .annotate(shortest=shortest)
        .order_by()
        .values("author", "shortest")
        .annotate(**_counts())
    ):
        found[row.pop("author"), row.pop("shortest")] = row
    figures: dict[int, dict[int, PromiseFigures]] = {}
    for user in users:
        totals = dict.fromkeys(_counts(), 0)
        figures[user.pk] = {}
        for days, start in starts.items():
            for name, n in found.get((user.pk, days), {}).items():
                totals[name] += n
            figures[user.pk][days] = PromiseFigures(start=start, end=now, **totals)
    return figures
