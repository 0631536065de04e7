"""Every download of a person's data asks for the password again.

A file of someone's entries is what a partner holding their unlocked phone
would carry away, so each download sits behind the same recent-password
window as changing the email address or deleting the account (allauth's
re-authentication, `ACCOUNT_REAUTHENTICATION_TIMEOUT`).

The page that offers a download asks first (`includes/password_first.html`
with `password_fresh`), so the click that follows saves the file. If the
window passes in between, the download URL sends the person to the password
page and back to the page they came from: it never answers with a page in
place of the file. The links carry no `download` attribute for the same
reason: with it, a browser saves whatever comes back, even the password
page, under the file's name and shows nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from troth.lib.redirects import next_url


def password_fresh(request: HttpRequest) -> bool:
    """Whether the person gave their password (or a second factor) again
    within the window. Unlike allauth's own decorator this does not follow
    ACCOUNT_REAUTHENTICATION_REQUIRED: downloads always ask."""
    from allauth.account.internal.flows.reauthentication import (
        did_recently_reauthenticate,
    )

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return did_recently_reauthenticate(request)


def reauthentication_methods(request: HttpRequest) -> list[dict]:
    """allauth's ways for this person to confirm it is them, password first
    when they have one."""
    from allauth.account.adapter import get_adapter

    return get_adapter().get_reauthentication_methods(request.user)


def confirm_url(request: HttpRequest, back: str) -> str:
    """The page that asks for the password again and then returns to `back`."""
    methods = reauthentication_methods(request)
    if not methods:
        # Nothing to confirm with (no password, no second factor): allauth
        # refuses such a person the same way.
        raise PermissionDenied
    return f"{methods[0]['url']}?{urlencode({REDIRECT_FIELD_NAME: back})}"


def password_first(request: HttpRequest, *, back: str) -> HttpResponse | None:
    """None within the password window; else the way to the password page,
    coming back to the page the link was on (its safe `next`) or `back`.

    A view that looks an object up calls this after the lookup, so that
    someone who may not see the object gets the same 404 as everywhere."""
    if password_fresh(request):
        return None
    return HttpResponseRedirect(confirm_url(request, next_url(request, back)))


def personal_download(
    back: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """For a view that answers with a file of the person's data.

    Signed in, GET only, and `password_first`; `back` is a URL name,
    reversed with the view's kwargs.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @require_GET
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            asked = password_first(request, back=reverse(back, kwargs=kwargs))
            return asked or view(request, *args, **kwargs)

        return wrapper

    return decorator


def password_prompt(request: HttpRequest) -> dict | None:
    """What a page offering downloads shows first, or None within the window:
    a password field that returns here, or (for someone without a password)
    a link to their way of confirming."""
    if password_fresh(request):
        return None
    methods = reauthentication_methods(request)
    if not methods:
        raise PermissionDenied
    return {
        "url": confirm_url(request, request.get_full_path()),
        "password": methods[0]["id"] == "reauthenticate",
        "minutes": settings.ACCOUNT_REAUTHENTICATION_TIMEOUT // 60,
    }
