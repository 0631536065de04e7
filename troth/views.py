"""Project-wide views: the health check, the More page, figure derivations
and error pages."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from markdown_it import MarkdownIt

from troth.accounts.devices import forget_device


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 when it does not; nothing more."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@require_GET
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Leave for an ordinary site, and forget this browser as a device: the
    next sign-in from it is a new device again (troth/accounts/devices.py).
    Signing in stays as it is; the person may be coming back."""
    response = HttpResponseRedirect(settings.TROTH_QUICK_EXIT_URL)
    forget_device(response)
    response["Clear-Site-Data"] = '"cache"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def more(request: HttpRequest) -> HttpResponse:
    """The rest of Troth, grouped by purpose: the phone's "More" tab
    (troth/navigation.py)."""
    return render(request, "more.html")


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors and no URL reversing: whatever broke may be what
    # they need. The quick exit goes straight to the ordinary site.
    page = loader.get_template("500.html").render(
        {"quick_exit_url": settings.TROTH_QUICK_EXIT_URL}
    )
    return HttpResponse(page, status=500)


FIGURE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


@cache
def _markdown() -> MarkdownIt:
    # CommonMark plus tables; raw HTML in the source is escaped, not passed on.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def figures_dir() -> Path:
    return Path(settings.TROTH_DOCS_DIR) / "figures"


@require_GET
def figure_derivation(request: HttpRequest, slug: str) -> HttpResponse:
    """Show docs/figures/<slug>.md: the derivation behind a figure, with its
    sources, exactly as the repository documents it."""
    if not FIGURE_SLUG.match(slug):
        raise Http404
    path = figures_dir() / f"{slug}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        raise Http404 from None
    # Raw HTML is disabled in the renderer, so whatever the file says is
    # escaped; the output is safe to mark as such.
    html = mark_safe(_markdown().render(text))  # nosec
    return render(request, "figure_derivation.html", {"derivation": html, "slug": slug})
