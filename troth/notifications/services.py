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
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from troth.lib.mail import email_render
from troth.notifications.models import (
    Notification,
    NotificationSettings,
    default_push_categories,
)
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
    returns None when it was already there. `notify_many` of one item."""
    created = notify_many(
        [
            {
                "user": user,
                "kind": kind,
                "key": key,
                "actor": actor,
                "target": target,
                "space": space,
                "url": url,
            }
        ]
    )
    return created[0] if created else None


def unsent(pairs: Iterable[tuple[int, str]]) -> set[tuple[int, str]]:
    """Which (user id, key) pairs have no notification yet, in one query on
    the unique (user, key) index, however many were already sent.

    For jobs whose keys are computed in Python (a date of a repeating
    event, say): ask once for the batch, then `notify_many` only what is
    new. It stays idempotent, so a pair sent meanwhile by another worker
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


def settings_of(users: Iterable) -> dict[int, NotificationSettings]:
    """Each person's NotificationSettings by user id, in one query: the
    defaults (unsaved, as `NotificationSettings.for_user` gives them) for
    whoever never changed theirs."""
    by_id = {user.pk: user for user in users}
    found = {
        prefs.user_id: prefs
        for prefs in NotificationSettings.objects.filter(user_id__in=by_id)
    }
    return {
        pk: found.get(pk)
        or NotificationSettings(
            user=user,
            email_categories=list(NotificationSettings.DEFAULT_CATEGORIES),
            push_categories=default_push_categories(),
        )
        for pk, user in by_id.items()
    }


def _notification(
    item: dict[str, Any], prefs: NotificationSettings, now: datetime
) -> Notification:
    """The unsaved notification for one item of `notify_many`: its email
    held until the person's quiet hours end, or skipped for a category
    they don't want by email."""
    user, kind, target = item["user"], item["kind"], item.get("target")
    notification = Notification(
        user=user,
        kind=kind,
        key=item["key"],
        actor=item.get("actor"),
        space=item.get("space"),
        url=item.get("url") or (target_url(target) if target is not None else ""),
        created=now,
        email_after=prefs.quiet_until(now, user.tz) or now,
        email=(
            Notification.Email.PENDING
            if prefs.wants_email(category_of(kind))
            else Notification.Email.SKIPPED
        ),
    )
    if target is not None:
        notification.target_type = ContentType.objects.get_for_model(target)
        notification.target_id = target.pk
    return notification


def _inserted(rows: list[Notification], now: datetime) -> list[Notification]:
    """Which of `rows` this INSERT … ON CONFLICT DO NOTHING added, their ids
    set, read back in one query: a row for the same (person, key) that
    another worker added first has its own creation time, so it is not
    counted (nor planned for push) twice."""
    ids = {
        (user_id, key): pk
        for pk, user_id, key in Notification.objects.filter(
            user_id__in={row.user_id for row in rows},
            key__in={row.key for row in rows},
            created=now,
        ).values_list("pk", "user_id", "key")
    }
    mine = []
    for row in rows:
        pk = ids.get((row.user_id, row.key))
        if pk is not None:
            row.pk = pk
            row._state.adding = False
            row._state.db = Notification.objects.db
            mine.append(row)
    return mine


def notify_many(items: Iterable[dict[str, Any]]) -> list[Notification]:
    """`notify` for many items (each its keyword arguments) in a fixed
    number of queries, however many: the pairs already notified left out
    in one query (all a tick with nothing new costs), everyone's settings
    read in one, the new notifications added in one INSERT that skips a
    (person, key) another worker added meanwhile, read back in one, and
    their push deliveries planned in one or two (plus enqueueing the
    sending of each that has a device). Returns the notifications it
    created, each once however often its pair came."""
    items = list(items)
    new = unsent((item["user"].pk, item["key"]) for item in items)
    wanted = []
    for item in items:
        pair = (item["user"].pk, item["key"])
        if pair in new:
            new.discard(pair)  # the same pair twice in one batch: once
            wanted.append(item)
    if not wanted:
        return []
    now = timezone.now()
    prefs = settings_of(item["user"] for item in wanted)
    rows = [_notification(item, prefs[item["user"].pk], now) for item in wanted]
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        created = _inserted(rows, now)
        if created:
            push_plan(created, prefs)
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
    """Send one notification's email, at most once (`emails_send` of one)."""
    return emails_send([notification.pk]) == 1


