"""Web Push: the second channel outside Troth's pages, beside email.

A person turns push on per device (the browser subscribes with Troth's VAPID
public key and sends its subscription to `push_subscribe`). Each new
notification gets one `PushDelivery` per live subscription of its recipient
whose category they want, in the transaction that creates it, and the
`send_push` task is enqueued with it, to run when quiet hours end if they
are on. Sending follows `email_send`'s claims: PENDING -> SENDING (claimed
with its time) -> SUBMITTING (just before the POST) -> SENT, each step
matching the claim, so two workers or a restart send once; a stale claim is
reclaimed by `pushes_reclaim`. What the message says is decided by
`outside_message` (neutral unless the person chose details). The protocol
itself (RFC 8030, 8291 aes128gcm, 8292 VAPID) is pywebpush's.

The task lives here rather than in tasks.py because `notify`
(services.py, which tasks.py imports) enqueues it.
"""

from __future__ import annotations

import base64
import json
import logging
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import requests
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _
from py_vapid import Vapid02
from pywebpush import WebPushException, webpush

from troth.accounts.devices import describe
from troth.accounts.sessions import stored_key
from troth.notifications.categories import Category
from troth.notifications.endpoints import endpoint_problem, send_problem
from troth.notifications.models import (
    Notification,
    NotificationSettings,
    PushDelivery,
    PushSubscription,
)
from troth.notifications.notices import category_of
from troth.notifications.outside import outside_message

logger = logging.getLogger("troth.notifications")

State = PushDelivery.State

# Short: a push service answers in well under a second, and a worker must
# not hang on one that doesn't.
TIMEOUT = 5.0
# A claim older than this belongs to a worker that stopped (one send is
# at most one TIMEOUT).
CLAIM_TIMEOUT = timedelta(minutes=5)
# 429 and 5xx: tried again after 1, 2, 4, 8 … minutes (or what Retry-After
# asks, up to an hour), at most this many times in all.
MAX_ATTEMPTS = 6
MAX_WAIT = timedelta(hours=1)


@dataclass(frozen=True)
class Delivery:
    """How urgently a kind of notification goes out, and how long a push
    service keeps it for a device that is offline (RFC 8030 5.2, 5.3)."""

    urgency: str
    ttl: int  # seconds


URGENT = {
    # "On my way", "I need some space": now or not at all.
    "status.sent": Delivery("high", 15 * 60),
}
BY_CATEGORY: dict[str, Delivery] = {
    # Digests, audits, goals: whenever the device is next online.
    Category.REVIEW: Delivery("low", 2 * 24 * 3600),
}
NORMAL = Delivery("normal", 24 * 3600)


def delivery_of(kind: str) -> Delivery:
    return URGENT.get(kind) or BY_CATEGORY.get(category_of(kind), NORMAL)


# Keys and subscriptions


def vapid() -> Vapid02:
    return Vapid02.from_string(settings.TROTH_VAPID_PRIVATE_KEY)


def vapid_public_key() -> str:
    """The applicationServerKey a browser subscribes with: the uncompressed
    P-256 point, unpadded base64url."""
    raw = vapid().public_key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _decoded(value: object) -> bytes | None:
    if not isinstance(value, str) or not 0 < len(value) <= 200:
        return None
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except ValueError:
        return None


def subscription_problem(data: object) -> str | None:
    """What is wrong with a browser's PushSubscription.toJSON(), in words
    for the person, or None."""

    if not isinstance(data, dict):
        return _("Send the browser's push subscription as a JSON object.")
    problem = endpoint_problem(data.get("endpoint"))
    if problem:
        return problem
    keys = data.get("keys")
    if not isinstance(keys, dict):
        return _("The push subscription has no keys.")
    p256dh = _decoded(keys.get("p256dh"))
    try:
        # RFC 8291: the uncompressed point, 65 bytes starting 0x04.
        if p256dh is None or len(p256dh) != 65 or p256dh[0] != 4:
            raise ValueError
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), p256dh)
    except ValueError:
        return _("The push subscription's p256dh key is not a P-256 public key.")
    auth = _decoded(keys.get("auth"))
    if auth is None or len(auth) != 16:
        return _("The push subscription's auth secret is not 16 bytes.")
    return None


