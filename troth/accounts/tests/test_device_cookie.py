"""Signing out and the quick exit expire the device cookie themselves, so a
browser that ignores Clear-Site-Data is still a new device at its next
sign-in (troth/accounts/devices.py)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings

from troth.accounts import devices
from troth.accounts.tests.helpers import browser, sign_in, signed_in

pytestmark = pytest.mark.django_db

NEW_DEVICE = "hasn't signed in before"


def expired(response) -> bool:
    cookie = response.cookies.get(devices.cookie_name())
    return cookie is not None and cookie.value == "" and cookie["max-age"] == 0


def new_device_alerts() -> int:
    return sum(NEW_DEVICE in m.body for m in mail.outbox)


def test_signing_out_expires_the_device_cookie(alice):
    client = signed_in(alice)
    assert client.cookies[devices.cookie_name()].value
    response = client.post("/accounts/logout/")
    assert expired(response)


def test_after_signing_out_the_same_browser_is_a_new_device_again(alice):
    client = signed_in(alice)
    client.post("/accounts/logout/")
    mail.outbox.clear()
    assert sign_in(client, alice).status_code == 302
    assert new_device_alerts() == 1


def session_ends(client) -> None:
    """The session ends without signing out (it expired, say)."""
    del client.cookies[settings.SESSION_COOKIE_NAME]


def test_a_browser_that_did_not_sign_out_is_known_at_its_next_sign_in(alice):
    """The other side: without signing out, the cookie stays and counts."""
    client = signed_in(alice)
    session_ends(client)
    mail.outbox.clear()
    assert sign_in(client, alice).status_code == 302
    assert new_device_alerts() == 0


@override_settings(TROTH_QUICK_EXIT_URL="https://weather.example/")
def test_the_quick_exit_leaves_and_expires_the_device_cookie(alice):
    client = signed_in(alice)
    page = client.get("/settings/").content.decode()
    assert 'id="quick-exit" href="/exit"' in page
    response = client.get("/exit")
    assert response.status_code == 302
    assert response["Location"] == "https://weather.example/"
    assert expired(response)
    assert client.get("/settings/").status_code == 200  # still signed in
    session_ends(client)
    mail.outbox.clear()
    assert sign_in(client, alice).status_code == 302
    assert new_device_alerts() == 1


def test_the_quick_exit_works_for_someone_not_signed_in(db):
    response = browser().get("/exit")
    assert response.status_code == 302
    assert expired(response)
