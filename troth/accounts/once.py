"""Forms that add something take effect once, however often they are sent.

A double click, a re-sent POST after a slow answer, a browser retrying:
each would otherwise add the same promise, moment or follow-up twice, and
what Troth records is append-only, so the copy could not be taken back
quietly. Every form that adds something carries a one-time token, and its
view is wrapped in `submitted_once`:

    <form method="post" ...>{% csrf_token %}{% once_token %}

    @login_required
    @require_POST
    @submitted_once
    def followup_create(request, pk): ...

The first POST with a token claims it for the person (a unique row in
`FormToken`, so of two simultaneous POSTs exactly one
is first) and records where it led. A repeat does nothing and goes there too.
A POST refused with a 4xx releases its token: nothing was added, so sending
the same form again must work. A POST without a token is served as before.

`once_token` is a template builtin (settings.TEMPLATES), so no template
needs to load it.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django import template
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from troth.accounts.models import FormToken, User
from troth.lib.redirects import safe_path

FIELD = "once_token"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
# How long a repeat waits for the first POST to finish before giving up.
WAIT_SECONDS = 5.0

register = template.Library()


@register.simple_tag
def once_token() -> SafeString:
    """A hidden field with a fresh token: one per form, each time it is shown."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', FIELD, secrets.token_urlsafe(24)
    )


def submitted_once(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run `view` for the first POST of a form token only (see module doc)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not _TOKEN.fullmatch(token) or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        try:
            with transaction.atomic():
                claim = FormToken.objects.create(user=request.user, token=token)
        except IntegrityError:
            return _repeat(request, request.user, token)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            claim.delete()
            raise
        if response.status_code >= 400:
            claim.delete()
        else:
            location = response.get("Location", "")
            FormToken.objects.filter(pk=claim.pk).update(
                done=True, result=location if len(location) <= 300 else ""
            )
        return response

    return wrapper


def _repeat(request: HttpRequest, user: User, token: str) -> HttpResponse:
    """Answer a repeat of a used token: where the first POST led."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        first = (
            FormToken.objects.filter(user=user, token=token)
            .values_list("done", "result")
            .first()
        )
        # Gone: the first POST was refused and released the token.
        if first is None or first[0] or time.monotonic() >= deadline:
            break
        time.sleep(0.1)
    done, result = first or (False, "")
    if getattr(request, "htmx", False):
        # The first answer was swapped in already (or was lost): show the
        # page as it now is, with what was added once.
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    if result:
        return HttpResponseRedirect(result)
    if not done:
        messages.info(request, _("This was sent already and is still being saved."))
    return HttpResponseRedirect(_came_from(request))


def _came_from(request: HttpRequest) -> str:
    """The page the form was on, if it is one of ours; else the dashboard."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc and referer.netloc != request.get_host():
        return "/"
    path = referer.path + (f"?{referer.query}" if referer.query else "")
    return safe_path(path) or "/"
