"""Turning events into occurrences.

A recurring event's rule is expanded with dateutil from its first start
expressed in the event's own zone, so each occurrence keeps the same
wall-clock time (19:30 in London stays 19:30 in London when the clocks
change) and its UTC instant moves instead. All-day events are floating
dates: they are expanded as dates and placed at midnight in whatever zone
the viewer is in.

Nothing here queries the database: callers fetch events with their
`changes` prefetched, so a page's query count does not depend on how many
events or occurrences it shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cached_property

from dateutil.rrule import rrulebase, rruleset, rrulestr
from icalendar import vRecur

from troth.schedule.models import Event, OccurrenceChange, occurrence_key

# A rule is never expanded past this many occurrences when looking for the
# end of a series; no real calendar needs more in one series.
MAX_OCCURRENCES = 5000


def as_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def floating_date(value: datetime) -> date:
    """The calendar date an all-day value stands for (stored as midnight UTC)."""
    return as_utc(value).date()


def floating_utc(day: date) -> datetime:
    """How an all-day date is stored: midnight UTC of that date."""
    return datetime.combine(day, time(0), UTC)


def place_floating(value: datetime, zone: tzinfo) -> datetime:
    """An all-day date as midnight in `zone`, for placing it among timed ones."""
    return datetime.combine(floating_date(value), time(0), zone)


def rule_parts(event: Event) -> dict:
    """The event's rule as icalendar reads it ({"FREQ": ["WEEKLY"], ...})."""
    if not event.rrule:
        return {}
    return dict(vRecur.from_ical(event.rrule))


def _dtstart(event: Event) -> datetime:
    if event.all_day:
        return datetime.combine(floating_date(event.start), time(0))
    return event.start.astimezone(event.tz)


