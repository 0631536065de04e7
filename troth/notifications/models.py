from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import models
from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.models import ReadableQuerySet, one_per, optional_link, person
from troth.lib.time import local_instant
from troth.notifications.categories import Category
from troth.notifications.notices import notice_text


class ClockTick(models.Model):
    """One row per scheduled job per time slot.

    Every worker process runs a clock; whichever inserts the row for a slot
    first enqueues the job. The unique constraint is what makes two workers,
    or a restarted one, agree that a slot's job was already enqueued.
    """

    job = models.CharField(max_length=100)
    slot = models.BigIntegerField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [one_per("job", "slot", name="one_tick_per_slot")]

    def __str__(self) -> str:
        return f"{self.job}@{self.slot}"


class NotificationQuerySet(ReadableQuerySet):
    def visibility_q(self, user) -> Q:
        """A notification is its recipient's alone."""
        return Q(user=user)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def emails_due(self, now: dt.datetime) -> NotificationQuerySet:
        """Emails waiting to be sent (index notification_email_due)."""
        return self.filter(email=Notification.Email.PENDING, email_after__lte=now)

    def emails_claimed_since(self, since: dt.datetime) -> NotificationQuerySet:
        """Emails handed (or about to be handed) to the mail server since
        `since`: what counts against TROTH_EMAIL_RATE (index
        notification_email_claimed)."""
        return self.filter(
            email_claimed_at__gte=since,
            email__in=[
                Notification.Email.SENDING,
                Notification.Email.SUBMITTING,
                Notification.Email.SENT,
            ],
        )


def notified(*, user: Any, key: Any) -> Exists:
    """Whether `user` already has the notification `key`, as an expression
    for a job's own query, so "what is due" leaves out what was sent in the
    same query (one probe of the unique (user, key) index per row):

        due = Promise.objects.filter(...).exclude(
            notified(user=OuterRef("author"), key=outer_key("promise.missed:", "pk"))
        )
    """
    return Exists(Notification.objects.filter(user=user, key=key))


def notification_key(*parts: Any) -> Concat:
    """A notification key built in the query: each part a literal string or
    an expression (an OuterRef, read as text), in order
    (`notification_key("pulse.reminder:", OuterRef("user_id"), ":2026-12-06")`)."""
    pieces: list[Any] = [
        Value(part)
        if isinstance(part, str)
        else Cast(part, output_field=models.CharField())
        for part in parts
    ]
    if len(pieces) == 1:
        pieces.append(Value(""))
    return Concat(*pieces, output_field=models.CharField())


def outer_key(prefix: str, *fields: str) -> Concat:
    """The key `prefix` followed by the outer row's `fields`, joined by ":"
    (`outer_key("activity:", "pk")` is "activity:42" for activity 42)."""
    parts: list[Any] = [prefix]
    for n, field in enumerate(fields):
        if n:
            parts.append(":")
        parts.append(OuterRef(field))
    return notification_key(*parts)


