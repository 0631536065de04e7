"""What the sessions list and sign-in alerts say about a device.

- `describe(user_agent)`: "Firefox on Android", from the browser's own
  User-Agent header, parsed here with a few patterns (no lookup service).
- `place(ip)`: an approximate place for an address, only when the host opted
  in by pointing TROTH_GEOIP_DB at a MaxMind-format database file on the
  server (read with the `maxminddb` package). Off by default; Troth never
  asks a third party where an address is.
- The device cookie: a random value set at sign-in. A sign-in from a browser
  without a cookie this account has seen in the last 90 days counts as a new
  device, and the owner gets an email. Signing out and the quick exit
  expire it (`forget_device`, besides Clear-Site-Data, which some browsers
  ignore), so the next sign-in from that browser is new again: on a shared
  device that is what we want.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import re
import secrets
from functools import cache

from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger("troth.accounts")

DEVICE_COOKIE_AGE = 400 * 24 * 3600  # the longest browsers keep a cookie

# Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
BROWSERS = [
    ("SamsungBrowser/", "Samsung Internet"),
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
]
SYSTEMS = [
    (re.compile(r"iPad"), "iPad"),
    (re.compile(r"iPhone|iPod"), "iPhone"),
    (re.compile(r"Android"), "Android"),
    (re.compile(r"CrOS"), "ChromeOS"),
    (re.compile(r"Windows"), "Windows"),
    (re.compile(r"Mac OS X|Macintosh"), "macOS"),
    (re.compile(r"Linux"), "Linux"),
]


def describe(user_agent: str) -> str:
    """A short, human name for a browser: "Firefox on Android"."""
    ua = user_agent or ""
    browser = next((name for marker, name in BROWSERS if marker in ua), "")
    system = next((name for pattern, name in SYSTEMS if pattern.search(ua)), "")
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Unknown browser")


def is_public(ip: str | None) -> bool:
    if not ip:
        return False
    try:
        return ipaddress.ip_address(ip).is_global
    except ValueError:
        return False


@cache
def _reader():
    path = getattr(settings, "TROTH_GEOIP_DB", "")
    if not path:
        return None
    try:
        import maxminddb
    except ImportError:
        logger.warning(
            "TROTH_GEOIP_DB is set but the maxminddb package is not installed; "
            "places are not shown."
        )
        return None
    try:
        return maxminddb.open_database(path)
    except (OSError, ValueError):
        logger.warning("TROTH_GEOIP_DB %s could not be opened", path)
        return None


def place(ip: str | None) -> str:
    """ "Lyon, France" or "France" from the host's own database; "" when the
    host has not opted in, the address is private, or it is not found."""
    reader = _reader()
    if reader is None or not is_public(ip):
        return ""
    try:
        record = reader.get(ip)
    except ValueError:
        return ""
    if not isinstance(record, dict):
        return ""

    def name(part: str) -> str:
        names = (record.get(part) or {}).get("names") or {}
        return names.get("en", "")

    return ", ".join(p for p in (name("city"), name("country")) if p)


def cookie_name() -> str:
    # The __Host- prefix makes browsers refuse the cookie unless it is
    # Secure, for this host only and for the whole site.
    return "__Host-troth-device" if settings.HTTPS else "troth-device"


def new_device_token() -> str:
    return secrets.token_urlsafe(32)


def device_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest() if token else ""


def forget_device(response) -> None:
    """Expire the device cookie on `response`."""
    response.delete_cookie(cookie_name(), samesite="Lax")


def set_device_cookie(response, token: str) -> None:
    response.set_cookie(
        cookie_name(),
        token,
        max_age=DEVICE_COOKIE_AGE,
        secure=settings.HTTPS,
        httponly=True,
        samesite="Lax",
    )
