"""Calendar reminders, run by the clock.

Each job reads only the events whose moment has come (`next_reminder_at`,
`next_ask_at`, kept by reminders.py, found by a partial index), so a run
with nothing due is one query however many couples there are, and a run
with k events due costs in proportion to k.

Both jobs are idempotent. A batch of events is claimed together: the rows
still at the moment read are locked (skipping any another worker holds)
and moved on in one UPDATE, in the transaction that sends their reminders
with one `notify_many`, so of two workers only one sends them, and a batch
costs the same few queries however many events and people it holds; what
was already sent (the notification's key names the event and the date) is
left out by one query, not by an INSERT that fails. A reminder whose moment
passed more than LATE_LIMIT ago (the workers were down) is not sent late.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.tasks import task
from django.utils import timezone

from troth.notifications.services import notify_many
from troth.schedule.models import RITUAL_REMINDER_MINUTES, Event, RitualMark
from troth.schedule.recurrence import Occurrence, expand
from troth.schedule.reminders import (
    ASK_WINDOW,
    LATE_LIMIT,
    MAX_LEAD,
    due_at,
    next_ask,
    next_reminder,
    readers,
    with_readers,
)

# Events looked at per query; a run goes on until none is left.
BATCH = 200

# One reminder or question to send: (person, date, kind, key).
Send = tuple[Any, Occurrence, str, str]


def _key(prefix: str, occurrence: Occurrence) -> str:
    return f"{prefix}:{occurrence.event.pk}:{occurrence.key}"


def _claim(
    field: str,
    events: list[Event],
    now: datetime,
    following: Callable[[Event, datetime], datetime | None],
) -> list[Event]:
    """Those of `events` whose `field` is still what was read, locked
    (another worker's are skipped) and moved on to their next moment in
    one UPDATE. Call inside a transaction."""
    read = {event.pk: getattr(event, field) for event in events}
    still = {
        pk
        for pk, moment in Event.objects.select_for_update(
            skip_locked=True, of=("self",)
        )
        .filter(pk__in=read)
        .values_list("pk", field)
        if moment is not None and moment == read[pk]
    }
    claimed = [event for event in events if event.pk in still]
    moments = [following(event, now) for event in claimed]
    for event, moment in zip(claimed, moments, strict=True):
        setattr(event, field, moment)
    if claimed:
        Event.objects.bulk_update(claimed, [field])
    return claimed


def _run(
    field: str,
    now: datetime,
    queryset: QuerySet[Event],
    due: Callable[[Event, datetime], list[Send]],
    following: Callable[[Event, datetime], datetime | None],
    skip: Callable[[list[Send]], list[Send]] = lambda sends: sends,
) -> int:
    """Look at every event of `queryset` whose `field` has come: send what
    is due, and move `field` on to the next moment after `now`."""
    sent = 0
    seen: set[int] = set()
    while True:
        batch = [
            event
            for event in with_readers(
                queryset.filter(**{f"{field}__lte": now}).order_by(field, "pk")[:BATCH]
            )
            if event.pk not in seen
        ]
        if not batch:
            return sent
        seen.update(event.pk for event in batch)
        plans = {event.pk: due(event, now) for event in batch}
        with transaction.atomic():
            claimed = _claim(field, batch, now, following)
            sends = skip([s for event in claimed for s in plans[event.pk]])
            sent += len(
                notify_many(
                    {
                        "user": user,
                        "kind": kind,
                        "key": key,
                        "target": occurrence.event,
                        "space": occurrence.event.space,
                        "url": occurrence.url,
                    }
                    for user, occurrence, kind, key in sends
                )
            )


def _reminders_due(event: Event, now: datetime) -> list[Send]:
    """Who is to be reminded of which date of `event` now."""
    sends: list[Send] = []
    chosen = {r.user_id: r.minutes for r in event.reminders.all()}
    window = expand([event], now - LATE_LIMIT, now + MAX_LEAD + timedelta(days=1), UTC)
    kind = "ritual.upcoming" if event.is_ritual else "event.upcoming"
    for occurrence in window:
        for user in readers(event):
            minutes = chosen.get(
                user.pk, RITUAL_REMINDER_MINUTES if event.is_ritual else None
            )
            if minutes is None:
                continue
            due = due_at(occurrence, minutes, user)
            if due <= now < due + LATE_LIMIT:
                sends.append(
                    (user, occurrence, kind, _key("schedule.upcoming", occurrence))
                )
    return sends


@task()
def remind_upcoming() -> int:
    """Remind people of what they asked to be reminded of, and both
    partners of their rituals (RITUAL_REMINDER_MINUTES before, by default)."""
    return _run(
        "next_reminder_at",
        timezone.now(),
        Event.objects.all(),
        _reminders_due,
        next_reminder,
    )


def _asks_due(event: Event, now: datetime) -> list[Send]:
    """Whom to ask about which ended date of the ritual `event` now."""
    if not event.space.is_open:
        return []
    ended = [
        o
        for o in expand([event], now - ASK_WINDOW - timedelta(days=1), now, UTC)
        if now - ASK_WINDOW <= o.end <= now
    ]
    return [
        (user, occurrence, "ritual.ask", _key("ritual.ask", occurrence))
        for occurrence in ended
        for user in readers(event)
    ]


def _unanswered(sends: list[Send]) -> list[Send]:
    """`sends` without those whose person already said: one query."""
    if not sends:
        return []
    originals = [o.original for _u, o, _k, _key in sends]
    answered = set(
        RitualMark.objects.filter(
            event__in={o.event.pk for _u, o, _k, _key in sends},
            original__gte=min(originals),
            original__lte=max(originals),
        ).values_list("event_id", "original", "user_id")
    )
    return [
        (user, o, kind, key)
        for user, o, kind, key in sends
        if (o.event.pk, o.original, user.pk) not in answered
    ]


@task()
def ask_ritual_outcomes() -> int:
    """After each ritual date, ask each partner who hasn't said yet whether
    it happened."""
    return _run(
        "next_ask_at",
        timezone.now(),
        Event.objects.rituals(),
        _asks_due,
        next_ask,
        skip=_unanswered,
    )
