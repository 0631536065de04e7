"""Whether a browser can use passkeys (WebAuthn) at the address a page was
asked for, so the passkey pages can say so before someone tries."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from django.http import HttpRequest
from django.http.request import split_domain_port


@dataclass(frozen=True)
class PasskeyAddress:
    """The host a page was asked for, and where passkeys would work instead."""

    host: str
    is_ip: bool
    is_loopback: bool
    # Troth on localhost, and this same page there: the address that works
    # on the computer that runs Troth (`troth serve` prints it).
    localhost_origin: str
    localhost_url: str


def passkey_address(request: HttpRequest) -> PasskeyAddress:
    """Describe the page's address as WebAuthn sees it.

    A passkey belongs to a domain name (its relying party ID), and browsers
    refuse an IP address as one, so on http://127.0.0.1:8000 adding a passkey
    fails with only a console error. Whether the page is a secure context
    (https, or http on localhost) only the browser knows for sure: behind a
    TLS proxy the request may look like plain http here. That check is made
    in troth.js.
    """
    domain, port = split_domain_port(request.get_host())
    domain = domain.strip("[]")
    try:
        address = ipaddress.ip_address(domain)
    except ValueError:
        address = None
    scheme = "https" if request.is_secure() else "http"
    origin = f"{scheme}://localhost:{port}" if port else f"{scheme}://localhost"
    return PasskeyAddress(
        host=domain,
        is_ip=address is not None,
        is_loopback=address is not None and address.is_loopback,
        localhost_origin=origin,
        localhost_url=origin + request.path,
    )
