"""Writing a person's calendar as iCalendar, for the subscription feed and
the download in the personal export.

What goes in is exactly what the person may see in Troth: their own events,
and what their partner shares with them. A partner's busy-only event goes
in as "Busy" with its times and nothing else: no title, place, note or
original UID (events are redacted before they reach this module).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, vRecur
from icalendar import Event as VEvent

from troth.schedule.models import Event, OccurrenceChange
from troth.schedule.recurrence import as_utc, floating_date
from troth.schedule.timezones import vtimezone

PRODID = "-//Troth//Shared calendar//EN"
# How far back a feed reaches for events that are over.
FEED_HISTORY = timedelta(days=365)


def events_for(user, *, since: datetime | None = None) -> list[Event]:
    """The events `user` may see, redacted for them. Two queries."""
    events = (
        Event.objects.visible_to(user)
        .select_related("author")
        .prefetch_related(
            Prefetch("changes", queryset=OccurrenceChange.objects.order_by("original"))
        )
        .order_by("start", "pk")
    )
    if since is not None:
        events = events.filter(Q(last_end__isnull=True) | Q(last_end__gte=since))
    return [event.redact_for(user) for event in events]


def _when(event: Event, value: datetime):
    if event.all_day:
        return floating_date(value)
    return as_utc(value).astimezone(event.tz)


def _vevent(event: Event, viewer, stamp: datetime) -> VEvent:
    component = VEvent()
    component.add("UID", event.uid)
    component.add("DTSTAMP", stamp)
    component.add("SEQUENCE", event.sequence)
    component.add("DTSTART", _when(event, event.start))
    component.add("DTEND", _when(event, event.end))
    _words(component, event, viewer)
    if event.rrule:
        component.add("RRULE", vRecur.from_ical(event.rrule))
    for value in event.rdates:
        component.add("RDATE", _when(event, datetime.fromisoformat(value)))
    cancelled = [c for c in event.changes.all() if c.cancelled]
    if cancelled:
        component.add("EXDATE", [_when(event, c.original) for c in cancelled])
    return component


def _words(component: VEvent, event: Event, viewer, change=None) -> None:
    if event.redacted:
        component.add("SUMMARY", _("Busy"))
        component.add("CLASS", "PRIVATE")
    else:
        title = (change.title if change is not None else "") or event.title
        location = (change.location if change is not None else "") or event.location
        note = (change.note if change is not None else "") or event.note
        component.add("SUMMARY", title)
        if location:
            component.add("LOCATION", location)
        if note:
            component.add("DESCRIPTION", note)
        if event.author_id != viewer.pk:
            component.add("CATEGORIES", [str(event.author)])
    component.add("TRANSP", "OPAQUE")


def _override(event: Event, change: OccurrenceChange, viewer, stamp) -> VEvent:
    component = VEvent()
    component.add("UID", event.uid)
    component.add("DTSTAMP", stamp)
    component.add("SEQUENCE", event.sequence)
    component.add("RECURRENCE-ID", _when(event, change.original))
    start = change.start or change.original
    end = change.end or start + event.duration
    component.add("DTSTART", _when(event, start))
    component.add("DTEND", _when(event, end))
    _words(component, event, viewer, change)
    return component


def calendar_for(user, events: list[Event]) -> Calendar:
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", "Troth")
    calendar.add(
        "REFRESH-INTERVAL", timedelta(hours=1), parameters={"VALUE": "DURATION"}
    )
    calendar.add("X-PUBLISHED-TTL", "PT1H")
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    with translation.override(user.language or None):
        for event in events:
            calendar.add_component(_vevent(event, user, stamp))
            for change in event.changes.all():
                if not change.cancelled:
                    calendar.add_component(_override(event, change, user, stamp))
    _add_timezones(calendar, events)
    return calendar


def _add_timezones(calendar: Calendar, events: list[Event]) -> None:
    """A VTIMEZONE for every zone the file names, right from the earliest
    time written in it (troth/schedule/timezones.py)."""
    since: dict[str, datetime] = {}
    for event in events:
        if event.all_day:
            continue
        times = [event.start]
        times += [datetime.fromisoformat(value) for value in event.rdates]
        for change in event.changes.all():
            times += [change.original] + ([change.start] if change.start else [])
        key = event.tz.key
        earliest = min(as_utc(value) for value in times)
        since[key] = min(since.get(key, earliest), earliest)
    now = timezone.now()
    for tzid in sorted(calendar.get_missing_tzids(), reverse=True):
        try:
            zone = ZoneInfo(tzid)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        component = vtimezone(zone, since.get(tzid, now), now=now)
        # Before the events, as calendar apps write them.
        calendar.subcomponents.insert(0, component)
    # Anything zoneinfo does not know by that name: icalendar's own block
    # rather than none.
    calendar.add_missing_timezones()


def feed_ics(user) -> bytes:
    """The subscription feed: everything `user` may see that ended within
    the past year or is still to come."""
    events = events_for(user, since=timezone.now() - FEED_HISTORY)
    return calendar_for(user, events).to_ical()


def export_ics(user) -> bytes:
    """All of `user`'s calendar as one .ics file, for the personal export."""
    return calendar_for(user, events_for(user)).to_ical()
