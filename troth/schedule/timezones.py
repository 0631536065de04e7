"""VTIMEZONE blocks for Troth's calendar files, written from zoneinfo the
way the big calendar apps write them.

A calendar app converts an event's local time to an instant with the
VTIMEZONE in the file, not with its own zone database, so the block must
be right for every time the file names, including occurrences that a rule
generates decades from now. icalendar's own blocks list the transitions
of 1970-2037 as one RDATE with many values; Mozilla's ical.js reads only
the first value, so apps built on it put half the year an hour off, and
nothing at all is said past 2037.

Here each zone is written as:
- its current rules: one STANDARD and one DAYLIGHT sub-component, each a
  yearly RRULE with no end ("the last Sunday of March at 01:00"), valid
  for every year to come;
- before those rules began, only as far back as the calendar's events
  need: each transition as a sub-component of its own (one DTSTART, no
  RDATE lists);
- a zone without daylight saving time: one STANDARD.

The rules are not copied from a table: they are derived from the zone's
actual transitions as zoneinfo computes them (tzdata's explicit ones, then
its rule for the future), and the derived rules are checked against every
transition up to HORIZON_YEARS ahead. A zone whose future follows no
yearly rule (Morocco's Ramadan changes) gets its transitions listed one by
one up to that horizon instead.
"""

from __future__ import annotations

import calendar as calendar_module
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

# How far past this year the derived rules are checked against zoneinfo
# (and how far irregular transitions are listed): well past 2038, where
# tzdata's explicit transitions end and its rule for the future takes over.
HORIZON_YEARS = 40
# A rule must hold for this many years in a row to be written as an RRULE.
MIN_RULE_YEARS = 5

_DAY = timedelta(days=1)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Transition:
    """One change of a zone's offset, at a UTC instant."""

    at: datetime
    before: timedelta
    after: timedelta
    name: str
    dst: bool

    @classmethod
    def in_zone(
        cls, zone: ZoneInfo, at: datetime, before: timedelta, after: timedelta
    ) -> Transition:
        """The change at `at` in `zone`, named and marked as the zone has it."""
        return cls(
            at=at,
            before=before,
            after=after,
            name=at.astimezone(zone).tzname() or "",
            dst=_is_daylight(zone, at),
        )

    @property
    def local(self) -> datetime:
        """The wall-clock time of the change, in the offset it changes from
        (how RFC 5545 writes an observance's DTSTART)."""
        return (self.at + self.before).replace(tzinfo=None)

    @property
    def kind(self) -> tuple:
        return (self.before, self.after, self.name, self.dst)


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(zone).utcoffset() or timedelta(0)


def _is_daylight(zone: ZoneInfo, instant: datetime) -> bool:
    """Whether the time from `instant` is summer time as calendar apps say
    it. tzdata writes Dublin's winter as a negative saving from Irish
    Standard Time; the apps (and the readers built for them, which go
    wrong otherwise) call the winter standard and the summer daylight."""
    saving = instant.astimezone(zone).dst() or timedelta(0)
    if saving:
        return saving > timedelta(0)
    before = (instant - timedelta(seconds=1)).astimezone(zone).dst()
    return bool(before and before < timedelta(0))


@lru_cache(maxsize=64)
def transitions(zone: ZoneInfo, first_year: int, last_year: int) -> list[Transition]:
    """Every change of `zone`'s offset from the start of `first_year` to the
    start of `last_year` (UTC), found by stepping a day at a time and then
    narrowing to the second."""
    found = []
    instant = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year, 1, 1, tzinfo=UTC)
    offset = _offset(zone, instant)
    while instant < end:
        step = instant + _DAY
        step_offset = _offset(zone, step)
        if step_offset != offset:
            low, high = instant, step
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == offset:
                    low = middle
                else:
                    high = middle
            at = high.replace(microsecond=0)
            found.append(Transition.in_zone(zone, at, offset, step_offset))
            offset = step_offset
        instant = step
    return found


