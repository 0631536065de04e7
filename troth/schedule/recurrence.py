"""Turning events into occurrences.

The rule itself is expanded by Troth's one recurrence engine,
troth/lib/recurrence.py (also behind repeating promises); this module adds
what is the calendar's: the first start and extra dates (RDATE), moved and
cancelled dates, all-day dates, and words for a rule Troth won't keep.

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

from dateutil.rrule import rrulebase, rruleset
from django.utils.translation import gettext as _
from icalendar import vRecur

from troth.lib.recurrence import (
    MAX_OCCURRENCES,
    bounded,
    rule_from_text,
    rule_verdict,
)
from troth.schedule.models import Event, OccurrenceChange, occurrence_key

# The longest rule the database keeps (Event.rrule's max_length).
MAX_RULE_LENGTH = 500


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


def first_start(start: datetime, *, all_day: bool, zone: tzinfo) -> datetime:
    """A series' DTSTART as dateutil expands it: in the event's zone, or a
    naive midnight for an all-day event."""
    if all_day:
        return datetime.combine(floating_date(start), time(0))
    return start.astimezone(zone)


def _dtstart(event: Event) -> datetime:
    return first_start(event.start, all_day=event.all_day, zone=event.tz)


def _rdate(event: Event, value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if event.all_day:
        return datetime.combine(parsed.date(), time(0))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(event.tz)


def rule_problem(rrule: str, *, dtstart: datetime, rdates: int = 0) -> str | None:
    """Why Troth won't keep a series with this RRULE, first start (as
    first_start gives it) and number of extra dates, in words that finish
    "Nothing was imported: …"; None when it is fine.

    Troth keeps repeats it can always expand cheaply: at most once a day,
    at most MAX_OCCURRENCES listed or counted, and a rule that falls on a
    date at least every few years."""
    if len(rrule) > MAX_RULE_LENGTH:
        return _("an event's repeat rule is longer than %(n)s characters") % {
            "n": MAX_RULE_LENGTH
        }
    if rdates > MAX_OCCURRENCES:
        return _("an event lists more than %(n)s extra dates") % {"n": MAX_OCCURRENCES}
    if not rrule:
        return None
    verdict = rule_verdict(rrule, dtstart)
    if verdict is None:
        return None
    kind, value = verdict
    if kind == "freq":
        return _("an event repeats more often than once a day (FREQ=%(freq)s)") % {
            "freq": value
        }
    if kind == "daily":
        return _("an event repeats several times a day (%(part)s)") % {"part": value}
    if kind == "count":
        return _("an event repeats more than %(n)s times") % {"n": MAX_OCCURRENCES}
    if kind == "sparse":
        return _("an event's repeat rule falls on no date, or only years apart")
    return _("an event's repeat rule can't be read")


def _expandable(text: str, dtstart: datetime) -> bool:
    return rule_problem(text, dtstart=dtstart) is None


def event_rule_problem(event: Event) -> str | None:
    """rule_problem for a saved or unsaved event."""
    return rule_problem(event.rrule, dtstart=_dtstart(event), rdates=len(event.rdates))


def rule_set(event: Event, *, since: datetime | None = None) -> rrulebase | None:
    """The event's occurrences as a dateutil rule set (None: a single one).

    Timed events give aware datetimes in the event's zone; all-day events
    give naive midnights. With `since` (in the same terms), the rule is
    expanded from a start shortly before it, so occurrences before `since`
    may be missing and the ones after come without stepping through the
    years in between. Iterate it through `bounded`, never whole."""
    if not event.is_recurring:
        return None
    rules = rruleset()
    dtstart = _dtstart(event)
    # RFC 5545: the first start always counts as an occurrence, whether or
    # not the rule would produce it.
    rules.rdate(dtstart)
    # A rule stored before Troth checked rules (every second, or on no date
    # at all) is left out: the event shows on its first date and its extra
    # dates only, rather than thousands of times or after stepping to 9999.
    if event.rrule and _expandable(event.rrule, dtstart):
        rules.rrule(rule_from_text(event.rrule, dtstart, since=since))
    for value in event.rdates[:MAX_OCCURRENCES]:
        rules.rdate(_rdate(event, value))
    return rules


def _local(event: Event, moment: datetime) -> datetime:
    """`moment` in the terms rule_set gives (zone-local, or naive for
    all-day events)."""
    if event.all_day:
        if moment.tzinfo is None:
            return moment
        return moment.astimezone(UTC).replace(tzinfo=None)
    return moment.astimezone(event.tz)


_PERIOD_DAYS = {"YEARLY": 366, "MONTHLY": 31, "WEEKLY": 7}


def _lookbacks(event: Event) -> tuple[timedelta | None, ...]:
    """How far back to look for the last occurrence before a moment: two of
    the rule's periods first, widening only when that finds nothing, so a
    dense rule is never stepped through for long. None: from the start."""
    try:
        parts = rule_parts(event)
        days = _PERIOD_DAYS.get(str(parts["FREQ"][0]).upper(), 1)
        days *= int(parts.get("INTERVAL", [1])[0] or 1)
    except (ValueError, TypeError, KeyError, IndexError):
        days = 1
    first = timedelta(days=2 * days)
    return (first, first * 16, first * 256, None)


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
    if event.all_day:
        # Compare as naive local dates: a floating date is the same day
        # everywhere.
        window_start = start.astimezone(zone).replace(tzinfo=None)
        window_end = end.astimezone(zone).replace(tzinfo=None)
        rules = rule_set(event, since=window_start - duration)
        if rules is None:
            candidates = [_dtstart(event)]
        else:
            candidates = bounded(rules, window_start - duration, window_end)
        return [
            floating_utc(c.date())
            for c in candidates
            if c < window_end and c + duration > window_start
        ]
    rules = rule_set(event, since=_local(event, start - duration))
    if rules is None:
        candidates = [event.start]
    else:
        # Bounds in UTC: aware values in different zones compare as instants.
        candidates = bounded(rules, as_utc(start - duration), as_utc(end))
    return [
        as_utc(c)
        for c in candidates
        if c < end and (c + duration > start or (not duration and c >= start))
    ]


def is_occurrence(event: Event, original: datetime) -> bool:
    """Whether `original` (UTC) is one of the event's unmoved starts."""
    if not event.is_recurring:
        return as_utc(original) == as_utc(event.start)
    if event.all_day:
        if as_utc(original).time() != time(0):
            return False
        day = datetime.combine(floating_date(original), time(0))
        rules = rule_set(event, since=day)
        assert rules is not None
        return day in bounded(rules, day, day)
    moment = as_utc(original)
    rules = rule_set(event, since=_local(event, moment))
    assert rules is not None
    return any(as_utc(c) == moment for c in bounded(rules, moment, moment))