def push_subscribe(*, user, data: dict, session_key: str, user_agent: str):
    """Store (or move to this person and session) a browser's subscription,
    after `subscription_problem` found none. Returns (subscription, created).

    One row per endpoint: the same browser subscribing again updates its
    row, and a browser another account had subscribed now reaches only the
    person signed in on it."""
    with transaction.atomic():
        return PushSubscription.objects.update_or_create(
            endpoint=data["endpoint"],
            defaults={
                "user": user,
                "p256dh": data["keys"]["p256dh"],
                "auth": data["keys"]["auth"],
                "session_digest": stored_key(session_key),
                "session_ended_at": None,
                "device": describe(user_agent)[:100],
            },
        )


def push_subscriptions_delete(*, user) -> int:
    """Turn push off on every device of `user` (the emergency reset)."""
    _total, counts = PushSubscription.objects.filter(user=user).delete()
    return counts.get(PushSubscription._meta.label, 0)


def push_subscriptions_prune() -> int:
    """Delete the subscriptions whose session has ended (signed out, ended
    from the sessions page, expired and pruned): nothing is sent to them
    already (`PushSubscriptionQuerySet.live`); this forgets them. They are
    read by when their session ended (`session_ended`), so a tick reads the
    ended ones, not every device of every couple."""
    gone = PushSubscription.objects.filter(session_ended_at__lte=timezone.now())
    _total, counts = gone.delete()
    return counts.get(PushSubscription._meta.label, 0)


# Delivery


def push_plan(
    notifications: list[Notification], prefs: dict[int, NotificationSettings]
) -> None:
    """Create the deliveries of new notifications and enqueue their sending, in
    the caller's transaction (`notify_many`): their recipients' devices read
    in one query (with whether each is still signed in), those whose
    session ended forgotten, every delivery created in one INSERT, and the
    sending of each notification that has one enqueued."""
    live_session = Session.objects.filter(
        session_key=OuterRef("session_digest"), expire_date__gt=timezone.now()
    )
    devices = list(
        PushSubscription.objects.filter(user_id__in={n.user_id for n in notifications})
        .annotate(live=Exists(live_session))
        .values_list("pk", "user_id", "live")
    )
    if not devices:
        return
    ended = [pk for pk, _user_id, live in devices if not live]
    if ended:
        # Signed out, or ended from the sessions page: nothing goes there.
        PushSubscription.objects.filter(pk__in=ended).delete()
    live_by_user: dict[int, list[int]] = {}
    for pk, user_id, live in devices:
        if live:
            live_by_user.setdefault(user_id, []).append(pk)
    planned = [
        n
        for n in notifications
        if live_by_user.get(n.user_id)
        and prefs[n.user_id].wants_push(category_of(n.kind))
    ]
    PushDelivery.objects.bulk_create(
        [
            # Quiet hours hold it back, as they do email (email_after).
            PushDelivery(notification=n, subscription_id=pk, send_after=n.email_after)
            for n in planned
            for pk in live_by_user[n.user_id]
        ],
        ignore_conflicts=True,
    )
    for n in planned:
        _enqueue(n.pk, n.email_after)


def _enqueue(notification_id: int, after: datetime) -> None:
    if after > timezone.now():
        send_push.using(run_after=after).enqueue(notification_id)
    else:
        send_push.enqueue(notification_id)


class _NoRedirects(requests.Session):
    """A push service that redirects is not followed anywhere, and nothing
    from the environment (proxies, .netrc) joins the request."""

    def __init__(self) -> None:
        super().__init__()
        self.trust_env = False

    def request(self, *args, **kwargs):  # type: ignore[override]
        kwargs["allow_redirects"] = False
        return super().request(*args, **kwargs)


