"""Calendar reminders, run by the clock.

Both jobs are idempotent: each notification has a key naming the event and
the occurrence, and notify() adds nothing for a key the person already has,
so a rerun, a restarted worker or a second worker never repeats one. A
reminder whose moment passed more than LATE_LIMIT ago (the workers were
down) is not sent late.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from django.db.models import Prefetch, Q
from django.tasks import task
from django.utils import timezone

from troth.notifications.services import notify
from troth.schedule.models import (
    RITUAL_REMINDER_MINUTES,
    Event,
    EventReminder,
    EventVisibility,
    OccurrenceChange,
    RitualMark,
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


def _events(queryset):
    return queryset.select_related("space", "author").prefetch_related(
        Prefetch("changes", queryset=OccurrenceChange.objects.order_by("original")),
        Prefetch("reminders", queryset=EventReminder.objects.select_related("user")),
        Prefetch(
            "space__memberships",
            queryset=Membership.objects.active().select_related("user"),
            to_attr="current_memberships",
        ),
    )


def readers(event: Event) -> list:
    """The people who may read this event's details now."""
    # Set by the Prefetch(to_attr=...) in _events, which the stubs can't see.
    memberships = event.space.current_memberships  # type: ignore[attr-defined]
    partners = [m.user for m in memberships]
    if event.visibility == EventVisibility.SHARED:
        return [p for p in partners if p.is_active]
    return [p for p in partners if p.pk == event.author_id and p.is_active]


def due_at(occurrence: Occurrence, minutes: int, user) -> datetime:
    lead = timedelta(minutes=minutes)
    if occurrence.all_day:
        day = floating_date(occurrence.start)
        days_before = minutes // (24 * 60)
        return datetime.combine(day - timedelta(days=days_before), ALL_DAY_AT, user.tz)
    return occurrence.start - lead


def _notify(user, occurrence: Occurrence, kind: str, key: str) -> bool:
    """Tell `user` about one date, once: its notification's key is `key`
    with the event and the date. True when told now."""
    event = occurrence.event
    return bool(
        notify(
            user=user,
            kind=kind,
            key=f"{key}:{event.pk}:{occurrence.key}",
            target=event,
            space=event.space,
            url=occurrence.url,
        )
    )


@task()
def remind_upcoming() -> int:
    """Remind people of what they asked to be reminded of, and both
    partners of their rituals (RITUAL_REMINDER_MINUTES before, by default)."""
    now = timezone.now()
    start, end = now - LATE_LIMIT, now + MAX_LEAD + timedelta(days=1)
    events = _events(
        Event.objects.filter(
            Q(kind=Event.Kind.RITUAL) | Q(reminders__minutes__isnull=False)
        )
        .distinct()
        .overlapping(start, end)
    )
    sent = 0
    for occurrence in expand(events, start, end, UTC):
        event = occurrence.event
        chosen = {r.user_id: r.minutes for r in event.reminders.all()}
        for user in readers(event):
            minutes = chosen.get(
                user.pk, RITUAL_REMINDER_MINUTES if event.is_ritual else None
            )
            if minutes is None:
                continue
            due = due_at(occurrence, minutes, user)
            if not due <= now < due + LATE_LIMIT:
                continue
            kind = "ritual.upcoming" if event.is_ritual else "event.upcoming"
            if _notify(user, occurrence, kind, "schedule.upcoming"):
                sent += 1
    return sent


@task()
def ask_ritual_outcomes() -> int:
    """After each ritual date, ask each partner who hasn't said yet whether
    it happened."""
    now = timezone.now()
    start = now - ASK_WINDOW - timedelta(days=1)
    rituals = list(
        _events(
            Event.objects.rituals()
            .filter(space__closed_at__isnull=True)
            .overlapping(start, now)
        )
    )
    ended = [
        o for o in expand(rituals, start, now, UTC) if now - ASK_WINDOW <= o.end <= now
    ]
    if not ended:
        return 0
    answered = set(
        RitualMark.objects.filter(
            event__in={o.event.pk for o in ended},
            original__gte=min(o.original for o in ended),
            original__lte=max(o.original for o in ended),
        ).values_list("event_id", "original", "user_id")
    )
    sent = 0
    for occurrence in ended:
        event = occurrence.event
        for user in readers(event):
            if (event.pk, occurrence.original, user.pk) in answered:
                continue
            if _notify(user, occurrence, "ritual.ask", "ritual.ask"):
                sent += 1
    return sent
