"""Making calendar rows for tests, through the services a person uses.
Rows already in the past (a ritual's answers, moved dates) come from
troth/schedule/builders.py, as the demo's do."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import vRecur

from troth.schedule.models import Event, EventVisibility
from troth.schedule.recurrence import floating_utc
from troth.schedule.services import EventFields, event_create


def at(day: date, clock: str, zone: str) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hours, minutes), ZoneInfo(zone))


def rule(**parts) -> str:
    return vRecur(**parts).to_ical().decode()


def make_event(
    author,
    space,
    *,
    title: str = "Dinner with Priya",
    start: datetime | None = None,
    hours: float = 2,
    visibility: str = EventVisibility.SHARED,
    zone: str | None = None,
    rrule: str = "",
    location: str = "",
    note: str = "",
    kind: str = Event.Kind.EVENT,
) -> Event:
    zone = (
        zone or getattr(getattr(start, "tzinfo", None), "key", None) or author.timezone
    )
    if start is None:
        start = at(date.today() + timedelta(days=2), "19:00", zone)
    return event_create(
        space=space,
        author=author,
        fields=EventFields(
            title=title,
            start=start,
            end=start + timedelta(hours=hours),
            time_zone=zone,
            location=location,
            note=note,
            visibility=visibility,
            rrule=rrule,
            kind=kind,
        ),
    )


def make_all_day(author, space, first: date, days: int = 1, **extra) -> Event:
    return event_create(
        space=space,
        author=author,
        fields=EventFields(
            title=extra.pop("title", "Weekend away"),
            start=floating_utc(first),
            end=floating_utc(first + timedelta(days=days)),
            time_zone=author.timezone,
            all_day=True,
            visibility=extra.pop("visibility", EventVisibility.SHARED),
            rrule=extra.pop("rrule", ""),
            **extra,
        ),
    )


def make_ritual(
    author, space, *, start: datetime, title: str = "Date night", **extra
) -> Event:
    return make_event(
        author,
        space,
        title=title,
        start=start,
        kind=Event.Kind.RITUAL,
        visibility=EventVisibility.SHARED,
        rrule=extra.pop("rrule", rule(freq="WEEKLY")),
        **extra,
    )


def form_data(**overrides) -> dict:
    data = {
        "title": "Dinner with Priya",
        "start_date": (date.today() + timedelta(days=3)).isoformat(),
        "start_time": "19:00",
        "end_date": "",
        "end_time": "21:00",
        "time_zone": "Europe/London",
        "location": "",
        "note": "",
        "visibility": "shared",
        "repeat": "",
        "interval": "1",
        "ends": "never",
        "until": "",
        "count": "",
        "reminder": "",
    }
    data.update(overrides)
    return data


def card_html(user) -> str:
    """The calendar's dashboard card as `user` sees it (rendered on its own:
    the dashboard page gathers cards from every feature)."""
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from troth.schedule.dashboard import cards
    from troth.spaces.models import current_membership

    request = RequestFactory().get("/")
    request.user = user
    membership = current_membership(request)
    (card,) = cards(request, membership)
    return render_to_string(card["template"], {"card": card, "request": request})
