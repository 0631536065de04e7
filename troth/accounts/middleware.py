"""Request-wide behaviour of the signed-in person: their own time zone and
language, how long a session lasts, and the headers that keep a signed-in
page out of caches and shared screens (and, on sign-out, forget the device)."""

from __future__ import annotations

import hashlib
import time

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.usersessions.internal import usersessionkit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from troth.accounts.devices import forget_device
from troth.lib.time import zone


class UserPreferencesMiddleware:
    """Show times in the viewer's zone and pages in the viewer's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # An unknown zone name reads as UTC, Troth's default zone.
            timezone.activate(zone(user.timezone))
            if user.language:
                translation.activate(user.language)
                request.LANGUAGE_CODE = translation.get_language()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class PrivacyHeadersMiddleware:
    """No-store on every signed-in page; Clear-Site-Data on sign-out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        was_signed_in = request.user.is_authenticated
        response = self.get_response(request)
        match = request.resolver_match
        if (
            match is not None
            and match.url_name == "account_logout"
            and request.method == "POST"
        ):
            response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
            # Not every browser honours Clear-Site-Data: say it plainly.
            forget_device(response)
        if was_signed_in or request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        response.setdefault(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        )
        return response


class SessionLifetimeMiddleware:
    """End a session that has been idle too long, or is simply too old; and
    record, now and then, that it is in use.

    - Idle: no request for SESSION_IDLE_TIMEOUT seconds (3 days by default).
    - Absolute: SESSION_COOKIE_AGE seconds after signing in (14 days by
      default), however active. Django alone would slide that expiry forward
      each time the session is saved; this makes it a hard limit.

    Both are documented in docs/security.md. The times live in the session
    itself, so any web process can check them.

    Activity is written at most every WRITE_EVERY seconds, not on every
    request: the session's last-seen time, and the row the sessions page
    shows (allauth's UserSession: last seen, address, browser). allauth's
    own middleware would update that row on every request, so it is not in
    settings.MIDDLEWARE; this calls the same code when a write is due. A
    request from another address or browser than the one recorded writes
    at once, so the sessions page never hides a new client for minutes.
    An ordinary request therefore writes nothing (issue 14)."""

    SIGNED_IN_AT = "troth_signed_in_at"
    SEEN_AT = "troth_seen_at"
    CLIENT = "troth_client"
    WRITE_EVERY = 5 * 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            session = request.session
            now = int(time.time())
            signed_in_at = session.get(self.SIGNED_IN_AT)
            seen_at = session.get(self.SEEN_AT)
            if signed_in_at is None or seen_at is None:
                session[self.SIGNED_IN_AT] = signed_in_at or now
                self.record_activity(request, now)
            elif (
                now - seen_at > settings.SESSION_IDLE_TIMEOUT
                or now - signed_in_at > settings.SESSION_COOKIE_AGE
            ):
                logout(request)
                messages.info(
                    request,
                    _(
                        "You were signed out because it had been a while. Please sign in again."
                    ),
                )
            elif now - seen_at >= self.WRITE_EVERY or session.get(
                self.CLIENT
            ) != client_digest(request):
                self.record_activity(request, now)
        return self.get_response(request)

    def record_activity(self, request, now: int) -> None:
        request.session[self.SEEN_AT] = now
        request.session[self.CLIENT] = client_digest(request)
        usersessionkit.track_activity(
            request, user=request.user, session=request.session
        )


def client_digest(request) -> str:
    """A short digest of the address and browser allauth records for a
    session, to notice when they change without reading its row. No secret
    is needed: it is compared, never trusted."""
    ip = get_account_adapter(request).get_client_ip(request) or ""
    agent = request.META.get("HTTP_USER_AGENT", "")
    return hashlib.sha256(f"{ip}\n{agent}".encode()).hexdigest()[:16]
