"""Creating notifications and delivering them by email.

Views never call these: services record Activity rows, and tasks turn
activities and due dates into notifications (see tasks.py).

A job that runs every tick should not find out what it already sent by
failing an INSERT per item: leave it out of "what is due" in the job's own
query with `notified(...)` (troth/notifications/models.py), or, for keys
computed in Python, ask `unsent` once for the whole batch, or hand the
batch to `notify_many`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from troth.lib.mail import email_render
from troth.notifications.models import Notification, NotificationSettings
from troth.notifications.notices import category_of
from troth.notifications.outside import outside_message
from troth.notifications.push import push_plan

logger = logging.getLogger("troth.notifications")


def target_url(target) -> str:
    get_url = getattr(target, "get_absolute_url", None)
    return get_url() if get_url else ""


def notify(
    *,
    user,
    kind: str,
    key: str,
    actor=None,
    target=None,
    space=None,
    url: str = "",
    activity=None,
) -> Notification | None:
    """Create the notification for (user, key) unless it exists. Idempotent:
    returns None when it was already there."""
    now = timezone.now()
    prefs = NotificationSettings.for_user(user)
    email_after = prefs.quiet_until(now, user.tz) or now
    notification = Notification(
        user=user,
        kind=kind,
        key=key,
        actor=actor,
        space=space,
        url=url or (target_url(target) if target is not None else ""),
        email_after=email_after,
        email=(
            Notification.Email.PENDING
            if prefs.wants_email(category_of(kind))
            else Notification.Email.SKIPPED
        ),
    )
    if target is not None:
        notification.target_type = ContentType.objects.get_for_model(target)
        notification.target_id = target.pk
    try:
        with transaction.atomic():
            notification.save()
            # Push goes with it (sent when due, once per device).
            push_plan(notification, prefs=prefs)
    except IntegrityError:
        return None
    return notification


def unsent(pairs: Iterable[tuple[int, str]]) -> set[tuple[int, str]]:
    """Which (user id, key) pairs have no notification yet, in one query on
    the unique (user, key) index, however many were already sent.

    For jobs whose keys are computed in Python (a date of a repeating
    event, say): ask once for the batch, then `notify` only what is new.
    `notify` stays idempotent, so a pair sent meanwhile by another worker
    is still added once."""
    wanted = set(pairs)
    if not wanted:
        return set()
    users = {user_id for user_id, _key in wanted}
    keys = {key for _user_id, key in wanted}
    sent = set(
        Notification.objects.filter(user_id__in=users, key__in=keys).values_list(
            "user_id", "key"
        )
    )
    return wanted - sent


def notify_many(items: Iterable[dict[str, Any]]) -> list[Notification]:
    """`notify` for each item (its keyword arguments), skipping in one query
    the (user, key) pairs that already have their notification: a job that
    runs every tick pays for what is new, not for what it sent before.
    Returns the notifications created."""
    items = list(items)
    new = unsent((item["user"].pk, item["key"]) for item in items)
    created = []
    for item in items:
        pair = (item["user"].pk, item["key"])
        if pair not in new:
            continue
        new.discard(pair)  # the same pair twice in one batch: once
        notification = notify(**item)
        if notification is not None:
            created.append(notification)
    return created


def notification_open(*, notification: Notification) -> str:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification.url or "/"


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# A worker's claim on an email older than this belongs to a worker that
# stopped (killed, crashed, its machine gone): rendering and handing one
# message to the mail server take seconds, and the mail backend's timeout
# (EMAIL_TIMEOUT) is far shorter.
EMAIL_CLAIM_TIMEOUT = timedelta(minutes=15)


def email_send(notification: Notification) -> bool:
    """Send one notification's email, at most once.

    The row is claimed (PENDING -> SENDING, with the claim's time) by a
    conditional UPDATE, so two workers can never both send it. The message
    is rendered, and only then is SUBMITTING recorded, just before the mail
    server is given it; SENT once it took it. Every later step matches the
    claim's time, so a worker whose claim was reclaimed (see
    `emails_reclaim`) stops instead of sending a second copy.
    """
    claimed_at = timezone.now()
    claimed = Notification.objects.filter(
        pk=notification.pk, email=Notification.Email.PENDING
    ).update(email=Notification.Email.SENDING, email_claimed_at=claimed_at)
    if not claimed:
        return False
    mine = Notification.objects.filter(pk=notification.pk, email_claimed_at=claimed_at)
    user = notification.user
    prefs = NotificationSettings.for_user(user)
    if not user.is_active or not prefs.wants_email(category_of(notification.kind)):
        mine.update(email=Notification.Email.SKIPPED)
        return False
    # What leaves Troth is decided in one place, for every channel.
    outside = outside_message(notification, prefs=prefs)
    try:
        message = email_render(
            template_prefix="notifications/email/update",
            to=[user.email],
            context={
                "outside": outside,
                "settings_link": settings.BASE_URL + reverse("notifications:settings"),
            },
            recipient=user,
            subject=outside.title,
        )
    except Exception:
        logger.exception("Could not render notification email %s", notification.pk)
        mine.update(email=Notification.Email.SKIPPED)
        return False
    # From here on the message may leave: say so first.
    if not mine.filter(email=Notification.Email.SENDING).update(
        email=Notification.Email.SUBMITTING
    ):
        return False  # reclaimed meanwhile; whoever holds it now sends it
    try:
        message.send()
    except Exception:
        logger.exception("Could not send notification email %s", notification.pk)
        mine.update(email=Notification.Email.SKIPPED)
        return False
    mine.update(email=Notification.Email.SENT)
    return True


# One batch of emails is fetched at a time, so a run holds few rows in
# memory however many are due.
EMAIL_BATCH = 100
RATE_WINDOW = timedelta(minutes=1)


def emails_send_due(*, now: datetime | None = None) -> int:
    """Send every email that is due, in batches, until none is left or
    TROTH_EMAIL_RATE emails were handed to the mail server in the last
    minute (counting other workers' runs). Returns how many were sent.

    What the rate holds back stays PENDING for the next run (the clock runs
    this every minute). Each email is still claimed by `email_send`, so two
    workers running this at once never send one twice; between them they
    may pass the rate by at most one batch."""
    now = now or timezone.now()
    rate = settings.TROTH_EMAIL_RATE
    sent = 0
    last = 0
    while True:
        # Re-counted before each batch: another worker may be sending too.
        used = Notification.objects.emails_claimed_since(now - RATE_WINDOW).count()
        room = min(EMAIL_BATCH, rate - used)
        if room <= 0:
            break
        # By id, from where the last batch ended: an email claimed by
        # another worker, or skipped, is never fetched twice in one run.
        batch = list(
            Notification.objects.emails_due(now)
            .filter(pk__gt=last)
            .select_related("user", "actor")
            .order_by("pk")[:room]
        )
        if not batch:
            break
        sent += sum(1 for notification in batch if email_send(notification))
        last = batch[-1].pk
    return sent


def emails_reclaim(*, now: datetime | None = None) -> tuple[int, int]:
    """Settle emails whose worker stopped mid-send. Returns how many went
    back to PENDING and how many were marked UNCERTAIN.

    A claim older than EMAIL_CLAIM_TIMEOUT still in SENDING never reached
    the mail server (SUBMITTING is recorded before it is given the
    message), so it goes back to PENDING and the next run sends it once.
    One in SUBMITTING may have been delivered (the worker can stop after
    the server took the message and before SENT is recorded); sending it
    again could deliver it twice, so it becomes UNCERTAIN and is left
    alone, logged for the host. The notification itself stays in the
    person's inbox either way: at worst one email is missing, never one
    too many.
    """
    now = now or timezone.now()
    # Matches the partial index notification_email_in_flight: only claims
    # still open are read, never the emails long sent.
    stale = Notification.objects.filter(
        email__in=[Notification.Email.SENDING, Notification.Email.SUBMITTING],
        email_claimed_at__lt=now - EMAIL_CLAIM_TIMEOUT,
    )
    retried = stale.filter(email=Notification.Email.SENDING).update(
        email=Notification.Email.PENDING, email_claimed_at=None
    )
    unsure = list(
        stale.filter(email=Notification.Email.SUBMITTING).values_list("pk", flat=True)
    )
    if unsure:
        stale.filter(pk__in=unsure, email=Notification.Email.SUBMITTING).update(
            email=Notification.Email.UNCERTAIN
        )
        logger.warning(
            "Not resending %d notification email(s) whose worker stopped while "
            "handing them to the mail server (they may have been delivered): %s",
            len(unsure),
            ", ".join(str(pk) for pk in unsure),
        )
    return retried, len(unsure)
