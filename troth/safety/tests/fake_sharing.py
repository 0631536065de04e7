"""A small stand-in feature for the safety tests: it "shares" the person's
own shared Activity rows, and hands out feed links like a calendar would.

The feature apps test their own sharing.py; this proves the safety pages
gather whatever hooks exist and call them as the contract says.
"""

from __future__ import annotations

import secrets

from django.http import Http404, HttpResponse
from django.urls import include, path

from troth.lib.content import Visibility
from troth.lib.sharing import SharedItem
from troth.spaces.models import Activity

# token -> user id: feed links that work until revoked.
FEEDS: dict[str, int] = {}


def feed_new(user) -> str:
    token = secrets.token_urlsafe(16)
    FEEDS[token] = user.pk
    return token


def feed(request, token: str) -> HttpResponse:
    if token not in FEEDS:
        raise Http404
    return HttpResponse(
        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", content_type="text/calendar"
    )


def _mine(user, space):
    return Activity.objects.filter(
        space=space, author=user, visibility=Visibility.SHARED
    )


def shared_by(user, space) -> list[SharedItem]:
    items = [
        SharedItem(group="Fake moments", label=f"Moment {a.verb}", key=str(a.pk))
        for a in _mine(user, space).order_by("pk")
    ]
    items += [
        SharedItem(
            group="Fake calendar",
            label="Calendar feed",
            key=f"feed:{t}",
            detail="Busy only",
        )
        for t, uid in FEEDS.items()
        if uid == user.pk
    ]
    return items


def stop(user, space, key: str) -> bool:
    if key.startswith("feed:"):
        token = key.removeprefix("feed:")
        if FEEDS.get(token) != user.pk:
            return False
        del FEEDS[token]
        return True
    if not key.isdigit():
        return False
    return bool(
        _mine(user, space).filter(pk=int(key)).update(visibility=Visibility.PRIVATE)
    )


def stop_all(user, space) -> int:
    n = _mine(user, space).update(visibility=Visibility.PRIVATE)
    for token in [t for t, uid in FEEDS.items() if uid == user.pk]:
        del FEEDS[token]
        n += 1
    return n


def export(user) -> dict:
    return {"moments": [a.verb for a in Activity.objects.filter(author=user)]}


def export_ics(user) -> bytes:
    return b"BEGIN:VCALENDAR\r\nPRODID:-//fake//EN\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


urlpatterns = [
    path("fake/feed/<str:token>.ics", feed, name="fake_feed"),
    path("", include("troth.urls")),
]