def _rdate(event: Event, value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if event.all_day:
        return datetime.combine(parsed.date(), time(0))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(event.tz)


def rule_set(event: Event) -> rrulebase | None:
    """The event's occurrences as a dateutil rule set (None: a single one).

    Timed events give aware datetimes in the event's zone; all-day events
    give naive midnights."""
    if not event.is_recurring:
        return None
    rules = rruleset()
    dtstart = _dtstart(event)
    # RFC 5545: the first start always counts as an occurrence, whether or
    # not the rule would produce it.
    rules.rdate(dtstart)
    if event.rrule:
        rules.rrule(rrulestr(event.rrule, dtstart=dtstart))
    for value in event.rdates:
        rules.rdate(_rdate(event, value))
    return rules


def _to_original(event: Event, value: datetime) -> datetime:
    if event.all_day:
        return floating_utc(value.date())
    return as_utc(value)


def originals_between(
    event: Event, start: datetime, end: datetime, zone: tzinfo
) -> list[datetime]:
    """The identities (original starts, UTC) of the event's occurrences that,
    unmoved, overlap [start, end); all-day dates are placed in `zone`."""
    duration = event.duration
    rules = rule_set(event)
    if event.all_day:
        # Compare as naive local dates: a floating date is the same day
        # everywhere.
        window_start = start.astimezone(zone).replace(tzinfo=None)
        window_end = end.astimezone(zone).replace(tzinfo=None)
        if rules is None:
            candidates = [_dtstart(event)]
        else:
            candidates = rules.between(window_start - duration, window_end, inc=True)
        return [
            floating_utc(c.date())
            for c in candidates
            if c < window_end and c + duration > window_start
        ]
    if rules is None:
        candidates = [event.start]
    else:
        candidates = rules.between(start - duration, end, inc=True)
    return [
        as_utc(c)
        for c in candidates
        if c < end and (c + duration > start or (not duration and c >= start))
    ]


def is_occurrence(event: Event, original: datetime) -> bool:
    """Whether `original` (UTC) is one of the event's unmoved starts."""
    rules = rule_set(event)
    if rules is None:
        return as_utc(original) == as_utc(event.start)
    if event.all_day:
        if as_utc(original).time() != time(0):
            return False
        day = datetime.combine(floating_date(original), time(0))
        return day in rules.between(day, day, inc=True)
    moment = as_utc(original).astimezone(event.tz)
    return any(
        as_utc(c) == as_utc(original) for c in rules.between(moment, moment, inc=True)
    )


def series_end(
    event: Event, changes: Iterable[OccurrenceChange] = ()
) -> datetime | None:
    """When the last occurrence ends (UTC), or None for a series without end."""
    ends = [
        change.end
        for change in changes
        if not change.cancelled and change.end is not None
    ]
    rules = rule_set(event)
    if rules is None:
        ends.append(event.end)
        return max(ends)
    parts = rule_parts(event)
    if parts and "COUNT" not in parts and "UNTIL" not in parts:
        return None
    last = None
    for index, value in enumerate(rules):
        last = value
        if index >= MAX_OCCURRENCES:
            break
    if last is None:
        ends.append(event.end)
    else:
        ends.append(_to_original(event, last) + event.duration)
    return max(ends)


@dataclass
class Occurrence:
    """One occurrence of an event, as one viewer sees it."""

    event: Event
    original: datetime  # its identity: the start the rule gives, UTC
    start: datetime  # aware; all-day: midnight in the viewer's zone
    end: datetime
    change: OccurrenceChange | None = None
    # Filled in by pages that show ritual answers (periods.annotate_marks).
    marks: list = field(default_factory=list)
    my_mark: object = None
    can_mark: bool = False

    @property
    def key(self) -> str:
        return occurrence_key(self.original)

    @property
    def all_day(self) -> bool:
        return self.event.all_day

    @property
    def moved(self) -> bool:
        return self.change is not None and self.change.moved

    @property
    def title(self) -> str:
        if self.change is not None and self.change.title:
            return self.change.title
        return self.event.display_title

    @property
    def location(self) -> str:
        if self.change is not None and self.change.location:
            return self.change.location
        return self.event.location

    @property
    def note(self) -> str:
        if self.change is not None and self.change.note:
            return self.change.note
        return self.event.note

    @property
    def busy(self) -> bool:
        return self.event.redacted

    @property
    def url(self) -> str:
        return self.event.occurrence_url(self.original)

    @cached_property
    def last_day(self) -> date:
        """The last calendar day (in the start's zone) the occurrence covers."""
        if self.end <= self.start:
            return self.start.date()
        end = self.end.astimezone(self.start.tzinfo)
        if end.time() == time(0):
            return (end - timedelta(days=1)).date()
        return end.date()

    @property
    def days(self) -> int:
        return (self.last_day - self.start.date()).days + 1

    @property
    def is_multi_day(self) -> bool:
        return self.last_day != self.start.date()

    def covers(self, day: date) -> bool:
        return self.start.date() <= day <= self.last_day


def _place(event: Event, original: datetime, change, zone: tzinfo) -> Occurrence:
    if change is not None and change.moved:
        start, end = change.start, change.end or change.start + event.duration
    else:
        start, end = original, original + event.duration
    if event.all_day:
        start, end = place_floating(start, zone), place_floating(end, zone)
    else:
        start, end = start.astimezone(zone), end.astimezone(zone)
    return Occurrence(
        event=event, original=original, start=start, end=end, change=change
    )


def expand(
    events: Iterable[Event],
    start: datetime,
    end: datetime,
    zone: tzinfo,
    *,
    include_cancelled: bool = False,
) -> list[Occurrence]:
    """Every occurrence of `events` that overlaps [start, end), in `zone`,
    sorted by start. Events must have `changes` prefetched."""
    found: list[Occurrence] = []
    for event in events:
        changes = {as_utc(c.original): c for c in event.changes.all()}
        handled = set()
        for original in originals_between(event, start, end, zone):
            handled.add(original)
            change = changes.get(original)
            if change is not None and change.cancelled and not include_cancelled:
                continue
            occurrence = _place(event, original, change, zone)
            if occurrence.start < end and (
                occurrence.end > start or occurrence.start >= start
            ):
                found.append(occurrence)
        for original, change in changes.items():
            if original in handled or not change.moved:
                continue
            occurrence = _place(event, original, change, zone)
            if occurrence.start < end and occurrence.end > start:
                found.append(occurrence)
    found.sort(key=lambda o: (o.start, not o.all_day, o.event.pk, o.original))
    return found


def occurrence_at(event: Event, original: datetime, zone: tzinfo) -> Occurrence | None:
    """The occurrence named by `original`, moved or cancelled, or None."""
    original = as_utc(original)
    change = next(
        (c for c in event.changes.all() if as_utc(c.original) == original), None
    )
    if change is None and not is_occurrence(event, original):
        return None
    return _place(event, original, change, zone)
