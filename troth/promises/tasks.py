"""Scheduled work for promises: due times passing, series growing, and the
reminders.

Each job reads only what is due now, through a partial index that holds
only the rows still waiting for the clock (see PromiseQuerySet.overdue and
the indexes in troth/promises/models.py): a tick with nothing due costs one
query, however many couples and promises there are.

Every task is idempotent, also with two workers. A state change is a
conditional UPDATE that only one worker wins; reminders are claimed a batch
at a time (the rows still unclaimed locked, skipping those another worker
holds, and their `..._reminded_at` set in one UPDATE), and their notices are
made in the same transaction by one `notify_many`, so each goes once, and a
promise once reminded is not looked at again. Each notice keeps a key unique per person as well, so even
a claim lost with the database (a restore) sends nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from troth.notifications.services import notify, notify_many
from troth.promises import services
from troth.promises.models import Promise, PromiseSeries

# Missed promises are announced when they are marked, if they fell due this
# recently; older ones (say, after a long outage) are marked but not
# announced.
ANNOUNCE_MISSED_FOR = timedelta(days=1)
# A promise marked done waits this long before the partner is reminded.
CONFIRM_AFTER = timedelta(hours=24)
# At most this many promises a tick are marked missed, the next tick taking
# the rest; reminders are claimed this many at a time, until none is left.
# Read in the order of the partial index that holds them, a LIMIT lets
# PostgreSQL walk that index and join each row found, instead of hashing
# every person and space first (what it did with three thousand couples).
BATCH = 500


def _open_spaces(queryset):
    return queryset.filter(space__closed_at__isnull=True)


# The two parties of a promise, each told by the other.
OTHER = {"author": "promisee", "promisee": "author"}


def _notice(promise: Promise, party: str, kind: str, key: str) -> dict[str, Any]:
    """The notice to one `party` of `promise` ("author" or "promisee"), as
    from the other: the arguments of `notify`."""
    return {
        "user": getattr(promise, party),
        "kind": kind,
        "key": key,
        "actor": getattr(promise, OTHER[party]),
        "target": promise,
        "space": promise.space,
    }


def _tell(promise: Promise, party: str, kind: str, key: str) -> bool:
    """Tell one `party` of `promise`; True when the notice is new (see
    `notify`)."""
    return bool(notify(**_notice(promise, party, kind, key)))


@task()
def mark_missed() -> int:
    """Every open promise whose due time passed becomes missed; both
    partners hear about it, once, in the same transaction as the change (so
    a worker that stops half way leaves the promise open for the next
    tick)."""
    now = timezone.now()
    overdue = (
        _open_spaces(Promise.objects.overdue(now))
        .select_related("author", "promisee", "space")
        .order_by("due_at")[:BATCH]
    )
    marked = 0
    for promise in overdue:
        with transaction.atomic():
            if not services.promise_mark_missed(promise=promise, now=now):
                continue  # another worker, or a step taken meanwhile
            marked += 1
            if promise.due_at < now - ANNOUNCE_MISSED_FOR:
                continue
            key = f"promise.missed:{promise.pk}"
            _tell(promise, "author", "promise.missed.mine", key)
            _tell(promise, "promisee", "promise.missed.theirs", key)
    return marked


def _remind_each(
    due, *, field: str, notice: Callable[[Promise], dict | None], order: str = "pk"
) -> int:
    """Remind of every promise in `due`, BATCH at a time, each batch in a
    fixed number of queries however many it holds (a thousand due at once
    are all reminded in this tick, not over several). Stops when a batch
    claimed nothing: another worker holds those. Returns how many
    reminders were new."""
    sent = 0
    while True:
        ids = list(due.order_by(order).values_list("pk", flat=True)[:BATCH])
        if not ids:
            return sent
        claimed, made = _remind_batch(due, ids, field=field, notice=notice)
        sent += made
        if len(ids) < BATCH or not claimed:
            return sent


def _remind_batch(
    due, ids: list[int], *, field: str, notice: Callable[[Promise], dict | None]
) -> tuple[int, int]:
    """Claim and remind of the promises `ids` of `due`: read in the order of
    the partial index `due` is read from, then, in one transaction, those
    still unclaimed locked (skipping any another worker holds), claimed
    together by setting `field`, and every `notice` made by one
    `notify_many`, so a claim and its reminder are saved together or not
    at all. A promise of a closed space, or one `notice` has nothing for
    (None), is only claimed: no reminder goes, and it leaves the index the
    job reads. Returns (how many were claimed, how many reminders were
    new)."""
    with transaction.atomic():
        claimed = list(
            due.filter(pk__in=ids, **{f"{field}__isnull": True})
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("author", "promisee", "space")
        )
        if not claimed:
            return 0, 0
        Promise.objects.filter(pk__in=[promise.pk for promise in claimed]).update(
            **{field: timezone.now()}
        )
        notices = [
            notice(promise) for promise in claimed if promise.space.closed_at is None
        ]
        made = notify_many([item for item in notices if item is not None])
    return len(claimed), len(made)


@task()
def remind_due_soon() -> int:
    """Remind the promiser of an open promise that is due soon: three hours
    before a set time, or at noon on the day of a whole-day promise (in the
    promiser's zone). One reminder per due time: a renegotiated promise gets
    a fresh one. One already past due when the job finds it (the workers
    were down, or the job is behind) is claimed without a reminder: it is
    missed, and told as such by `mark_missed`."""
    now = timezone.now()
    return _remind_each(
        Promise.objects.due_soon_unreminded(now),
        field="reminded_at",
        order="remind_at",
        notice=lambda promise: (
            _notice(
                promise,
                "author",
                "promise.due_soon",
                f"promise.due_soon:{promise.pk}:{promise.due_at.isoformat()}",
            )
            if promise.due_at > now
            else None
        ),
    )


@task()
def remind_to_confirm() -> int:
    """Remind the partner, once, of a promise marked done a day ago that
    they haven't confirmed."""
    now = timezone.now()
    return _remind_each(
        Promise.objects.done_unconfirmed_since(now - CONFIRM_AFTER),
        field="confirm_reminded_at",
        order="done_at",
        notice=_confirm_notice,
    )


def _confirm_notice(promise: Promise) -> dict[str, Any]:
    """The partner's reminder to confirm; its key names the time it was
    marked done (set on every promise `done_unconfirmed_since` finds)."""
    done_at = promise.done_at.isoformat() if promise.done_at else ""
    return _notice(
        promise,
        "promisee",
        "promise.confirm_waiting",
        f"promise.confirm_waiting:{promise.pk}:{done_at}",
    )


@task()
def extend_series() -> int:
    """Make the occurrences of repeating promises that came within two
    weeks. Only the series whose next date came within reach are read
    (`PromiseSeries.extend_at`); a series of a closed space is made no more
    occurrences and leaves the job's index."""
    now = timezone.now()
    due = PromiseSeries.objects.filter(
        ended_at__isnull=True, extend_at__lte=now
    ).select_related("space")
    made = 0
    closed = []
    for series in due:
        if series.space.closed_at is not None:
            closed.append(series.pk)
            continue
        made += len(services.promise_series_extend(series=series, now=now))
    if closed:
        PromiseSeries.objects.filter(pk__in=closed).update(extend_at=None)
    return made
