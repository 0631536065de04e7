"""Scheduled work for promises: due times passing, series growing, and the
reminders.

Each job reads only what is due now, through a partial index that holds
only the rows still waiting for the clock (see PromiseQuerySet.overdue and
the indexes in troth/promises/models.py): a tick with nothing due costs one
query, however many couples and promises there are.

Every task is idempotent, also with two workers. A state change is a
conditional UPDATE that only one worker wins; a reminder is claimed the same
way (its `..._reminded_at` set where it was empty), and its notice is made
in the same transaction, so it goes once, and a promise once reminded is not
looked at again. Each notice keeps a key unique per person as well, so even
a claim lost with the database (a restore) sends nothing twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from troth.notifications.services import notify
from troth.promises import services
from troth.promises.models import Promise, PromiseSeries

# Missed promises are announced when they are marked, if they fell due this
# recently; older ones (say, after a long outage) are marked but not
# announced.
ANNOUNCE_MISSED_FOR = timedelta(days=1)
# A promise marked done waits this long before the partner is reminded.
CONFIRM_AFTER = timedelta(hours=24)
# At most this many promises a tick; the next tick takes the rest. Read in
# the order of the partial index that holds them, a LIMIT lets PostgreSQL
# walk that index and join each row found, instead of hashing every person
# and space first (what it did with three thousand couples).
BATCH = 500


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


def _remind_each(due, *, field: str, send, order: str = "pk") -> int:
    """Claim each promise in `due` by setting `field` where it is still
    empty (and the promise unchanged since it was read), then `send` its
    reminder in the same transaction, `order` being the column of the
    partial index `due` is read from. Promises of a closed space are only
    claimed, together: no reminder goes there, and claimed they leave the
    index the job reads. Returns how many reminders were new."""
    now = timezone.now()
    sent = 0
    closed = []
    for promise in due.select_related("author", "promisee", "space").order_by(order)[
        :BATCH
    ]:
        if promise.space.closed_at is not None:
            closed.append(promise.pk)
            continue
        unchanged = {"state": promise.state, "due_at": promise.due_at}
        if promise.done_at is not None:
            unchanged["done_at"] = promise.done_at
        with transaction.atomic():
            claimed = Promise.objects.filter(
                pk=promise.pk, **{f"{field}__isnull": True}, **unchanged
            ).update(**{field: now})
            if claimed:
                sent += send(promise)
    if closed:
        Promise.objects.filter(pk__in=closed, **{f"{field}__isnull": True}).update(
            **{field: now}
        )
    return sent


@task()
def remind_due_soon() -> int:
    """Remind the promiser of an open promise that is due soon: three hours
    before a set time, or at noon on the day of a whole-day promise (in the
    promiser's zone). One reminder per due time: a renegotiated promise gets
    a fresh one."""
    now = timezone.now()
    return _remind_each(
        Promise.objects.due_soon_unreminded(now),
        field="reminded_at",
        order="remind_at",
        send=lambda promise: _tell(
            promise,
            "author",
            "promise.due_soon",
            f"promise.due_soon:{promise.pk}:{promise.due_at.isoformat()}",
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
        send=lambda promise: _tell(
            promise,
            "promisee",
            "promise.confirm_waiting",
            f"promise.confirm_waiting:{promise.pk}:{promise.done_at.isoformat()}",
        ),
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
