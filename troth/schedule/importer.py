"""Reading .ics files exported by Google Calendar, Apple Calendar and Outlook.

Parsing is icalendar's (with x-wr-timezone for calendars that name their
zone only in X-WR-TIMEZONE); this module only maps what it reads onto
Troth's events. Everything is read and checked before anything is written,
so a file is imported whole or not at all (see `calendar_import` in
services).

Time zones: a TZID that is an IANA name is used as it is; a Windows zone
name (Outlook's "W. Europe Standard Time") is mapped to its IANA zone with
the CLDR windowsZones table that icalendar ships; a vendor-prefixed ID
("/mozilla.org/20050126_1/Europe/Berlin") loses its prefix; a custom
VTIMEZONE with an unknown name is matched to an IANA zone with the same
offsets through the year, preferring the importer's own zone. Floating times
are read in the calendar's X-WR-TIMEZONE or, failing that, the importer's
zone.
"""

from __future__ import annotations

import hashlib
import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from functools import cache, lru_cache

import x_wr_timezone
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from icalendar import Calendar, Component, vRecur
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from troth.schedule.models import FIRST_YEAR, LAST_YEAR
from troth.schedule.recurrence import (
    MAX_OCCURRENCES,
    first_start,
    floating_utc,
    rule_problem,
)

MAX_BYTES = 5 * 1024 * 1024
MAX_EVENTS = 5000
TITLE_MAX = 200
LOCATION_MAX = 200
NOTE_MAX = 5000
# Event.uid's column; a longer UID is kept as a digest of itself.
UID_MAX = 255


@dataclass
class ParsedChange:
    original: datetime
    cancelled: bool = False
    start: datetime | None = None
    end: datetime | None = None
    title: str = ""
    location: str = ""
    note: str = ""


@dataclass
class ParsedEvent:
    uid: str
    title: str
    start: datetime
    end: datetime
    time_zone: str
    all_day: bool = False
    location: str = ""
    note: str = ""
    rrule: str = ""
    rdates: list[str] = field(default_factory=list)
    changes: list[ParsedChange] = field(default_factory=list)


@dataclass
class ParsedCalendar:
    events: list[ParsedEvent]
    skipped: int = 0  # cancelled events, to-dos, journal entries
    converted_zones: set[str] = field(default_factory=set)
    # Events whose title, place or note was longer than Troth keeps.
    shortened: int = 0


class Unsupported(Exception):
    """Something in the file Troth can't represent faithfully."""


@cache
def known_zones() -> frozenset[str]:
    """Every zone name zoneinfo knows. zoneinfo finds them by walking the
    time zone database on disk each time it is asked, which once per event
    made a large import take a minute: once per process is enough."""
    return frozenset(zoneinfo.available_timezones())


@cache
def iana_zones() -> tuple[str, ...]:
    return tuple(
        sorted(
            name
            for name in known_zones()
            if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/"))
        )
    )


@lru_cache(maxsize=1024)
def _zone_from_name(name: str) -> str | None:
    """An IANA name for a TZID string, or None."""
    cleaned = name.strip().strip('"')
    if cleaned in known_zones():
        return cleaned
    if cleaned in WINDOWS_TO_OLSON:
        return WINDOWS_TO_OLSON[cleaned]
    parts = cleaned.strip("/").split("/")
    for first in range(1, len(parts)):
        candidate = "/".join(parts[first:])
        if candidate in known_zones():
            return candidate
    return None


def _offsets(tzinfo, year: int) -> tuple:
    samples = []
    for month in range(1, 13):
        for day in (1, 15):
            moment = datetime(year, month, day, 12)
            samples.append(moment.replace(tzinfo=tzinfo).utcoffset())
    return tuple(samples)


# When a custom VTIMEZONE matches several IANA zones, these break the tie
# before CLDR's primary zones (which list, say, Grand Turk before New York).
COMMON_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Athens",
    "Europe/Moscow",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
)


@cache
def primary_zones() -> tuple[str, ...]:
    """The zones CLDR names for each Windows zone: the usual choice for a
    region ("America/New_York" rather than "America/Detroit")."""
    return tuple(sorted(set(WINDOWS_TO_OLSON.values()) & set(iana_zones())))