def last_before(event: Event, moment: datetime) -> datetime | None:
    """The last start the series gives at or before `moment` (aware, or a
    naive date-time for an all-day event), or None. Zone-local for timed
    events, naive for all-day ones, as rule_set gives them."""
    local = _local(event, moment)
    bound = local if event.all_day else as_utc(moment)
    for lookback in _lookbacks(event):
        since = None if lookback is None else local - lookback
        rules = rule_set(event, since=since)
        if rules is None:
            return None
        after = _dtstart(event) if since is None else since
        found = bounded(rules, after if event.all_day else as_utc(after), bound)
        if found:
            return found[-1]
    return None


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
    if "UNTIL" in parts and _expandable(event.rrule, _dtstart(event)):
        # The last date on or before UNTIL (or a later extra date), found
        # from shortly before it rather than by stepping from the start.
        until = parts["UNTIL"][0]
        if not isinstance(until, datetime):
            until = datetime.combine(until, time(23, 59, 59), UTC)
        elif until.tzinfo is None:
            until = until.replace(tzinfo=UTC)
        latest = max(
            [_local(event, until), *(_rdate(event, value) for value in event.rdates)]
        )
        last = last_before(event, latest)
    else:
        # COUNT is at most MAX_OCCURRENCES (rule_problem), so this ends.
        never = datetime.max if event.all_day else datetime.max.replace(tzinfo=UTC)
        found = bounded(rules, _dtstart(event), never)
        last = found[-1] if found else None
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

    def _own(self, name: str, otherwise: str) -> str:
        """This date's own `name` when a change gave it one, else `otherwise`
        (the event's)."""
        own = getattr(self.change, name) if self.change is not None else ""
        return own or otherwise

    @property
    def title(self) -> str:
        return self._own("title", self.event.display_title)

    @property
    def location(self) -> str:
        return self._own("location", self.event.location)

    @property
    def note(self) -> str:
        return self._own("note", self.event.note)

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


def latest_occurrence(
    event: Event, moment: datetime, zone: tzinfo
) -> Occurrence | None:
    """The last occurrence that starts before `moment`, looked for in
    widening windows before it, so a long past series is not expanded from
    its start."""
    for lookback in _lookbacks(event):
        since = event.start if lookback is None else max(event.start, moment - lookback)
        past = expand([event], since, moment, zone)
        if past or since == event.start:
            return past[-1] if past else None
    return None


def occurrence_at(event: Event, original: datetime, zone: tzinfo) -> Occurrence | None:
    """The occurrence named by `original`, moved or cancelled, or None."""
    original = as_utc(original)
    change = next(
        (c for c in event.changes.all() if as_utc(c.original) == original), None
    )
    if change is None and not is_occurrence(event, original):
        return None
    return _place(event, original, change, zone)
