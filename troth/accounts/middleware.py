"""Request-wide behaviour of the signed-in person: their own time zone and
language, how long a session lasts, and the headers that keep a signed-in
page out of caches and shared screens (and, on sign-out, forget the device)."""

from __future__ import annotations

import time

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
    """End a session that has been idle too long, or is simply too old.

    - Idle: no request for SESSION_IDLE_TIMEOUT seconds (3 days by default).
    - Absolute: SESSION_COOKIE_AGE seconds after signing in (14 days by
      default), however active. Django alone would slide that expiry forward
      each time the session is saved; this makes it a hard limit.

    Both are documented in docs/security.md. The times live in the session
    itself, so any web process can check them. The last-seen time is written
    at most once a minute, not on every request.
    """

    SIGNED_IN_AT = "troth_signed_in_at"
    SEEN_AT = "troth_seen_at"
    WRITE_EVERY = 60

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
                session[self.SEEN_AT] = now
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
            elif now - seen_at >= self.WRITE_EVERY:
                session[self.SEEN_AT] = now
        return self.get_response(request)