def _zone_by_offsets(tzinfo, year: int, prefer: str) -> str | None:
    """An IANA zone that agrees with a custom VTIMEZONE through two years,
    preferring the importer's own zone, then CLDR's primary zones."""
    wanted = _offsets(tzinfo, year) + _offsets(tzinfo, year + 1)
    for name in (prefer, *COMMON_ZONES, *primary_zones(), *iana_zones()):
        if _iana_offsets(name, year) == wanted:
            return name
    return None


@lru_cache(maxsize=2048)
def _iana_offsets(name: str, year: int) -> tuple:
    zone = zoneinfo.ZoneInfo(name)
    return _offsets(zone, year) + _offsets(zone, year + 1)


def _decoded(data: bytes) -> bytes:
    """The file as UTF-8 without NULs.

    iCalendar is UTF-8, but some Windows programs save UTF-16, with or
    without a byte-order mark; without one, the NUL beside each ASCII
    letter of "BEGIN" tells the byte order. A NUL left after that has no
    place in calendar text, and PostgreSQL refuses to store one."""
    encoding = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # the mark says which order
    elif len(data) > 1 and data[0] == 0 and data[1] != 0:
        encoding = "utf-16-be"
    elif len(data) > 1 and data[1] == 0 and data[0] != 0:
        encoding = "utf-16-le"
    if encoding is not None:
        try:
            data = data.decode(encoding).encode("utf-8")
        except UnicodeError:
            raise ValidationError(
                _(
                    "This file is saved as UTF-16 and part of it can't be read (it may be cut off), so nothing was imported. Export it again, as UTF-8 if you can."
                )
            ) from None
    return data.replace(b"\x00", b"")


