"""{% push_devices %}: this person's devices with push on, each with its
last delivery and a button that turns push off there. The push page and
the sessions page both show it (one list, one place that reads it)."""

from __future__ import annotations

from django import template

from troth.accounts.sessions import same_session
from troth.notifications.models import PushSubscription

register = template.Library()


@register.inclusion_tag("notifications/push_devices.html", takes_context=True)
def push_devices(context) -> dict:
    request = context["request"]
    current = request.session.session_key
    return {
        "devices": [
            {
                "subscription": subscription,
                "current": same_session(subscription.session_digest, current),
            }
            for subscription in PushSubscription.objects.live().filter(
                user=request.user
            )
        ],
        "next": request.path,
        "csrf_token": context.get("csrf_token"),
    }
