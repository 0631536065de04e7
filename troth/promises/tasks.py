"""Scheduled work for promises: due times passing, series growing, and the
reminders. Every task is idempotent: state changes are conditional updates,
and each reminder has a key that is unique per person, so a rerun, a
restarted worker or a second worker sends nothing twice."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import F
from django.tasks import task
from django.utils import timezone

from troth.notifications.services import notify
from troth.promises import services
from troth.promises.models import Promise, PromiseSeries, State

# Missed promises are announced for this long after the fact; older ones
# (say, after a long outage) are marked but not announced.
ANNOUNCE_MISSED_FOR = timedelta(days=1)
# A promise marked done waits this long before the partner is reminded.
CONFIRM_AFTER = timedelta(hours=24)


def _open_spaces(queryset):
    return queryset.filter(space__closed_at__isnull=True)


# The two parties of a promise, each told by the other.
OTHER = {"author": "promisee", "promisee": "author"}


def _tell(promise: Promise, party: str, kind: str, key: str) -> bool:
    """Tell one `party` of `promise` ("author" or "promisee"), as from the
    other; True when the notice is new (see `notify`)."""
    return bool(
        notify(
            user=getattr(promise, party),
            kind=kind,
            key=key,
            actor=getattr(promise, OTHER[party]),
            target=promise,
            space=promise.space,
        )
    )


@task()
def mark_missed() -> int:
    """Every open promise whose due time passed becomes missed; both
    partners hear about it once."""
    now = timezone.now()
    overdue = _open_spaces(Promise.objects.filter(state=State.OPEN, due_at__lte=now))
    marked = sum(
        1
        for promise in overdue.only("pk")
        if services.promise_mark_missed(promise=promise, now=now)
    )
    recent = _open_spaces(
        Promise.objects.filter(
            state=State.MISSED, settled_at__gte=now - ANNOUNCE_MISSED_FOR
        )
    ).select_related("author", "promisee", "space")
    for promise in recent:
        key = f"promise.missed:{promise.pk}"
        _tell(promise, "author", "promise.missed.mine", key)
        _tell(promise, "promisee", "promise.missed.theirs", key)
    return marked


@task()
def remind_due_soon() -> int:
    """Remind the promiser of an open promise that is due soon: three hours
    before a set time, or at noon on the day of a whole-day promise (in the
    promiser's zone). One reminder per due time: a renegotiated promise gets
    a fresh one."""
    now = timezone.now()
    due = _open_spaces(
        Promise.objects.filter(
            state=State.OPEN,
            remind_at__lte=now,
            due_at__gt=now,
            remind_at__gt=F("created"),
        )
    ).select_related("author", "promisee", "space")
    return sum(
        _tell(
            promise,
            "author",
            "promise.due_soon",
            f"promise.due_soon:{promise.pk}:{promise.due_at.isoformat()}",
        )
        for promise in due
    )


@task()
def remind_to_confirm() -> int:
    """Remind the partner, once, of a promise marked done a day ago that
    they haven't confirmed."""
    now = timezone.now()
    waiting = _open_spaces(
        Promise.objects.filter(state=State.DONE, done_at__lte=now - CONFIRM_AFTER)
    ).select_related("author", "promisee", "space")
    return sum(
        _tell(
            promise,
            "promisee",
            "promise.confirm_waiting",
            f"promise.confirm_waiting:{promise.pk}:{promise.done_at.isoformat()}",
        )
        for promise in waiting
    )


@task()
def extend_series() -> int:
    """Make the coming two weeks of occurrences of every repeating promise."""
    now = timezone.now()
    active = _open_spaces(PromiseSeries.objects.filter(ended_at__isnull=True))
    return sum(
        len(services.promise_series_extend(series=series, now=now))
        for series in active
        if series.until is None
        or series.made_until is None
        or series.made_until < series.until
    )
