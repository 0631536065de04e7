"""What a channel outside Troth's own pages may say about a notification.

An email or a push message can be read by someone other than its
recipient: on a shared laptop, on a lock screen, by a partner who knows the
mail password. So every such channel asks `outside_message` what to say,
and by default that is only "You have an update in Troth" with a link to the
inbox: no name, no kind of event, no content, and no link that names a
feature. A person may choose details (`NotificationSettings.outside_details`):
then the text names who did what, in the words of notices.py, and the link
opens the thing itself. Even then it never carries what anyone wrote, and the
title (an email's subject, a push title) stays neutral, because it shows
before the message is opened.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from troth.lib.mail import recipient_locale
from troth.notifications.models import Notification, NotificationSettings


@dataclass(frozen=True)
class OutsideMessage:
    title: str  # shown before opening: always neutral
    text: str
    url: str  # absolute
    details: bool  # whether the person chose details


def outside_message(
    notification: Notification, *, prefs: NotificationSettings | None = None
) -> OutsideMessage:
    """What any channel outside Troth may say about `notification`, in its
    recipient's language."""
    user = notification.user
    if prefs is None:
        prefs = NotificationSettings.for_user(user)
    inbox = settings.BASE_URL + reverse("notifications:inbox")
    with recipient_locale(user):
        title = _("You have an update in Troth")
        if not prefs.outside_details:
            return OutsideMessage(
                title=title,
                text=_("You have an update in Troth. Open your updates to see it."),
                url=inbox,
                details=False,
            )
        return OutsideMessage(
            title=title,
            text=notification.message,
            url=(settings.BASE_URL + notification.url) if notification.url else inbox,
            details=True,
        )
