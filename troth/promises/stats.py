"""The promise figures, computed one way for every page that shows them.

The derivation, with every edge case, is docs/figures/promises-figures.md;
keep the two in step. The monthly audit reuses `promise_figures`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from troth.promises.models import Promise, State

WINDOWS = (30, 90)
DOC = "promises-figures.md"


@dataclass(frozen=True)
class PromiseFigures:
    """What one partner's promises came to in one period."""

    start: dt.datetime
    end: dt.datetime
    due: int  # promises whose due time fell in [start, end), not cancelled
    kept: int
    not_quite: int
    missed: int
    renegotiated: int  # of the due ones, how many had their terms renegotiated
    waiting: int  # due ones marked done but not confirmed yet (or still open)

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
    """Figures for the promises `user` made in `space` whose due time falls
    in [start, end), as of now. One SQL query, whatever the number of
    promises.

    - due: every promise due in the period that was not cancelled by both
      partners; a renegotiated promise counts once, at its current due time;
    - kept, not quite: confirmed by the partner; missed: the due time passed
      without it being marked done;
    - renegotiated: due promises whose terms were changed by agreement;
    - waiting: due promises marked done that the partner hasn't confirmed
      (and, for a minute or so, open ones the clock hasn't marked missed);
    - kept share: kept ÷ (kept + not quite + missed), None when that is 0.

    Promises due after `now` are left out even if `end` is later: only what
    could have been kept by now is counted.
    """
    end = min(end, timezone.now())
    rows = (
        Promise.objects.filter(space=space, author=user)
        .due_between(start, end)
        .exclude(state=State.CANCELLED)
        .aggregate(
            due=Count("pk"),
            kept=Count("pk", filter=Q(state=State.KEPT)),
            not_quite=Count("pk", filter=Q(state=State.NOT_QUITE)),
            missed=Count("pk", filter=Q(state=State.MISSED)),
            renegotiated=Count("pk", filter=Q(renegotiations__gt=0)),
            waiting=Count("pk", filter=Q(state__in=[State.DONE, State.OPEN])),
        )
    )
    return PromiseFigures(start=start, end=end, **rows)


def trailing_figures(space, user, days: int, now: dt.datetime | None = None):
    """The figures for the `days` days up to now."""
    now = now or timezone.now()
    return promise_figures(space, user, now - dt.timedelta(days=days), now)
