"""Template context every page needs: the quick-exit target and the person's
current space, looked up once per request."""

from __future__ import annotations

from django.conf import settings


def troth(request):
    from troth.spaces.models import current_membership

    membership = current_membership(request)
    return {
        "quick_exit_url": settings.TROTH_QUICK_EXIT_URL,
        "membership": membership,
        "space": membership.space if membership else None,
        "unread_count": unread_count(request),
    }


def unread_count(request) -> int:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    from troth.notifications.models import Notification

    return Notification.objects.filter(user=user, read_at__isnull=True).count()
