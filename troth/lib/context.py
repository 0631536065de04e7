"""Template context every page needs from the project itself: the quick-exit
target and the name Troth has on a home screen. What a page shows of an
app's data comes from that app's own context processor
(troth/spaces/context.py, troth/notifications/context.py), all listed in
settings.TEMPLATES."""

from __future__ import annotations

from django.conf import settings


def quick_exit(request) -> dict:
    return {"quick_exit_url": settings.TROTH_QUICK_EXIT_URL}


def app(request) -> dict:
    return {"app_name": settings.TROTH_APP_NAME}