class Notification(models.Model):
    """Something a person should know about, in their inbox and perhaps email.

    The text is not stored: it is rendered from `kind` in the reader's own
    language, and never carries what anyone wrote (see notices.py)."""

    class Email(models.TextChoices):
        """Where a notification's email stands. A worker claims it (SENDING)
        and renders it, then records SUBMITTING just before handing it to
        the mail server: a claim that stalls in SENDING never reached the
        server and may be sent again; one that stalls in SUBMITTING may
        have, so it ends as UNCERTAIN and is not sent again (see
        `troth.notifications.services.emails_reclaim`)."""

        PENDING = "pending"
        SENDING = "sending"
        SUBMITTING = "submitting"
        SENT = "sent"
        SKIPPED = "skipped"
        UNCERTAIN = "uncertain"

    user = person(related_name="notifications")
    space = optional_link("spaces.Space", on_delete=models.CASCADE)
    kind = models.CharField(max_length=64)
    actor = person(optional=True)
    target_type = optional_link(ContentType, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    url = models.CharField(max_length=300, blank=True)
    # Makes delivery idempotent: one notification per (person, key), so a
    # rerun job, a restarted worker or a second worker adds nothing.
    key = models.CharField(max_length=200)
    created = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email = models.CharField(
        max_length=10, choices=Email.choices, default=Email.PENDING
    )
    email_after = models.DateTimeField(default=timezone.now)
    # When a worker claimed the email: a claim far older than any send takes
    # belongs to a worker that stopped, and is reclaimed. Also the claim's
    # token: a worker only moves its email on while the claim is its own.
    email_claimed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [one_per("user", "key", name="one_notification_per_key")]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            # The updates page: a person's newest first, a page at a time,
            # however many they ever had.
            models.Index(
                fields=["user", "-created", "-id"], name="notification_user_newest"
            ),
            # What send_due_emails reads every minute: only the emails still
            # waiting, however many were ever sent.
            models.Index(
                fields=["email_after"],
                condition=Q(email="pending"),
                name="notification_email_due",
            ),
            # The emails sent in the last minute (TROTH_EMAIL_RATE).
            models.Index(
                fields=["email_claimed_at"],
                condition=Q(email_claimed_at__isnull=False),
                name="notification_email_claimed",
            ),
            # Claims a stopped worker may have left (emails_reclaim).
            models.Index(
                fields=["email_claimed_at"],
                condition=Q(email__in=["sending", "submitting"]),
                name="notification_email_in_flight",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user}"

    @property
    def message(self) -> str:
        return notice_text(self)


def default_push_categories() -> list[str]:
    """What reaches a device with push on, until the person chooses: what
    their email gets by default, and a partner's status (the reason to
    turn push on at all)."""
    return [
        Category.SPACE,
        Category.PROMISES,
        Category.CHECKINS,
        Category.AGREEMENTS,
        Category.REPAIR,
        Category.REVIEW,
    ]


class NotificationSettings(models.Model):
    """A person's choices: which categories reach their email and their
    devices with push on, quiet hours (in their own time zone) during which
    neither is sent, and whether what leaves Troth may say what happened."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_settings",
    )
    email_enabled = models.BooleanField(_("Send me email"), default=True)
    email_categories = models.JSONField(default=list, blank=True)
    quiet_start = models.TimeField(_("Quiet from"), null=True, blank=True)
    quiet_end = models.TimeField(_("Quiet until"), null=True, blank=True)
    push_categories = models.JSONField(default=default_push_categories, blank=True)
    # Off by default: an email or a push message may be read by someone
    # else. The rule that uses it is troth/notifications/outside.py.
    outside_details = models.BooleanField(
        _("Say what happened in emails and push notifications"),
        default=False,
        help_text=_(
            "Off: an email or a push notification says only “You have an update "
            "in Troth”, with a link to your updates. On: it also says who did "
            "what, for example “Sam opened a repair”. It never includes what "
            "anyone wrote. Anyone who can read your email or see your lock "
            "screen would see these details, so leave this off if someone else "
            "might."
        ),
    )

    DEFAULT_CATEGORIES = [
        Category.SPACE,
        Category.PROMISES,
        Category.AGREEMENTS,
        Category.REPAIR,
        Category.REVIEW,
    ]

    def __str__(self) -> str:
        return f"Notification settings of {self.user_id}"

    @classmethod
    def for_user(cls, user) -> NotificationSettings:
        found = cls.objects.filter(user=user).first()
        return found or cls(
            user=user,
            email_categories=list(cls.DEFAULT_CATEGORIES),
            push_categories=default_push_categories(),
        )

    def wants_email(self, category: str) -> bool:
        return self.email_enabled and category in self.email_categories

    def wants_push(self, category: str) -> bool:
        return category in self.push_categories

    def quiet_until(self, at: dt.datetime, tz) -> dt.datetime | None:
        """If `at` falls in quiet hours, when they end; otherwise None."""
        if (
            self.quiet_start is None
            or self.quiet_end is None
            or self.quiet_start == self.quiet_end
        ):
            return None
        local = at.astimezone(tz)
        t = local.time()
        start, end = self.quiet_start, self.quiet_end
        # Quiet hours may span midnight (22:00 to 07:00).
        inside = (start <= t < end) if start < end else (t >= start or t < end)
        if not inside:
            return None
        end_date = local.date()
        if start > end and t >= start:
            end_date += dt.timedelta(days=1)
        return local_instant(end_date, end, tz)


class PushSubscriptionQuerySet(ReadableQuerySet):
    def visibility_q(self, user) -> Q:
        """A device with push on is its owner's alone."""
        return Q(user=user)

    def live(self) -> PushSubscriptionQuerySet:
        """Those whose session is still signed in: a subscription belongs
        to the session it was made in, so signing out, ending the session
        from the sessions page, its expiry or "sign out everywhere" stop
        deliveries to that device at once (troth/notifications/push.py)."""
        return self.filter(
            session_digest__in=Session.objects.filter(
                expire_date__gt=timezone.now()
            ).values("session_key")
        )


class PushSubscription(models.Model):
    """A browser that turned push on: where to send (`endpoint`, a URL of
    the browser's push service, checked against TROTH_PUSH_SERVICES before
    it is stored) and the keys to encrypt for it (RFC 8291)."""

    user = person(related_name="push_subscriptions")
    endpoint = models.CharField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=100)
    auth = models.CharField(max_length=50)
    # The stored form of the session it was made in (troth/accounts/sessions.py).
    session_digest = models.CharField(max_length=40, db_index=True)
    device = models.CharField(max_length=100, blank=True)
    created = models.DateTimeField(default=timezone.now)
    last_delivery_at = models.DateTimeField(null=True, blank=True)
    # When its session's row was deleted (signed out, ended, or pruned once
    # expired: `session_ended`), so the hourly prune reads the ended ones by
    # this index instead of matching every device to its session.
    session_ended_at = models.DateTimeField(null=True, blank=True)

    objects = PushSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(
                fields=["session_ended_at"],
                condition=Q(session_ended_at__isnull=False),
                name="push_session_ended",
            )
        ]

    def __str__(self) -> str:
        return f"Push to {self.device or 'a device'} of {self.user_id}"

    @property
    def info(self) -> dict:
        """What pywebpush takes: the browser's PushSubscription.toJSON()."""
        return {
            "endpoint": self.endpoint,
            "keys": {"p256dh": self.p256dh, "auth": self.auth},
        }