def _wait(attempts: int, retry_after: str | None) -> timedelta:
    wait = timedelta(minutes=2 ** (attempts - 1))
    if retry_after and retry_after.strip().isdigit():
        wait = max(wait, timedelta(seconds=int(retry_after)))
    return min(wait, MAX_WAIT) + timedelta(seconds=random.randint(0, 10))


def push_send(delivery_id: int, *, now: datetime | None = None) -> bool:
    """Send one delivery, at most once. Returns True when the push service
    took it.

    Claimed PENDING -> SENDING by a conditional UPDATE (with the claim's
    time, which every later step matches); SUBMITTING is recorded just
    before the POST; then `_settle` reads the answer."""
    now = now or timezone.now()
    claimed_at = timezone.now()
    claimed = PushDelivery.objects.filter(
        pk=delivery_id, state=State.PENDING, send_after__lte=now
    ).update(state=State.SENDING, claimed_at=claimed_at)
    if not claimed:
        return False
    mine = PushDelivery.objects.filter(pk=delivery_id, claimed_at=claimed_at)
    delivery = PushDelivery.objects.select_related(
        "subscription", "notification__user", "notification__actor"
    ).get(pk=delivery_id)
    prefs = NotificationSettings.for_user(delivery.notification.user)
    if _held_back(delivery, mine, prefs=prefs, now=now):
        return False
    outside = outside_message(delivery.notification, prefs=prefs)
    payload = json.dumps(
        {"title": outside.title, "body": outside.text, "url": outside.url}
    )
    # From here on the message may leave: say so first.
    if not mine.filter(state=State.SENDING).update(state=State.SUBMITTING):
        return False  # reclaimed meanwhile; whoever holds it now sends it
    status, retry_after = _post(delivery, payload)
    return _settle(delivery, mine, status=status, retry_after=retry_after)


def _held_back(delivery: PushDelivery, mine, *, prefs, now: datetime) -> bool:
    """Whether a claimed delivery must not go now, having recorded why: its
    session ended (the device is forgotten), the person no longer wants
    this kind by push (SKIPPED), quiet hours began (PENDING until they
    end), or the endpoint is no longer allowed (FAILED)."""
    subscription, notification = delivery.subscription, delivery.notification
    user = notification.user
    if not PushSubscription.objects.live().filter(pk=subscription.pk).exists():
        subscription.delete()  # its session ended: signed out
        return True
    if not user.is_active or not prefs.wants_push(category_of(notification.kind)):
        mine.update(state=State.SKIPPED)
        return True
    quiet_until = prefs.quiet_until(now, user.tz)
    if quiet_until is not None:
        mine.update(state=State.PENDING, send_after=quiet_until, claimed_at=None)
        _enqueue(notification.pk, quiet_until)
        return True
    problem = send_problem(subscription.endpoint)
    if problem is not None:
        logger.warning("Not sending push %s: %s", delivery.pk, problem)
        mine.update(state=State.FAILED)
        return True
    return False


def _post(delivery: PushDelivery, payload: str) -> tuple[int, str | None]:
    """POST the encrypted, signed message: (status, Retry-After), status 0
    when the push service did not answer."""
    how = delivery_of(delivery.notification.kind)
    endpoint = urlsplit(delivery.subscription.endpoint)
    claims: dict[str, str | int] = {
        "sub": settings.TROTH_VAPID_SUBJECT,
        "aud": f"{endpoint.scheme}://{endpoint.netloc}",
        "exp": int(time.time()) + 12 * 3600,  # RFC 8292: at most 24 hours
    }
    try:
        with _NoRedirects() as session:
            response = webpush(
                delivery.subscription.info,
                data=payload,
                vapid_private_key=vapid(),
                vapid_claims=claims,
                ttl=how.ttl,
                headers={"Urgency": how.urgency},
                timeout=TIMEOUT,
                requests_session=session,
            )
        return getattr(response, "status_code", 201), None
    except WebPushException as error:
        return error.status_code or 0, error.retry_after
    except requests.RequestException as error:
        logger.warning("Push %s got no answer: %s", delivery.pk, type(error).__name__)
        return 0, None