class Reader:
    """Reads one file's events; raises ValidationError with words for the
    person when the file can't be imported."""

    def __init__(self, default_zone: str):
        self.default_zone = default_zone
        # Floating times are read in the zone of the calendar being read:
        # its X-WR-TIMEZONE, or the importer's own.
        self.floating_zone = default_zone
        self.floating_zones: dict[int, str] = {}
        self.converted: set[str] = set()
        self.shortened: set[str] = set()
        self.current = ""
        # Per file: a custom VTIMEZONE is matched to an IANA zone once per
        # year it is used in, not once per event.
        self.matched: dict[tuple, str | None] = {}
        # Zones given by a name Troth maps to an IANA zone (a Windows name,
        # a vendor prefix): their times are read in that IANA zone, as the
        # series are, rather than through the file's own definition.
        self.named: dict[object, zoneinfo.ZoneInfo] = {}

    # Time values

    def zone_of(self, value, prop) -> str:
        if not isinstance(value, datetime) or value.tzinfo is None:
            return self.floating_zone
        key = getattr(value.tzinfo, "key", None)
        if key and key in known_zones():
            return "UTC" if key in ("UTC", "Etc/UTC") else key
        tzid = prop.params.get("TZID") if prop is not None else None
        if tzid:
            found = _zone_from_name(str(tzid))
            if found:
                self.named.setdefault(value.tzinfo, zoneinfo.ZoneInfo(found))
                return found
        if value.utcoffset() == timedelta(0) and value.tzname() in ("UTC", "Z", "GMT"):
            return "UTC"
        match = (value.tzinfo, value.year, self.floating_zone)
        if match not in self.matched:
            self.matched[match] = _zone_by_offsets(
                value.tzinfo, value.year, self.floating_zone
            )
        found = self.matched[match]
        if found:
            return found
        self.converted.add(str(tzid or value.tzname()))
        return self.floating_zone

    def instant(self, value, *, all_day: bool) -> datetime:
        """A DATE or DATE-TIME as Troth stores it."""
        if all_day:
            day = value.date() if isinstance(value, datetime) else value
            return floating_utc(day)
        if not isinstance(value, datetime):
            value = datetime.combine(value, time(0))
        if value.tzinfo is None:
            value = value.replace(tzinfo=zoneinfo.ZoneInfo(self.floating_zone))
        elif value.tzinfo in self.named:
            value = value.replace(tzinfo=self.named[value.tzinfo])
        return value.astimezone(UTC)

    # Components

    def text(self, component, name: str, limit: int) -> str:
        value = component.get(name)
        if value is None:
            return ""
        if isinstance(value, list):
            value = value[0]
        text = str(value).strip()
        if len(text) > limit:
            # Kept, shortened, and said so after the import.
            self.shortened.add(str(component.get("UID", "")))
        return text[:limit]

    def times(self, component) -> tuple:
        prop = component.get("DTSTART")
        if prop is None:
            raise Unsupported(_("an event has no start time"))
        start = component.start
        all_day = not isinstance(start, datetime)
        try:
            end = component.end
        except Exception:  # no DTEND or DURATION: RFC 5545 defaults
            end = start + timedelta(days=1) if all_day else start
        if all_day and isinstance(end, datetime):
            end = end.date()
        if not all_day and not isinstance(end, datetime):
            end = datetime.combine(end, time(0), start.tzinfo)
        return prop, start, end, all_day

    def rule(self, component, start, all_day: bool, zone: str) -> str:
        if component.get("EXRULE") is not None:
            raise Unsupported(_("an event repeats by an exclusion rule (EXRULE)"))
        rules = component.rrules
        if not rules:
            return ""
        if len(rules) > 1:
            raise Unsupported(_("an event has more than one repeat rule"))
        rule = vRecur(rules[0])
        until = rule.get("UNTIL")
        if until:
            value = until[0]
            if all_day:
                rule["UNTIL"] = [value.date() if isinstance(value, datetime) else value]
            elif isinstance(value, datetime) and value.tzinfo is not None:
                rule["UNTIL"] = [value.astimezone(UTC)]
            else:
                # A floating or date-only end for a timed series: the end of
                # that day (or that moment) in the series' own zone.
                if not isinstance(value, datetime):
                    value = datetime.combine(value, time(23, 59, 59))
                rule["UNTIL"] = [
                    value.replace(tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(UTC)
                ]
        return rule.to_ical().decode()

    def read(self, data: bytes) -> ParsedCalendar:
        calendars = self._calendars(self._checked_bytes(data))
        components, skipped = self._event_components(calendars)
        if not components:
            raise ValidationError(
                _("There are no events in this file, so nothing was imported.")
            )
        if len(components) > MAX_EVENTS:
            raise ValidationError(
                _(
                    "This file has more than %(n)s events. Export a shorter date range and try again."
                )
                % {"n": MAX_EVENTS}
            )
        events, cancelled = self._read_events(components)
        return ParsedCalendar(
            events=events,
            skipped=skipped + cancelled,
            converted_zones=self.converted,
            shortened=len(self.shortened),
        )

    def _checked_bytes(self, data: bytes) -> bytes:
        """The file's bytes as UTF-8, once it looks like a whole iCalendar
        file of an acceptable size."""
        if len(data) > MAX_BYTES:
            raise ValidationError(
                _(
                    "That file is larger than %(mb)s MB. Export a shorter date range and try again."
                )
                % {"mb": MAX_BYTES // (1024 * 1024)}
            )
        data = _decoded(data).lstrip(b"\xef\xbb\xbf \t\r\n")
        if not data[:15].upper().startswith(b"BEGIN:VCALENDAR"):
            raise ValidationError(
                _(
                    "That isn't an iCalendar (.ics) file. Export your calendar as .ics and try again."
                )
            )
        if b"END:VCALENDAR" not in data.upper():
            raise ValidationError(
                _(
                    "This calendar file is damaged or incomplete, so nothing was imported."
                )
            )
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            # iCalendar is UTF-8, but older Outlook versions write Windows-1252.
            data = data.decode("cp1252", errors="replace").encode("utf-8")
        return data

    def _calendars(self, data: bytes) -> list[Calendar]:
        try:
            return Calendar.from_ical(data, multiple=True)
        except Exception:
            raise ValidationError(
                _(
                    "This calendar file is damaged or incomplete, so nothing was imported."
                )
            ) from None

    def _event_components(self, calendars) -> tuple[list[Component], int]:
        """Every event in the calendars, each with the zone its floating
        times are in, and how many to-dos and journal entries were skipped."""
        skipped = 0
        components = []
        for calendar in calendars:
            named = str(calendar.get("X-WR-TIMEZONE", "")).strip()
            floating = (_zone_from_name(named) if named else None) or self.default_zone
            try:
                calendar = x_wr_timezone.to_standard(calendar)
            except Exception:
                raise ValidationError(
                    _(
                        "This calendar file's time zone can't be read, so nothing was imported."
                    )
                ) from None
            for component in calendar.subcomponents:
                if component.name == "VEVENT":
                    components.append(component)
                    self.floating_zones[id(component)] = floating
                elif component.name in ("VTODO", "VJOURNAL"):
                    skipped += 1
        return components, skipped

    def _read_events(self, components) -> tuple[list[ParsedEvent], int]:
        """The events, or one clear refusal for the whole file."""
        try:
            return self.events(components)
        except Unsupported as problem:
            if self.current:
                message = _(
                    "Nothing was imported: %(problem)s (“%(event)s”), which Troth can't bring in faithfully."
                ) % {"problem": problem, "event": self.current}
            else:
                message = _(
                    "Nothing was imported: %(problem)s, which Troth can't bring in faithfully."
                ) % {"problem": problem}
            raise ValidationError(message) from None
        except (
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
            IndexError,
            OverflowError,
        ):
            raise ValidationError(
                _(
                    "An event in this file has dates or a repeat rule Troth can't read, so nothing was imported."
                )
            ) from None

    def events(self, components) -> tuple[list[ParsedEvent], int]:
        masters: dict[str, Component] = {}
        overrides: dict[str, list[Component]] = {}
        for index, component in enumerate(components):
            uid = str(component.get("UID") or "").strip()
            if not uid:
                uid = self.made_up_uid(component, index)
            if component.get("RECURRENCE-ID") is not None:
                overrides.setdefault(uid, []).append(component)
                continue
            seen = masters.get(uid)
            if seen is None or int(component.get("SEQUENCE", 0)) >= int(
                seen.get("SEQUENCE", 0)
            ):
                masters[uid] = component
        parsed: list[ParsedEvent] = []
        cancelled = 0
        for uid, master in masters.items():
            if str(master.get("STATUS", "")).upper() == "CANCELLED":
                cancelled += 1
                continue
            event = self.master(uid, master)
            for override in overrides.pop(uid, []):
                change = self.change(event, override)
                if not self.is_noop(event, change):
                    event.changes.append(change)
            if len({c.original for c in event.changes}) > MAX_OCCURRENCES:
                # Every page showing the event reads them all.
                raise Unsupported(
                    _("an event has more than %(n)s changed or skipped dates")
                    % {"n": MAX_OCCURRENCES}
                )
            parsed.append(event)
        # Single changed occurrences whose series wasn't exported: each is an
        # event of its own.
        for uid, lonely in overrides.items():
            for override in lonely:
                if str(override.get("STATUS", "")).upper() == "CANCELLED":
                    cancelled += 1
                    continue
                rid = override.get("RECURRENCE-ID").dt
                parsed.append(self.master(f"{uid}#{rid.isoformat()}", override))
        # One event per UID: the same changed date given twice for a series
        # that wasn't exported would otherwise be two rows with one UID.
        unique = {event.uid: event for event in parsed}
        return list(unique.values()), cancelled

    def enter(self, component) -> None:
        """Set the zone naive times in `component` are read in: the TZID
        icalendar could not resolve (a vendor-prefixed or Windows name with
        no VTIMEZONE), or else the calendar's floating zone."""
        self.floating_zone = self.floating_zones.get(id(component), self.default_zone)
        # Named in a message if something in this event stops the file.
        self.current = str(component.get("SUMMARY", "")).strip()[:80]
        prop = component.get("DTSTART")
        tzid = prop.params.get("TZID") if prop is not None else None
        if tzid and isinstance(prop.dt, datetime) and prop.dt.tzinfo is None:
            found = _zone_from_name(str(tzid))
            if found:
                self.floating_zone = found
            else:
                self.converted.add(str(tzid))

    def is_noop(self, event: ParsedEvent, change: ParsedChange) -> bool:
        """An override that changes nothing Troth keeps (only attendees, say)."""
        return (
            not change.cancelled
            and change.start == change.original
            and change.end == change.original + (event.end - event.start)
            and not (change.title or change.location or change.note)
        )

    def made_up_uid(self, component, index: int) -> str:
        """A stable UID for an event that has none, so a second import of
        the same file matches it."""
        basis = "|".join(
            str(component.get(name, "")) for name in ("DTSTART", "SUMMARY", "LOCATION")
        ) + ("|recurrence" if component.get("RECURRENCE-ID") else "")
        return hashlib.sha256(basis.encode()).hexdigest()[:32] + "@import.troth"

    def master(self, uid: str, component) -> ParsedEvent:
        self.enter(component)
        prop, start, end, all_day = self.times(component)
        zone = self.zone_of(start, prop)
        if (
            zone == "UTC"
            and isinstance(start, datetime)
            and not component.rrules
            and self.floating_zone != "UTC"
        ):
            # A one-off event in UTC: its instant is what matters; show its
            # form in the calendar's (or the importer's) zone.
            zone = self.floating_zone
        if len(uid) > UID_MAX:
            # A digest keeps two long UIDs apart, where cutting them might
            # not, and is the same on the next import of the file.
            uid = hashlib.sha256(uid.encode()).hexdigest() + "@import.troth"
        event = ParsedEvent(
            uid=uid,
            title=self.text(component, "SUMMARY", TITLE_MAX) or _("Untitled event"),
            location=self.text(component, "LOCATION", LOCATION_MAX),
            note=self.text(component, "DESCRIPTION", NOTE_MAX),
            all_day=all_day,
            start=self.instant(start, all_day=all_day),
            end=self.instant(end, all_day=all_day),
            time_zone=zone,
        )
        if event.end < event.start:
            raise Unsupported(_("an event ends before it starts"))
        if not (event.start.year >= FIRST_YEAR and event.end.year <= LAST_YEAR):
            raise Unsupported(
                _("an event is dated outside the years %(first)s to %(last)s")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        event.rrule = self.rule(component, start, all_day, zone)
        for value, period_end in component.rdates:
            if period_end is not None:
                raise Unsupported(_("an event repeats on time periods (RDATE periods)"))
            event.rdates.append(self.instant(value, all_day=all_day).isoformat())
        for value in component.exdates:
            event.changes.append(
                ParsedChange(
                    original=self.instant(value, all_day=all_day), cancelled=True
                )
            )
        problem = rule_problem(
            event.rrule,
            dtstart=first_start(
                event.start, all_day=all_day, zone=zoneinfo.ZoneInfo(zone)
            ),
            rdates=len(event.rdates),
        )
        if problem is not None:
            raise Unsupported(problem)
        return event

    def change(self, event: ParsedEvent, component) -> ParsedChange:
        self.enter(component)
        rid_prop = component.get("RECURRENCE-ID")
        if str(rid_prop.params.get("RANGE", "")).upper() == "THISANDFUTURE":
            raise Unsupported(
                _("a change applies to this and all later dates (RANGE=THISANDFUTURE)")
            )
        original = self.instant(rid_prop.dt, all_day=event.all_day)
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            return ParsedChange(original=original, cancelled=True)
        _prop, start, end, _all_day = self.times(component)
        start_at = self.instant(start, all_day=event.all_day)
        end_at = self.instant(end, all_day=event.all_day)
        if event.all_day and end_at <= start_at:
            end_at = start_at + (event.end - event.start)
        change = ParsedChange(original=original, start=start_at, end=end_at)
        title = self.text(component, "SUMMARY", TITLE_MAX)
        location = self.text(component, "LOCATION", LOCATION_MAX)
        note = self.text(component, "DESCRIPTION", NOTE_MAX)
        change.title = title if title != event.title else ""
        change.location = location if location != event.location else ""
        change.note = note if note != event.note else ""
        return change


def read_calendar(data: bytes, *, default_zone: str) -> ParsedCalendar:
    return Reader(default_zone).read(data)