def session_ended(sender, instance, **kwargs) -> None:
    """A session's row was deleted, however (signing out, ending it from the
    sessions page, "sign out everywhere", the prune of expired sessions, a
    new key at sign-in): its devices are marked for the prune. Nothing is
    sent to them already (`PushSubscriptionQuerySet.live`)."""
    PushSubscription.objects.filter(
        session_digest=instance.session_key, session_ended_at__isnull=True
    ).update(session_ended_at=timezone.now())


post_delete.connect(
    session_ended, sender=Session, dispatch_uid="troth.notifications.session_ended"
)


class PushDelivery(models.Model):
    """One notification to one device, at most once.

    The unique (notification, subscription) pair is what makes a rerun, a
    restart or a second worker add nothing; the state is claimed with
    conditional UPDATEs exactly as a notification's email is (see
    `Notification.Email` and troth/notifications/push.py)."""

    class State(models.TextChoices):
        PENDING = "pending"
        SENDING = "sending"
        SUBMITTING = "submitting"
        SENT = "sent"
        SKIPPED = "skipped"
        FAILED = "failed"
        UNCERTAIN = "uncertain"

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="push_deliveries"
    )
    subscription = models.ForeignKey(
        PushSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING
    )
    send_after = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            one_per("notification", "subscription", name="one_push_per_device")
        ]
        indexes = [
            # What send_due_pushes reads every minute: only what still waits.
            models.Index(
                fields=["send_after"],
                condition=Q(state="pending"),
                name="push_delivery_due",
            ),
            # Claims a stopped worker may have left (pushes_reclaim).
            models.Index(
                fields=["claimed_at"],
                condition=Q(state__in=["sending", "submitting"]),
                name="push_delivery_in_flight",
            ),
        ]

    def __str__(self) -> str:
        return f"Push of {self.notification_id} to {self.subscription_id}"
