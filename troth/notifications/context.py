"""Template context for every page: how many updates the person has not read
yet, for the nav's badge (settings.TEMPLATES)."""

from __future__ import annotations

from troth.notifications.models import Notification


def unread(request) -> dict:
    return {"unread_count": unread_count(request)}


def unread_count(request) -> int:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    # Fetched with the membership when the page asked for it (one query
    # fewer on every page of a space).
    membership = getattr(request, "_troth_membership", None)
    if membership is not None:
        return membership.unread_count
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