def emails_send(ids: list[int]) -> int:
    """Send the emails of these notifications, each at most once, in a
    fixed number of queries for the batch. Returns how many were sent.

    The batch is claimed (PENDING -> SENDING, with the claim's time) by one
    conditional UPDATE, so two workers can never both send an email. The
    messages are rendered, and only then is SUBMITTING recorded, just
    before the mail server is given them; SENT once it took them. Every
    later step matches the claim's time, so a worker whose claim was
    reclaimed (see `emails_reclaim`) stops instead of sending a second
    copy. A worker that stops while handing the batch over leaves it
    SUBMITTING: at worst those emails are missing (marked UNCERTAIN),
    never one sent twice.
    """
    claimed_at = timezone.now()
    if not Notification.objects.filter(
        pk__in=ids, email=Notification.Email.PENDING
    ).update(email=Notification.Email.SENDING, email_claimed_at=claimed_at):
        return 0
    mine = Notification.objects.filter(pk__in=ids, email_claimed_at=claimed_at)
    claimed = list(
        mine.filter(email=Notification.Email.SENDING)
        .select_related("user", "actor")
        .order_by("pk")
    )
    prefs = settings_of(n.user for n in claimed)
    messages = {}
    for notification in claimed:
        message = _email_message(notification, prefs[notification.user_id])
        if message is not None:
            messages[notification.pk] = message
    _email_mark(mine, {n.pk for n in claimed} - messages.keys(), "SKIPPED")
    # From here on the messages may leave: say so first.
    submitting = mine.filter(pk__in=messages, email=Notification.Email.SENDING)
    if submitting.update(email=Notification.Email.SUBMITTING) < len(messages):
        # Some were reclaimed meanwhile; whoever holds them now sends them.
        ours = set(
            mine.filter(
                pk__in=messages, email=Notification.Email.SUBMITTING
            ).values_list("pk", flat=True)
        )
        messages = {pk: m for pk, m in messages.items() if pk in ours}
    sent, failed = _emails_hand_over(messages)
    _email_mark(mine, sent, "SENT")
    _email_mark(mine, failed, "SKIPPED")
    return len(sent)


def _email_message(notification: Notification, prefs: NotificationSettings):
    """The rendered email of a claimed notification, or None when none is
    to go: its person is no longer active, no longer wants this category
    by email, or it could not be rendered."""
    user = notification.user
    if not user.is_active or not prefs.wants_email(category_of(notification.kind)):
        return None
    # What leaves Troth is decided in one place, for every channel.
    outside = outside_message(notification, prefs=prefs)
    try:
        return email_render(
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
        return None


def _emails_hand_over(messages: dict[int, Any]) -> tuple[set[int], set[int]]:
    """Give the mail server each message. Returns the ids it took and those
    it didn't (each failure logged)."""
    sent: set[int] = set()
    failed: set[int] = set()
    for pk, message in messages.items():
        try:
            message.send()
        except Exception:
            logger.exception("Could not send notification email %s", pk)
            failed.add(pk)
        else:
            sent.add(pk)
    return sent, failed


def _email_mark(mine, ids: set[int], state: str) -> None:
    """Move these emails of the claim `mine` to `state`, in one UPDATE."""
    if ids:
        mine.filter(pk__in=ids).update(email=Notification.Email[state])


# One batch of emails is fetched at a time, so a run holds few rows in
# memory however many are due.
EMAIL_BATCH = 100
RATE_WINDOW = timedelta(minutes=1)


def emails_send_due(*, now: datetime | None = None) -> int:
    """Send every email that is due, in batches, until none is left or
    TROTH_EMAIL_RATE emails were handed to the mail server in the last
    minute (counting other workers' runs). Returns how many were sent.

    What the rate holds back stays PENDING for the next run (the clock runs
    this every minute). Each batch is claimed by `emails_send`, so two
    workers running this at once never send one twice; between them they
    may pass the rate by at most one batch. A batch costs a fixed number of
    queries, however many emails it holds."""
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
            .order_by("pk")
            .values_list("pk", flat=True)[:room]
        )
        if not batch:
            break
        sent += emails_send(batch)
        last = batch[-1]
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
