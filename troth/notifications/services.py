"""Creating notifications and delivering them by email.

Views never call these: services record Activity rows, and tasks turn
activities and due dates into notifications (see tasks.py).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from troth.lib.mail import email_render
from troth.notifications.models import Notification, NotificationSettings
from troth.notifications.notices import category_of
from troth.notifications.outside import outside_message

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
    except IntegrityError:
        return None
    return notification


def notification_open(*, notification: Notification) -> str:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification.url or "/"


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def email_send(notification: Notification) -> bool:
    """Send one notification's email, at most once.

    The row is claimed (PENDING -> SENDING) by a conditional UPDATE before the
    mail goes out, so two workers can never both send it; a crash after the
    claim loses an email rather than repeating one.
    """
    claimed = Notification.objects.filter(
        pk=notification.pk, email=Notification.Email.PENDING
    ).update(email=Notification.Email.SENDING)
    if not claimed:
        return False
    user = notification.user
    prefs = NotificationSettings.for_user(user)
    if not user.is_active or not prefs.wants_email(category_of(notification.kind)):
        Notification.objects.filter(pk=notification.pk).update(
            email=Notification.Email.SKIPPED
        )
        return False
    # What leaves Troth is decided in one place, for every channel.
    outside = outside_message(notification, prefs=prefs)
    try:
        email_render(
            template_prefix="notifications/email/update",
            to=[user.email],
            context={
                "outside": outside,
                "settings_link": settings.BASE_URL + reverse("notifications:settings"),
            },
            recipient=user,
            subject=outside.title,
        ).send()
    except Exception:
        logger.exception("Could not send notification email %s", notification.pk)
        Notification.objects.filter(pk=notification.pk).update(
            email=Notification.Email.SKIPPED
        )
        return False
    Notification.objects.filter(pk=notification.pk).update(
        email=Notification.Email.SENT
    )
    return True
