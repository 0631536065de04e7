"""Which push endpoints Troth will send to (server-side request safety).

A browser's subscription names a URL that the server will POST to, and the
browser (or whoever scripts it) chooses that URL. So an endpoint is taken
only when it belongs to a known push service, `settings.TROTH_PUSH_SERVICES`:

- an entry `host` allows `https://host/...` on port 443 only;
- `host:port` allows that port only (`[::1]:port` for an IPv6 address);
- `*.example.com` allows any name under example.com (not example.com itself);
- names match without regard to case or a trailing dot;
- an address that is not public (private, loopback, link-local, reserved) is
  refused, even when listed, with one exception for tests: an `http://`
  endpoint on a loopback address that is listed (127.0.0.1:8123). Plain
  http is refused everywhere else.

The same check runs again before each delivery, against the settings of the
moment, and the host's name is looked up then: a listed name that resolves
to an address that is not public is not sent to (`send_problem`). Troth
never follows a redirect from a push service and waits only briefly
(troth/notifications/push.py).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

MAX_LENGTH = 1000
DEFAULT_PORTS = {"https": 443, "http": 80}


@dataclass(frozen=True)
class Endpoint:
    scheme: str
    host: str  # lower case, no trailing dot, no brackets
    port: int

    @property
    def address(self) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
        try:
            return ipaddress.ip_address(self.host)
        except ValueError:
            return None


def _entry(text: str) -> tuple[str, int | None]:
    """A TROTH_PUSH_SERVICES entry as (host pattern, port or None)."""
    text = text.strip().lower()
    if text.startswith("["):  # [::1]:8123
        host, _sep, rest = text[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif text.count(":") == 1:
        host, port = text.split(":")
    else:
        host, port = text, ""
    return host.rstrip("."), int(port) if port.isdigit() else None


def listed(endpoint: Endpoint) -> bool:
    """Whether TROTH_PUSH_SERVICES names the endpoint's host and port."""
    for text in settings.TROTH_PUSH_SERVICES:
        pattern, port = _entry(text)
        wanted = port if port is not None else DEFAULT_PORTS[endpoint.scheme]
        if endpoint.port != wanted:
            continue
        if pattern.startswith("*."):
            if endpoint.host.endswith(pattern[1:]) and endpoint.address is None:
                return True
        elif endpoint.host == pattern:
            return True
    return False


def parse(url: object) -> Endpoint | None:
    if not isinstance(url, str) or not 0 < len(url) <= MAX_LENGTH:
        return None
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or parts.username or parts.password:
        return None
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return None
    return Endpoint(parts.scheme, host, port or DEFAULT_PORTS[parts.scheme])


def endpoint_problem(url: object) -> str | None:
    """Why Troth won't send to `url`, in words for the person, or None."""
    endpoint = parse(url)
    if endpoint is None:
        return _("The push endpoint is not a valid https address.")
    address = endpoint.address
    if endpoint.scheme == "http":
        if address is not None and address.is_loopback and listed(endpoint):
            return None
        return _("Push endpoints must use https.")
    if address is not None and not address.is_global:
        return _("Troth does not send push messages to private addresses.")
    if not listed(endpoint):
        return _(
            "This browser's push service is not one this Troth sends to. "
            "Ask whoever runs it to add it to TROTH_PUSH_SERVICES."
        )
    return None


def send_problem(url: str) -> str | None:
    """Why not to send to `url` now: the endpoint check against today's
    settings, and every address its name resolves to must be public (a
    listed loopback address for tests aside). For the log, not a person."""
    problem = endpoint_problem(url)
    if problem is not None:
        return problem
    endpoint = parse(url)
    assert endpoint is not None
    if endpoint.address is not None:
        return None  # checked above
    try:
        found = socket.getaddrinfo(
            endpoint.host, endpoint.port, type=socket.SOCK_STREAM
        )
    except OSError:
        return "the push service's name does not resolve"
    for *_rest, sockaddr in found:
        if not ipaddress.ip_address(sockaddr[0]).is_global:
            return "the push service's name resolves to an address that is not public"
    return None