# A yearly rule for one kind of transition: which day of its month, in the
# forms tzdata's rules take ("lastSun", "Sun>=8", "25") and RRULE can say.


@dataclass(frozen=True)
class Rule:
    month: int
    weekday: int | None  # 0 = Monday
    nth: int = 0  # 1..4 from the start, -1 the last; 0 for the forms below
    on_or_after: int = 0  # "Sun>=d": the first such weekday on day d or later
    day: int = 0  # a fixed day of the month

    def date_in(self, year: int) -> date:
        if self.day:
            return date(year, self.month, self.day)
        assert self.weekday is not None
        if self.nth == -1:
            last = date(
                year, self.month, calendar_module.monthrange(year, self.month)[1]
            )
            return last - timedelta(days=(last.weekday() - self.weekday) % 7)
        start = self.on_or_after or (self.nth - 1) * 7 + 1
        first = date(year, self.month, start)
        return first + timedelta(days=(self.weekday - first.weekday()) % 7)

    def rrule(self) -> vRecur:
        parts: dict = {"FREQ": "YEARLY", "BYMONTH": self.month}
        if self.day:
            parts["BYMONTHDAY"] = self.day
        elif self.on_or_after:
            parts["BYDAY"] = _WEEKDAYS[self.weekday or 0]
            parts["BYMONTHDAY"] = list(range(self.on_or_after, self.on_or_after + 7))
        else:
            parts["BYDAY"] = f"{self.nth}{_WEEKDAYS[self.weekday or 0]}"
        return vRecur(parts)


def _rules_for(day: date) -> list[Rule]:
    """Every rule that puts a transition on `day`, simplest first."""
    month, weekday = day.month, day.weekday()
    rules = []
    if day.day <= 28:
        rules.append(Rule(month, weekday, nth=(day.day - 1) // 7 + 1))
    if day.day + 7 > calendar_module.monthrange(day.year, month)[1]:
        rules.append(Rule(month, weekday, nth=-1))
    rules.append(Rule(month, None, day=day.day))
    # "Sun>=d" where d is not 1, 8, 15 or 22 (those are the nth forms) and
    # the seven days fit in the month in every year (February has 28).
    shortest = 28 if month == 2 else calendar_module.monthrange(2001, month)[1]
    for start in range(max(1, day.day - 6), day.day + 1):
        if (start - 1) % 7 and start + 6 <= shortest:
            rules.append(Rule(month, weekday, on_or_after=start))
    return rules


def _years_matched(rule: Rule, of_kind: list[Transition]) -> int:
    """How many of the last transitions of one kind, a year apart each, at
    the same wall-clock time, fall where `rule` says."""
    last = of_kind[-1].local
    count = 0
    for transition in reversed(of_kind):
        local = transition.local
        year = last.year - count
        if (
            local.year != year
            or local.time() != last.time()
            or rule.date_in(year) != local.date()
        ):
            break
        count += 1
    return count


@dataclass(frozen=True)
class Recurring:
    """One observance that recurs yearly from its first transition."""

    first: Transition
    rule: Rule


def _current_rules(
    changes: list[Transition], end: datetime
) -> tuple[list[Transition], list[Recurring]]:
    """Split `changes` into those before the current yearly rules and the
    rules themselves (none when the zone follows no yearly rule to `end`)."""
    if len(changes) < 2 * MIN_RULE_YEARS or changes[-1].at < end - 2 * 366 * _DAY:
        return changes, []
    kinds = {changes[-1].kind, changes[-2].kind}
    if len(kinds) != 2:
        return changes, []
    best: dict[tuple, Rule] = {}
    for kind in kinds:
        of_kind = [t for t in changes if t.kind == kind]
        candidates = _rules_for(of_kind[-1].local.date())
        best[kind] = max(candidates, key=lambda r: _years_matched(r, of_kind))
    # The longest run at the end where every change is one of the two rules'
    # and no year of either rule is missing.
    start = len(changes)
    for index in range(len(changes) - 1, -1, -1):
        change = changes[index]
        rule = best.get(change.kind)
        if rule is None or rule.date_in(change.local.year) != change.local.date():
            break
        later = [t for t in changes[index + 1 :] if t.kind == change.kind]
        if later and (
            later[0].local.year != change.local.year + 1
            or later[0].local.time() != change.local.time()
        ):
            break
        start = index
    ruled = changes[start:]
    if len(ruled) < 2 * MIN_RULE_YEARS:
        return changes, []
    recurring = []
    for kind in kinds:
        first = next(t for t in ruled if t.kind == kind)
        recurring.append(Recurring(first=first, rule=best[kind]))
    recurring.sort(key=lambda r: r.first.at)
    return changes[:start], recurring


def _observance(transition: Transition, start: datetime | None = None):
    component = TimezoneDaylight() if transition.dst else TimezoneStandard()
    component.add("DTSTART", start or transition.local)
    component.add("TZOFFSETFROM", transition.before)
    component.add("TZOFFSETTO", transition.after)
    if transition.name:
        component.add("TZNAME", transition.name)
    return component


# Readers that compare a block with the zones they know over these years
# (vobject, and so Radicale) take one that says +00:00 throughout for UTC.
_COMPARED = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2021, 1, 1, tzinfo=UTC))


