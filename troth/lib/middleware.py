"""Request-wide behaviour: the person's own time zone and language, and the
headers that keep a signed-in page out of caches and shared screens."""

from __future__ import annotations

import zoneinfo

from django.utils import timezone, translation


class UserPreferencesMiddleware:
    """Show times in the viewer's zone and pages in the viewer's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.timezone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
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
        if was_signed_in or request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        response.setdefault(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        )
        return response
