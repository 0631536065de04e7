"""The promise figures, computed one way for every page that shows them.

The derivation, with every edge case, is docs/figures/promises-figures.md;
keep the two in step. The monthly audit reuses `promise_figures`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, Value, When
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

    The promises that count are those of `counted_between` over the whole
    span, each put in the period its `counted_at` falls in by the same
    bounds, so every period's figures are the ones `promise_figures`
    gives for it alone (troth/insights/tests/test_grouped_months.py).
    """
    now = timezone.now()
    cut = [(start, min(end, now)) for start, end in periods]
    found: dict[tuple[int, int], dict] = {}
    if any(start < end for start, end in cut):
        rows = (
            Promise.objects.filter(space=space, author__in=[u.pk for u in users])
            .counted_between(
                min(start for start, _end in cut), max(end for _start, end in cut)
            )
            .annotate(period=_period_of(cut))
            .order_by()
            .values("author", "period")
            .annotate(**_counts())
        )
        for row in rows:
            found[(row.pop("author"), row.pop("period"))] = row
    zero = dict.fromkeys(_counts(), 0)
    return {
        user.pk: [
            PromiseFigures(start=start, end=end, **found.get((user.pk, i), zero))
            for i, (start, end) in enumerate(cut)
        ]
        for user in users
    }


def _period_of(cut: list[tuple[dt.datetime, dt.datetime]]) -> Case:
    """The index of the period of `cut` (in order, not overlapping) that a
    promise's `counted_at` falls in, or -1 between two: each bound is
    compared once, the first that lies ahead deciding."""
    whens = []
    previous = None
    for i, (start, end) in enumerate(cut):
        if start >= end:
            continue
        if previous is not None and start > previous:
            whens.append(When(counted_at__lt=start, then=Value(-1)))
        whens.append(When(counted_at__lt=end, then=Value(i)))
        previous = end
    return Case(*whens, default=Value(-1), output_field=IntegerField())


def trailing_figures(space, user, days: int, now: dt.datetime | None = None):
    """The figures for the `days` days up to now."""
    now = now or timezone.now()
    return promise_figures(space, user, now - dt.timedelta(days=days), now)
