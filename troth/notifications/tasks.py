"""Background work that turns activity into notifications and sends email.

Every function here is idempotent: notifications are unique per (person,
key) and emails are claimed before sending, so reruns and concurrent
workers never duplicate anything.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import QuerySet
from django.tasks import task
from django.utils import timezone

from troth.lib import clock
from troth.notifications import push
from troth.notifications.clock import ticks_prune
from troth.notifications.models import Notification
from troth.notifications.services import emails_reclaim, emails_send_due, notify
from troth.spaces.models import Activity, Visibility

SWEEP_WINDOW = timedelta(days=2)
# At most this many activities a sweep; the next tick takes the rest.
SWEEP_BATCH = 1000


def activity_key(activity_id: int) -> str:
    return f"activity:{activity_id}"


def deliver(activity) -> Notification | None:
    recipient = activity.recipient
    if recipient is None or recipient.pk == activity.author_id:
        return None
    # The recipient must still be able to see it: they may have left, or the
    # actor may have made the thing private again.
    if not Activity.objects.visible_to(recipient).filter(pk=activity.pk).exists():
        return None
    target = None
    if activity.target_type_id and activity.target_id:
        model = activity.target_type.model_class()
        if model is not None:
            target = model._default_manager.filter(pk=activity.target_id).first()
    return notify(
        user=recipient,
        kind=activity.verb,
        key=activity_key(activity.pk),
        actor=activity.author,
        target=target,
        space=activity.space,
    )


@task()
def deliver_activity(activity_id: int) -> None:
    activity = (
        Activity.objects.select_related("recipient", "author", "target_type")
        .filter(pk=activity_id)
        .first()
    )
    if activity is not None:
        deliver(activity)
        activities_delivered([activity.pk])


def activities_undelivered() -> QuerySet[Activity]:
    """Shared activities meant for someone whose notification was neither
    made nor found not due: what `deliver` has still to look at. Read from
    the partial index activity_undelivered, which holds only those, so an
    empty result costs the same whatever the number of couples."""
    return Activity.objects.filter(
        recipient__isnull=False,
        delivered_at__isnull=True,
        visibility=Visibility.SHARED,
    )


def activities_delivered(ids) -> None:
    """Mark activities looked at by `deliver` (their notice made, or not
    due), so they leave the sweep's index."""
    Activity.objects.filter(pk__in=ids, delivered_at__isnull=True).update(
        delivered_at=timezone.now()
    )


@task()
def sweep_activities() -> int:
    """Deliver any activity whose task was lost (a crash, a restore), if it
    is recent (SWEEP_WINDOW): older news is marked, all at once, and not
    sent. A tick with nothing lost is one indexed query, however many
    couples; with some, a few queries a batch plus each delivery's own."""
    ids = list(
        activities_undelivered()
        .order_by("pk")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    if not ids:
        return 0
    now = timezone.now()
    activities_undelivered().filter(created__lt=now - SWEEP_WINDOW).update(
        delivered_at=now
    )
    lost = Activity.objects.filter(
        pk__in=ids, created__gte=now - SWEEP_WINDOW
    ).select_related("recipient", "author", "target_type")
    sent = sum(1 for activity in lost.order_by("pk") if deliver(activity))
    activities_delivered(ids)
    return sent


@task()
def send_due_emails() -> int:
    """Every email that is due, up to TROTH_EMAIL_RATE a minute
    (`emails_send_due`)."""
    return emails_send_due()


# Upkeep: what a stopped worker left behind, and what grows without bound.
# Retention is documented in docs/architecture.md (background work).


@task()
def reclaim_stale_emails() -> list[int]:
    """Emails a stopped worker claimed: send again or mark uncertain."""
    return list(emails_reclaim())


@task()
def reset_stale_tasks() -> list[int]:
    """Tasks a stopped worker left RUNNING: run them again."""
    return list(clock.stale_tasks_reset())


@task()
def prune_clock_ticks() -> int:
    return ticks_prune()


@task()
def prune_task_results() -> int:
    return clock.task_results_prune()


@task()
def send_due_pushes() -> int:
    """Push messages due and not yet sent: held back by quiet hours, waiting
    for a retry, or whose task was lost."""
    return push.pushes_send_due()


@task()
def reclaim_stale_pushes() -> list[int]:
    """Push messages a stopped worker claimed: send again or mark uncertain."""
    return list(push.pushes_reclaim())


@task()
def prune_push_subscriptions() -> int:
    """Devices whose session ended (signed out, ended, expired)."""
    return push.push_subscriptions_prune()