def _settle(delivery: PushDelivery, mine, *, status: int, retry_after) -> bool:
    """Record the push service's answer. 200/201/202: SENT, and the
    device's last delivery time. 404/410: the browser dropped the
    subscription, so it is deleted. 429/5xx or no answer: PENDING again
    later (MAX_ATTEMPTS in all). Anything else (a redirect included):
    FAILED, logged without the endpoint (a capability URL)."""
    subscription = delivery.subscription
    attempts = delivery.attempts + 1
    if status in (200, 201, 202):
        mine.update(state=State.SENT, attempts=attempts)
        PushSubscription.objects.filter(pk=subscription.pk).update(
            last_delivery_at=timezone.now()
        )
        return True
    if status in (404, 410):
        logger.info(
            "Push service dropped subscription %s (%s)", subscription.pk, status
        )
        subscription.delete()
        return False
    if (status == 0 or status == 429 or status >= 500) and attempts < MAX_ATTEMPTS:
        later = timezone.now() + _wait(attempts, retry_after)
        mine.update(
            state=State.PENDING, send_after=later, claimed_at=None, attempts=attempts
        )
        _enqueue(delivery.notification_id, later)
        return False
    logger.warning(
        "Push %s failed with %s; not retried", delivery.pk, status or "no answer"
    )
    mine.update(state=State.FAILED, attempts=attempts)
    return False


@task()
def send_push(notification_id: int) -> int:
    """Send whatever of this notification's deliveries is due."""
    return _send_due(PushDelivery.objects.filter(notification_id=notification_id))


# Deliveries are fetched a batch at a time, so a run holds few in memory.
PUSH_BATCH = 200


def _send_due(deliveries, now: datetime | None = None) -> int:
    """Send every due delivery among `deliveries`, a batch at a time until
    none is left (index push_delivery_due). No rate: each goes to its own
    device's push service, and each send waits at most TIMEOUT."""
    now = now or timezone.now()
    due = deliveries.filter(state=State.PENDING, send_after__lte=now)
    sent = 0
    last = 0
    while True:
        # By id, from where the last batch ended: one held back by quiet
        # hours or claimed by another worker is not fetched again this run.
        batch = list(
            due.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[:PUSH_BATCH]
        )
        if not batch:
            return sent
        sent += sum(1 for pk in batch if push_send(pk, now=now))
        last = batch[-1]


def pushes_send_due(*, now: datetime | None = None) -> int:
    """Every delivery that is due (the clock's catch-all, should a task have
    been lost)."""
    return _send_due(PushDelivery.objects.all(), now)


def pushes_reclaim(*, now: datetime | None = None) -> tuple[int, int]:
    """Settle deliveries whose worker stopped, as `emails_reclaim` does:
    a stale SENDING never left, so it goes back to PENDING; a stale
    SUBMITTING may have reached the device, so it becomes UNCERTAIN and is
    not sent again."""
    now = now or timezone.now()
    # Matches the partial index push_delivery_in_flight.
    stale = PushDelivery.objects.filter(
        state__in=[State.SENDING, State.SUBMITTING],
        claimed_at__lt=now - CLAIM_TIMEOUT,
    )
    retried = stale.filter(state=State.SENDING).update(
        state=State.PENDING, claimed_at=None
    )
    unsure = stale.filter(state=State.SUBMITTING).update(state=State.UNCERTAIN)
    if unsure:
        logger.warning(
            "Not resending %d push message(s) whose worker stopped mid-send", unsure
        )
    return retried, unsure
