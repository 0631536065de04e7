"""Project-wide views: the health check, the More page, figure derivations,
error pages, and what makes Troth installable (the manifest, the service
worker and the offline page)."""

from __future__ import annotations

import hashlib
import json
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
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from markdown_it import MarkdownIt

from troth.accounts.devices import forget_device
from troth.backups.services import backup_status


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 when it does not. With a backup
    dir set, also whether the last backup is as recent as the daily schedule
    promises (`"backup": "stale"` with its age in hours; docs/operations.md),
    which a stale backup doesn't make a 503: the site still serves."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", **backup_status()})


@require_safe
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Leave for an ordinary site, and forget this browser as a device: the
    next sign-in from it is a new device again (troth/accounts/devices.py).
    Signing in stays as it is; the person may be coming back.

    "storage" empties the service worker's cache and unregisters it, with
    its push subscription: nothing arrives on this device until push is
    turned on again. The session cookie is not storage, so the person stays
    signed in (tests/e2e/test_installable.py checks it in Chromium)."""
    response = HttpResponseRedirect(settings.TROTH_QUICK_EXIT_URL)
    forget_device(response)
    response["Clear-Site-Data"] = '"cache", "storage"'
    response["Cache-Control"] = "no-store"
    return response


# The installed app's colours: the header's (--card) and the page's
# (--paper) in troth.css; base.html's theme-color meta tags say the same, with
# troth-dark.css's --card for dark mode (tests/test_installable.py).
THEME_COLOR = "#ffffff"
BACKGROUND_COLOR = "#fbf8f4"

APP_ICONS = [
    ("troth/app/icon-192.png", 192, "any"),
    ("troth/app/icon-512.png", 512, "any"),
    ("troth/app/icon-maskable-512.png", 512, "maskable"),
]
# Everything the service worker keeps: public files with hashed names (a new
# version gets a new name) and the one neutral offline page. Never a page of
# anyone's, a fragment or JSON.
PRECACHED_STATIC = [
    "troth/troth.css",
    "troth/troth-dark.css",
    "troth/troth.js",
    "troth/icons.svg",
    "troth/icon.svg",
    *[name for name, _size, _purpose in APP_ICONS],
    "troth/app/badge-96.png",
]


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest: what a home screen shows once Troth is
    installed. The name is the host's neutral choice (TROTH_APP_NAME)."""
    name = settings.TROTH_APP_NAME
    data = {
        "id": "/",
        "name": name,
        "short_name": name,
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {
                "src": static(path),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for path, size, purpose in APP_ICONS
        ],
    }
    response = HttpResponse(
        json.dumps(data, indent=2), content_type="application/manifest+json"
    )
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker (templates/sw.js): the same script for everyone,
    rendered without the request, so nothing of the person can be in it."""
    offline_url = reverse("offline")
    precache = [static(name) for name in PRECACHED_STATIC] + [offline_url]
    offline_source = (Path(__file__).parent / "templates/offline.html").read_text()
    # A new static file, offline page or name makes a new cache; the old one
    # is deleted when the new worker takes over.
    version = hashlib.sha256(
        json.dumps([precache, offline_source, settings.TROTH_APP_NAME]).encode()
    ).hexdigest()[:16]
    script = render_to_string(
        "sw.js",
        {
            "version": version,
            "precache": json.dumps(precache),
            "static_url": settings.STATIC_URL,
            "offline_url": offline_url,
            "inbox_url": reverse("notifications:inbox"),
            "icon_url": static("troth/app/icon-192.png"),
            "badge_url": static("troth/app/badge-96.png"),
            "app_name": settings.TROTH_APP_NAME,
        },
    )
    response = HttpResponse(script, content_type="text/javascript")
    # Browsers check for a new worker on every visit; no copy in between.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def offline(request: HttpRequest) -> HttpResponse:
    """What the installed app shows when there is no network: the same
    neutral words for everyone, signed in or not, and nothing of anyone
    (the service worker keeps a copy fetched without cookies)."""
    return render(request, "offline.html")


@login_required
@require_safe
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


@require_safe
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