def _history(
    zone: ZoneInfo, fixed: list[Transition], since: datetime
) -> list[Transition]:
    """The changes before the current rules that the block lists: from the
    one in force at `since`; from the one in force in 2000 if starting
    later would leave 2000-2020 reading as UTC when the zone was not."""

    def from_(when: datetime) -> list[Transition]:
        in_force = [i for i, t in enumerate(fixed) if t.at <= when]
        return fixed[in_force[-1] if in_force else 0 :]

    listed = from_(since)
    start, end = _COMPARED
    if listed and listed[0].at > start and not listed[0].before:
        said = [t for t in listed if t.at < end]
        truly_utc = all(
            not _offset(zone, datetime(year, month, 1, tzinfo=UTC))
            for year in range(start.year, end.year)
            for month in (1, 7)
        )
        if not truly_utc and all(not t.after for t in said):
            return from_(start)
    return listed


def vtimezone(zone: ZoneInfo, since: datetime, *, now: datetime | None = None):
    """The VTIMEZONE for `zone`, right for every instant from `since` on."""
    this_year = (now or datetime.now(UTC)).year
    # From 1970 at the latest, so that the current rules start in the year
    # they really began (London's in 1996), as the big calendar apps write
    # them: some readers (vobject, and so Radicale) compare a block with
    # UTC over 2000-2020 and would take a London that starts in 2025 for
    # UTC. Earlier only when the events reach back further, but not before
    # 1900 (local mean times no calendar app uses).
    first_year = min(max(since.astimezone(UTC).year - 1, 1900), 1970)
    last_year = max(this_year, first_year) + HORIZON_YEARS
    changes = transitions(zone, first_year, last_year)
    end = datetime(last_year, 1, 1, tzinfo=UTC)
    fixed, recurring = _current_rules(changes, end)

    component = Timezone()
    component.add("TZID", zone.key)
    # What holds at the start of the range, unless a change at or before
    # `since` already says so: for a zone with no daylight saving time this
    # is the one STANDARD.
    if not changes or changes[0].at > since:
        opening = datetime(first_year, 1, 1, tzinfo=UTC)
        offset = _offset(zone, opening)
        component.add_component(
            _observance(
                Transition.in_zone(zone, opening, offset, offset),
                start=(opening + offset).replace(tzinfo=None),
            )
        )
    # Changes before the current rules, from the one in force at `since`;
    # none when the rules had begun by then.
    begun = bool(recurring) and recurring[0].first.at <= since
    for transition in [] if begun else _history(zone, fixed, since):
        component.add_component(_observance(transition))
    for ongoing in recurring:
        observance = _observance(ongoing.first)
        observance.add("RRULE", ongoing.rule.rrule())
        component.add_component(observance)
    return component
