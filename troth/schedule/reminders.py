"""When the calendar's jobs next have to look at an event.

The reminder job runs every five minutes; asking it to expand every couple's
rituals on every run cost time in proportion to the couples, not to what
was due (issue 14). Instead each event keeps two moments on its row:

- `next_reminder_at`: the earliest moment after which a reminder before one
  of its dates may fall due;
- `next_ask_at` (rituals): when its next date ends, after which both
  partners are asked whether it happened.

They are kept here, whenever an event, one of its dates or a reminder choice
is saved (services.py, builders.py), and by the jobs after each run
(tasks.py), which read only the rows whose moment has come, by a partial
index. The dates themselves still come from the one recurrence engine
(`recurrence.expand`).

A moment is never later than the reminder it stands for: it is the earliest
of every lead anyone on the event chose, the ritual default, and, for an
all-day date, 08:00 in the zone of every member of the space and everyone
with a reminder on it. The job then works out exactly who is due, as it
always did, so an early moment costs a look and sends nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, time, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from troth.lib.time import zone
from troth.schedule.models import (
    RITUAL_REMINDER_MINUTES,
    Event,
    EventReminder,
    EventVisibility,
    OccurrenceChange,
)
from troth.schedule.recurrence import Occurrence, expand, floating_date
from troth.spaces.models import Membership

LATE_LIMIT = timedelta(hours=1)
# The longest lead a reminder can have (reminder_set allows up to 7 days).
MAX_LEAD = timedelta(days=7)
# All-day events are reminded at this local time, on the day or days before.
ALL_DAY_AT = time(8, 0)
# After a ritual date ends, both partners are asked within this window.
ASK_WINDOW = timedelta(days=1)
# How far ahead to look for an event's next date: a little past the longest
# lead first, then wider, for a series that falls once a year or less often
# (a rule Troth keeps falls on a date at least every few years).
SPANS = (
    timedelta(days=16),
    timedelta(days=400),
    timedelta(days=4000),
    timedelta(days=16000),
)
# An all-day date is midnight UTC; 08:00 anywhere is within a day of it.
ALL_DAY_SLACK = timedelta(days=1)


def with_readers(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """Events with what the jobs read: their changed dates, reminder
    choices and the space's current members. Four queries for any number."""
    return queryset.select_related("space", "author").prefetch_related(
        Prefetch("changes", queryset=OccurrenceChange.objects.order_by("original")),
        Prefetch("reminders", queryset=EventReminder.objects.select_related("user")),
        Prefetch(
            "space__memberships",
            queryset=Membership.objects.active().select_related("user"),
            to_attr="current_memberships",
        ),
    )


def members(event: Event) -> list:
    # Set by the Prefetch(to_attr=...) in with_readers, which the stubs can't see.
    memberships = event.space.current_memberships  # type: ignore[attr-defined]
    return [m.user for m in memberships]


def readers(event: Event) -> list:
    """The people who may read this event's details now."""
    partners = members(event)
    if event.visibility == EventVisibility.SHARED:
        return [p for p in partners if p.is_active]
    return [p for p in partners if p.pk == event.author_id and p.is_active]


def due_at(occurrence: Occurrence, minutes: int, user) -> datetime:
    return _due(occurrence, minutes, user.tz)


def _due(occurrence: Occurrence, minutes: int, tz) -> datetime:
    if occurrence.all_day:
        day = floating_date(occurrence.start)
        days_before = minutes // (24 * 60)
        return datetime.combine(day - timedelta(days=days_before), ALL_DAY_AT, tz)
    return occurrence.start - timedelta(minutes=minutes)


def _leads(event: Event) -> set[int]:
    """Every lead anyone may be reminded with (minutes before)."""
    leads = {r.minutes for r in event.reminders.all() if r.minutes is not None}
    if event.is_ritual:
        # A partner who joins later gets the default without a row.
        leads.add(RITUAL_REMINDER_MINUTES)
    return leads


def _reminder_moments(event: Event) -> Callable[[Occurrence], list[datetime]]:
    leads = _leads(event)
    if event.all_day:
        people = [*members(event), *(r.user for r in event.reminders.all())]
        zones = {p.timezone for p in people} or {"UTC"}
        tzs = [zone(name) for name in sorted(zones)]
        return lambda o: [_due(o, lead, tz) for lead in leads for tz in tzs]
    return lambda o: [_due(o, lead, UTC) for lead in leads]


def _next(
    event: Event,
    after: datetime,
    moments: Callable[[Occurrence], list[datetime]],
    *,
    before: timedelta,
    behind: timedelta,
) -> datetime | None:
    """The earliest of `moments` of the event's dates that is after `after`.

    A date's moments lie between `before` ahead of its start and `behind`
    after it, so a window of dates that found one no later than its end
    less `before` has found the earliest."""
    if event.last_end is not None and event.last_end + behind <= after:
        return None
    for span in SPANS:
        end = after + span
        found = [
            moment
            for occurrence in expand([event], after - behind, end, UTC)
            for moment in moments(occurrence)
            if moment > after
        ]
        if found and (min(found) <= end - before or span == SPANS[-1]):
            return min(found)
    return None


def next_reminder(event: Event, after: datetime) -> datetime | None:
    """When a reminder before one of the event's dates may next fall due
    after `after`; None if none can. The event comes from with_readers."""
    if not _leads(event):
        return None
    return _next(
        event,
        after,
        _reminder_moments(event),
        before=MAX_LEAD + ALL_DAY_SLACK,
        behind=ALL_DAY_SLACK,
    )


def next_ask(event: Event, after: datetime) -> datetime | None:
    """When a date of this ritual next ends after `after`; None for an
    event that isn't a ritual or a series that has ended."""
    if not event.is_ritual:
        return None
    return _next(
        event, after, lambda o: [o.end], before=timedelta(0), behind=timedelta(0)
    )


def reminders_schedule(events: Iterable[int], *, now: datetime | None = None) -> None:
    """Keep the jobs' moments of these events (by id) after a change to
    them, their dates or who is reminded.

    Moments from LATE_LIMIT (ASK_WINDOW) ago count, so a reminder that
    fell due a moment before the change is still sent, as the job would
    have before (it sends nothing twice: tasks.py skips what was sent).
    Five queries, and one update for each event whose moments moved."""
    ids = {pk for pk in events if pk is not None}
    if not ids:
        return
    now = now or timezone.now()
    for event in with_readers(Event.objects.filter(pk__in=ids)):
        remind = next_reminder(event, now - LATE_LIMIT)
        ask = next_ask(event, now - ASK_WINDOW)
        if (remind, ask) != (event.next_reminder_at, event.next_ask_at):
            Event.objects.filter(pk=event.pk).update(
                next_reminder_at=remind, next_ask_at=ask
            )


def timezone_changed(*, user, now: datetime | None = None) -> None:
    """An all-day date is reminded at 08:00 in each person's zone: after
    `user` moved to another zone, the moments of the all-day events they
    may be reminded of (their spaces', and any with their reminder) are
    worked out again. Called by accounts through `troth.lib.hooks` (see
    troth/accounts/signals.py); accounts imports nothing from here."""
    now = now or timezone.now()
    events = (
        Event.objects.filter(all_day=True)
        .filter(
            Q(
                space__memberships__user=user,
                space__memberships__left_at__isnull=True,
            )
            | Q(reminders__user=user)
        )
        .filter(
            Q(last_end__isnull=True) | Q(last_end__gt=now - LATE_LIMIT - ALL_DAY_SLACK)
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    reminders_schedule(list(events), now=now)
