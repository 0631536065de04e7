"""Ritual follow-through: how often the time a couple protects really happened.

The derivation, with its edge cases, is docs/figures/rituals-follow-through.md.
Other features (the promises page, the monthly trust audit) show the same
figure by calling `ritual_follow_through`; nothing else computes it.
"""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

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
    now = now or timezone.now()
    until = min(end, now)
    total = FollowThrough(start=start, end=end)
    if until <= start:
        return total
    rituals = list(
        Event.objects.filter(
            space=space, kind=Event.Kind.RITUAL, visibility=EventVisibility.SHARED
        )
        .overlapping(start, until)
        .prefetch_related(
            Prefetch("changes", queryset=OccurrenceChange.objects.order_by("original"))
        )
        .order_by("start", "pk")
    )
    occurrences: list[Occurrence] = [
        o
        for o in expand(rituals, start, until, UTC, include_cancelled=True)
        if start <= o.start < end and o.end <= now
    ]
    marks: dict[tuple[int, datetime], list[RitualMark]] = defaultdict(list)
    if occurrences:
        originals = {o.original for o in occurrences}
        for mark in RitualMark.objects.filter(
            event__in=rituals,
            original__gte=min(originals),
            original__lte=max(originals),
        ):
            marks[(mark.event_id, as_utc(mark.original))].append(mark)
    per_ritual = {ritual.pk: RitualFollowThrough(ritual=ritual) for ritual in rituals}
    for occurrence in occurrences:
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
    return total
