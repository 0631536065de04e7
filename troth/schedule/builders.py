"""Builders for calendar events, rituals' answers, moved or called-off
dates and reminders, for the demo and the tests alike (see
troth/spaces/builders.py for what a builder is). Rows are made directly,
so building sends no notifications."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from troth.schedule.models import Event, EventReminder, OccurrenceChange, RitualMark
from troth.schedule.recurrence import floating_utc, series_end
from troth.schedule.reminders import reminders_schedule


def build_event(
    space,
    author,
    *,
    title: str,
    start: datetime,
    end: datetime,
    time_zone: str | None = None,
    at: datetime | None = None,
    **fields,
) -> Event:
    """An event (or, with `kind`, a ritual) in `author`'s calendar, in their
    time zone unless `time_zone` says otherwise; `fields` holds the rest
    (`visibility`, `rrule`, `note`, `location`, `all_day`, ...)."""
    event = Event(
        space=space,
        author=author,
        title=title,
        start=start,
        end=end,
        time_zone=time_zone or author.timezone,
        **({"created": at} if at else {}),
        **fields,
    )
    event.last_end = series_end(event)
    event.save()
    reminders_schedule([event.pk])
    return event


def build_all_day(
    space, author, *, title: str, first: date, days: int = 1, **fields
) -> Event:
    """An all-day event from `first`, `days` days long."""
    return build_event(
        space,
        author,
        title=title,
        start=floating_utc(first),
        end=floating_utc(first + timedelta(days=days)),
        all_day=True,
        **fields,
    )


def build_change(
    event: Event, original: datetime, *, move: timedelta | None
) -> OccurrenceChange:
    """One date of a repeating event moved by `move`, or called off."""
    if move is None:
        change = OccurrenceChange.objects.create(
            event=event, original=original, cancelled=True
        )
    else:
        change = OccurrenceChange.objects.create(
            event=event,
            original=original,
            start=original + move,
            end=original + move + event.duration,
        )
    reminders_schedule([event.pk])
    return change


def build_mark(
    event: Event,
    original: datetime,
    user,
    *,
    happened: bool,
    at: datetime | None = None,
    save: bool = True,
) -> RitualMark:
    """`user`'s answer to whether the ritual on `original` happened, given
    at `at` (now, if not given)."""
    mark = RitualMark(
        event=event,
        original=original,
        user=user,
        happened=happened,
        **({"marked_at": at} if at else {}),
    )
    if save:
        mark.save()
    return mark


def build_reminder(event: Event, user, *, minutes: int) -> EventReminder:
    """`user` is reminded `minutes` before each of the event's dates."""
    reminder = EventReminder.objects.create(event=event, user=user, minutes=minutes)
    reminders_schedule([event.pk])
    return reminder
