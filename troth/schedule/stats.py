"""Ritual follow-through: how often the time a couple protects really happened.

The derivation, with its edge cases, is docs/figures/rituals-follow-through.md.
Other features (the promises page, the monthly trust audit) show the same
figure by calling `ritual_follow_through`, and the insights page month by
month with `ritual_follow_through_by_period` (the same counting, one read
for all the months; troth/insights/tests/test_grouped_months.py); nothing
else computes it.
"""

from __future__ import annotations

import zoneinfo
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from troth.schedule.models import (
    Event,
    EventVisibility,
    OccurrenceChange,
    RitualMark,
)
from troth.schedule.recurrence import Occurrence, as_utc, expand

UTC = zoneinfo.ZoneInfo("UTC")
DOC = "docs/figures/rituals-follow-through.md"
# The slack EventQuerySet.overlapping allows on each side of a window.
OVERLAP_SLACK = timedelta(days=1)


COUNTS = ("occurrences", "happened", "did_not", "differ", "unmarked", "cancelled")


@dataclass
class RitualFollowThrough:
    """The counts for one ritual, or (with `ritual` None) for all of them."""

    ritual: Event | None = None
    occurrences: int = 0  # past, not cancelled
    happened: int = 0  # someone said it happened, nobody said it didn't
    did_not: int = 0  # someone said it didn't, nobody said it did
    differ: int = 0  # the two answers differ
    unmarked: int = 0  # nobody answered yet
    cancelled: int = 0  # called off ahead of time: not counted above

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome != "cancelled":
            self.occurrences += 1

    def counts(self) -> dict[str, int]:
        """The counts alone, by name (as the trust audit keeps them)."""
        return {name: getattr(self, name) for name in COUNTS}

    @property
    def answered(self) -> int:
        return self.happened + self.did_not + self.differ


@dataclass
class FollowThrough(RitualFollowThrough):
    start: datetime | None = None
    end: datetime | None = None
    rituals: list[RitualFollowThrough] = field(default_factory=list)


# A ritual's answers about its dates, by ritual and original start.
Marks = dict[tuple[int, datetime], list[Any]]


def outcome(marks: list[RitualMark]) -> str:
    """One occurrence's outcome from the partners' answers."""
    said = {mark.happened for mark in marks}
    if not said:
        return "unmarked"
    if said == {True}:
        return "happened"
    if said == {False}:
        return "did_not"
    return "differ"


def ritual_follow_through(
    space, start: datetime, end: datetime, *, now: datetime | None = None
) -> FollowThrough:
    """Count the occurrences of `space`'s shared rituals that started in
    [start, end) and have ended by `now`, by outcome.

    Three queries whatever the number of rituals, occurrences or answers:
    the rituals, their moved or cancelled occurrences, and the answers.
    See docs/figures/rituals-follow-through.md for what each count means.
    """
    return ritual_follow_through_by_period(space, [(start, end)], now=now)[0]


def ritual_follow_through_by_period(
    space, periods: list[tuple[datetime, datetime]], *, now: datetime | None = None
) -> list[FollowThrough]:
    """`ritual_follow_through` for each of `periods` (the months of the
    insights page), with the same three queries for all of them: the
    rituals are read and expanded once over the span the periods cover,
    and each occurrence is counted in the period it started in."""
    now = now or timezone.now()
    totals = [FollowThrough(start=start, end=end) for start, end in periods]
    spans = [(start, min(end, now)) for start, end in periods if min(end, now) > start]
    if not spans:
        return totals
    first, until = min(s for s, _u in spans), max(u for _s, u in spans)
    rituals = list(
        Event.objects.filter(
            space=space, kind=Event.Kind.RITUAL, visibility=EventVisibility.SHARED
        )
        .overlapping(first, until)
        .prefetch_related(
            Prefetch("changes", queryset=OccurrenceChange.objects.order_by("original"))
        )
        .order_by("start", "pk")
    )
    occurrences = [
        o
        for o in expand(rituals, first, until, UTC, include_cancelled=True)
        if o.end <= now
    ]
    marks = _marks(rituals, occurrences)
    for total in totals:
        _count(total, rituals, occurrences, marks, now)
    return totals


def _marks(rituals: list[Event], occurrences: list[Occurrence]) -> Marks:
    """The answers about `occurrences`, by ritual and original start (rows
    with `happened`, all `outcome` reads)."""
    marks: Marks = defaultdict(list)
    if occurrences:
        originals = {o.original for o in occurrences}
        for mark in RitualMark.objects.filter(
            event__in=rituals,
            original__gte=min(originals),
            original__lte=max(originals),
        ).values_list("event_id", "original", "happened", named=True):
            marks[(mark.event_id, as_utc(mark.original))].append(mark)
    return marks


def _count(
    total: FollowThrough,
    rituals: list[Event],
    occurrences: list[Occurrence],
    marks: Marks,
    now: datetime,
) -> None:
    """Count into `total` the occurrences that started in its period, of
    the rituals that `overlapping` keeps for that period alone."""
    assert total.start is not None and total.end is not None
    start, end = total.start, total.end
    until = min(end, now)
    if until <= start:
        return
    per_ritual = {
        ritual.pk: RitualFollowThrough(ritual=ritual)
        for ritual in rituals
        if _overlaps(ritual, start, until)
    }
    # Occurrences come sorted by start: the period's are one slice.
    first = bisect_left(occurrences, start, key=lambda o: o.start)
    last = bisect_left(occurrences, end, key=lambda o: o.start)
    for occurrence in occurrences[first:last]:
        if occurrence.event.pk not in per_ritual:
            continue
        if occurrence.change is not None and occurrence.change.cancelled:
            result = "cancelled"
        else:
            result = outcome(marks[(occurrence.event.pk, occurrence.original)])
        per_ritual[occurrence.event.pk].add(result)
        total.add(result)
    total.rituals = [
        counts
        for counts in per_ritual.values()
        if counts.occurrences or counts.cancelled
    ]


def _overlaps(ritual: Event, start: datetime, end: datetime) -> bool:
    """`EventQuerySet.overlapping(start, end)` for one event already read,
    so a period counts the rituals that a query for it alone would find."""
    return ritual.start < end + OVERLAP_SLACK and (
        ritual.last_end is None or ritual.last_end > start - OVERLAP_SLACK
    )
