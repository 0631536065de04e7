"""Signing in the way a browser does, through allauth's own flow."""

from __future__ import annotations

import time

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal import auth as totp_auth
from django.test import Client

from conftest import PASSWORD

PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36"
)
LAPTOP = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5; rv:131.0) Gecko/20100101 "
    "Firefox/131.0"
)


def browser(ip: str = "198.51.100.7", ua: str = PHONE) -> Client:
    return Client(REMOTE_ADDR=ip, HTTP_USER_AGENT=ua)


def sign_in(client: Client, user, password: str = PASSWORD):
    return client.post("/accounts/login/", {"login": user.email, "password": password})


def signed_in(user, ip: str = "198.51.100.7", ua: str = PHONE) -> Client:
    client = browser(ip, ua)
    response = sign_in(client, user)
    assert response.status_code == 302, response.content[:500]
    assert "_auth_user_id" in client.session
    return client


def verified_email(user) -> EmailAddress:
    return EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )[0]


def enable_totp(user) -> str:
    """Turn on an authenticator app for `user`; returns its secret."""
    from allauth.mfa.totp.internal.auth import TOTP

    secret = totp_auth.generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str, *, step: int = 0) -> str:
    """The code an authenticator app shows now (or `step` periods away)."""
    from allauth.mfa import app_settings

    counter = int(time.time()) // app_settings.TOTP_PERIOD + step
    return totp_auth.format_hotp_value(totp_auth.hotp_value(secret, counter))
