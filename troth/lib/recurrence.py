"""Repeats: Troth's one recurrence engine, on RFC 5545 rules (RRULE)
expanded with dateutil.

Calendar events and rituals keep the rule they were given or imported
(troth/schedule/recurrence.py places their occurrences); a repeating promise
keeps a simple description (daily, weekly on some weekdays, monthly) that
`simple_rule` writes as a rule. Both are expanded here, the same way:

- from a start shortly before the window asked for, aligned with the rule's
  periods, so a daily series begun years ago costs a page a few steps, not
  one per day since; what dateutil would otherwise take from the first
  start (the weekday, the day of the month, the clock time) is written into
  the rule first, so it means the same from the later start;
- never more than MAX_OCCURRENCES steps for one question, whatever the
  rule says (unless the caller knows its rule falls often and says so).

`rule_verdict` says whether a rule can always be expanded that cheaply.
Nothing here knows about the apps: it takes rule text and datetimes (aware,
or naive for floating dates) and gives datetimes or dates back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import MAXYEAR, date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from dateutil.rrule import rrulebase, rrulestr
from icalendar import vRecur

# The hard cap on any one expansion: no rule is ever stepped through more
# than this many times for one question, whatever it says, so a rule that
# repeats every second costs a page no more than one that repeats daily.
# No real calendar needs more in one series (a daily event for 13 years).
MAX_OCCURRENCES = 5000

# The frequencies Troth offers. Finer ones (HOURLY, MINUTELY, SECONDLY) are
# refused by rule_verdict.
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# From coarsest to finest, as dateutil numbers them.
_LEVELS = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY")
# RFC 5545's weekday codes, Monday first (as date.weekday() counts).
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Every 1,000 days is nearly three years apart; the event form offers up to 99.
MAX_INTERVAL = 1000

# The simple descriptions simple_rule writes (a promise series' choices).
SIMPLE_REPEATS = ("daily", "weekly", "monthly")


def simple_rule(
    repeat: str,
    *,
    start: date,
    weekdays: Iterable[int] = (),
    until: date | None = None,
) -> str:
    """The RRULE for a simple repeat beginning on `start`, to be expanded
    from floating (naive) starts, e.g. by `dates_between`:

    - "daily": every day;
    - "weekly": on `weekdays` (0 = Monday), or on `start`'s weekday when
      none is given;
    - "monthly": on `start`'s day of the month, or on the month's last day
      in a month too short to have it (the 31st falls on 30 April and on
      28 or 29 February). RFC 5545 would skip such months; BYMONTHDAY with
      the last day (-1) and BYSETPOS=1 takes whichever of the two comes
      first instead.

    `until` is the last day that may have a date (included)."""
    kind = repeat.lower()
    if kind not in SIMPLE_REPEATS:
        raise ValueError(f"not a simple repeat: {repeat!r}")
    parts = [f"FREQ={kind.upper()}"]
    if kind == "weekly":
        days = sorted(set(weekdays)) or [start.weekday()]
        if any(day not in range(7) for day in days):
            raise ValueError(f"weekdays are 0 (Monday) to 6: {days!r}")
        parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[day] for day in days))
    elif kind == "monthly":
        # Every month has days 1 to 28; a later day needs the fallback.
        if start.day <= 28:
            parts.append(f"BYMONTHDAY={start.day}")
        else:
            parts.append(f"BYMONTHDAY={start.day},-1;BYSETPOS=1")
    if until is not None:
        # The end of that day, so the day counts whatever the clock time.
        parts.append(f"UNTIL={until:%Y%m%d}T235959")
    return ";".join(parts)


def dates_between(
    text: str,
    *,
    first: date,
    start: date,
    end: date,
    limit: int | None = MAX_OCCURRENCES,
) -> list[date]:
    """The dates a rule first falling on `first` gives from `start` to
    `end`, both included. Dates are floating: no zone, so no clock change
    can move or drop one."""
    dtstart = datetime.combine(first, time(0))
    found = between(
        text,
        dtstart=dtstart,
        after=datetime.combine(start, time(0)),
        before=datetime.combine(end, time.max),
        limit=limit,
    )
    return [value.date() for value in found]


def between(
    text: str,
    *,
    dtstart: datetime,
    after: datetime,
    before: datetime,
    limit: int | None = MAX_OCCURRENCES,
) -> list[datetime]:
    """The starts the rule `text` from `dtstart` gives in [after, before]
    (all aware, or all naive). See `bounded` for `limit`."""
    return bounded(rule_from_text(text, dtstart, since=after), after, before, limit)


def bounded(
    rules: rrulebase,
    after: datetime,
    before: datetime,
    limit: int | None = MAX_OCCURRENCES,
) -> list[datetime]:
    """The values of `rules` in [after, before], stepping through at most
    `limit` of them whatever the rule says. None: no limit, for a caller
    whose rule falls on a date at least once a month, so that `before`
    bounds the work."""
    found = []
    for step, value in enumerate(rules):
        if value > before or (limit is not None and step >= limit):
            break
        if value >= after:
            found.append(value)
    return found


def rule_from_text(
    text: str, dtstart: datetime, *, since: datetime | None = None
) -> rrulebase:
    """The rule `text` as dateutil expands it from `dtstart`. With `since`
    (in the same terms), it is expanded from a start shortly before it, so
    values before `since` may be missing and the ones after come without
    stepping through the years in between. A rule with a COUNT is always
    expanded from `dtstart`, since skipping would change what it counts.
    Iterate it through `bounded`, never whole."""
    parts = vRecur.from_ical(text)
    if since is not None and "COUNT" not in parts:
        later = _later_start(parts, dtstart, since)
        if later is not None:
            pinned = _pinned(parts, dtstart).to_ical().decode()
            return rrulestr(pinned, dtstart=later)
    return rrulestr(text, dtstart=dtstart)


def _pinned(parts: vRecur, dtstart: datetime) -> vRecur:
    """`parts` with what dateutil would otherwise take from DTSTART written
    out (the day of a monthly rule, the weekday of a weekly one, the clock
    time), so the rule means the same when expanded from a later start."""
    pinned = vRecur(parts)
    freq = str(pinned["FREQ"][0]).upper()
    level = _LEVELS.index(freq)
    if not any(k in pinned for k in ("BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY")):
        if freq == "YEARLY":
            pinned.setdefault("BYMONTH", [dtstart.month])
            pinned["BYMONTHDAY"] = [dtstart.day]
        elif freq == "MONTHLY":
            pinned["BYMONTHDAY"] = [dtstart.day]
        elif freq == "WEEKLY":
            pinned["BYDAY"] = [WEEKDAY_CODES[dtstart.weekday()]]
    if level < _LEVELS.index("HOURLY"):
        pinned.setdefault("BYHOUR", [dtstart.hour])
    if level < _LEVELS.index("MINUTELY"):
        pinned.setdefault("BYMINUTE", [dtstart.minute])
    if level < _LEVELS.index("SECONDLY"):
        pinned.setdefault("BYSECOND", [dtstart.second])
    return pinned


_SECONDS = {"WEEKLY": 7 * 86400, "DAILY": 86400, "HOURLY": 3600, "MINUTELY": 60}


def _later_start(parts: vRecur, dtstart: datetime, since: datetime) -> datetime | None:
    """A start for the rule at least one whole period before `since` and
    aligned with DTSTART's periods (same week of an every-other-week rule),
    or None when DTSTART is already that close. Expanding from it gives the
    same occurrences from `since` on as expanding from DTSTART, without
    stepping through the years in between."""
    if since <= dtstart:
        return None
    freq = str(parts["FREQ"][0]).upper()
    interval = int(parts.get("INTERVAL", [1])[0] or 1)
    if freq in ("YEARLY", "MONTHLY"):
        step = interval * (12 if freq == "YEARLY" else 1)
        months = (since.year - dtstart.year) * 12 + since.month - dtstart.month
        periods = months // step - 1
        if periods < 1:
            return None
        total = dtstart.year * 12 + dtstart.month - 1 + periods * step
        month = 1 if freq == "YEARLY" else total % 12 + 1
        return dtstart.replace(
            year=total // 12, month=month, day=1, hour=0, minute=0, second=0
        )
    unit = timedelta(seconds=_SECONDS.get(freq, 1) * interval)
    elapsed = since.replace(tzinfo=None) - dtstart.replace(tzinfo=None)
    periods = elapsed // unit - 1
    if periods < 1:
        return None
    # Wall-clock arithmetic (same tzinfo), as dateutil steps.
    later = dtstart + unit * periods
    if freq in ("WEEKLY", "DAILY"):
        return later.replace(hour=0, minute=0, second=0)
    if freq == "HOURLY":
        return later.replace(minute=0, second=0)
    if freq == "MINUTELY":
        return later.replace(second=0)
    return later


# Where the probe for a rule that (almost) never falls on a date starts: so
# near the end of dateutil's calendar that such a rule runs out in a few
# thousand steps instead of stepping day by day to the year 9999.
_PROBE_FROM = datetime(MAXYEAR - 9, 1, 1)


def _falls_on_dates(text: str, dtstart: datetime) -> bool:
    """Whether the rule, without its COUNT or UNTIL, falls on a date in a
    span of about ten years: a rule that doesn't would make every
    expansion step through the calendar to the year 9999."""
    try:
        parts = vRecur.from_ical(text)
        parts.pop("COUNT", None)
        parts.pop("UNTIL", None)
        probe_from = _PROBE_FROM.replace(tzinfo=dtstart.tzinfo)
        later = _later_start(parts, dtstart, probe_from) or dtstart
        rule = rrulestr(_pinned(parts, dtstart).to_ical().decode(), dtstart=later)
        next(iter(rule))
    except StopIteration:
        return False
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return False
    return True


# Rule parts that can't make a rule skip whole periods: a rule made of
# these alone falls on a date every INTERVAL periods, so it needs no probe.
_PLAIN_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"}


def _plainly_regular(parts: vRecur, dtstart: datetime) -> bool:
    freq = str(parts["FREQ"][0]).upper()
    extra = set(parts) - _PLAIN_PARTS
    if freq in ("DAILY", "WEEKLY"):
        # Weekdays without a position ("MO", not "1MO") come every week.
        return extra <= {"BYDAY"} and all(
            str(day).upper() in WEEKDAY_CODES for day in parts.get("BYDAY", [])
        )
    # A day of the month every month has (DTSTART's, unless given).
    return not extra and dtstart.day <= 28


def _regular(text: str, dtstart: datetime) -> bool:
    """Whether the rule falls on a date at least every few years, so that
    finding the next one never steps through the calendar for long."""
    try:
        parts = vRecur.from_ical(text)
        if _plainly_regular(parts, dtstart):
            return True
    except (ValueError, TypeError, KeyError, IndexError):
        return False
    return _falls_on_dates(text, dtstart)


def rule_verdict(text: str, dtstart: datetime) -> tuple[str, str] | None:
    """What keeps the rule `text` from `dtstart` from always being expanded
    cheaply, as (kind, detail), or None when nothing does. Kinds: "freq"
    (more often than daily; detail: the FREQ), "daily" (several times a day;
    detail: the BY part), "count" (COUNT over MAX_OCCURRENCES), "sparse"
    (on no date, or only years apart), "unreadable". Callers word it."""
    # Cached by wall-clock time and zone: two aware datetimes at the same
    # instant in different zones are equal keys, but not the same start.
    return _verdict(text, dtstart.replace(tzinfo=None), dtstart.tzinfo)


@lru_cache(maxsize=4096)
def _verdict(text: str, wall: datetime, zone: tzinfo | None) -> tuple[str, str] | None:
    dtstart = wall.replace(tzinfo=zone)
    try:
        parts = vRecur.from_ical(text)
        freq = str(parts["FREQ"][0]).upper()
        count = int(parts.get("COUNT", [0])[0] or 0)
        interval = int(parts.get("INTERVAL", [1])[0] or 1)
    except (ValueError, TypeError, KeyError, IndexError):
        return ("unreadable", "")
    if freq not in FREQUENCIES:
        return ("freq", freq)
    for name in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        if len(parts.get(name, [])) > 1:
            return ("daily", name)
    if count > MAX_OCCURRENCES:
        return ("count", "")
    if interval < 1:
        return ("unreadable", "")
    if interval > MAX_INTERVAL:
        return ("sparse", "")
    try:
        rrulestr(text, dtstart=dtstart)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return ("unreadable", "")
    if not _regular(text, dtstart):
        return ("sparse", "")
    return None
