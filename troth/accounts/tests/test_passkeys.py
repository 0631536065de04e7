"""Passkey pages say where passkeys can't work, and why: a browser refuses an
IP address as a passkey's domain, and otherwise fails only in its console."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory, override_settings

from conftest import PASSWORD
from troth.accounts.passkeys import passkey_address


def page(client: Client, path: str, host: str) -> str:
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def add_passkey_page(user, host: str) -> str:
    client = Client()
    response = client.post(
        "/accounts/login/",
        {"login": user.email, "password": PASSWORD},
        HTTP_HOST=host,
    )
    assert response.status_code == 302
    # Adding a passkey asks for the password again first.
    response = client.post(
        "/accounts/reauthenticate/?next=/accounts/2fa/webauthn/add/",
        {"password": PASSWORD},
        HTTP_HOST=host,
    )
    assert response["Location"] == "/accounts/2fa/webauthn/add/"
    return page(client, "/accounts/2fa/webauthn/add/", host)


@pytest.mark.django_db
def test_it_explains_on_the_sign_in_page_that_an_ip_address_cannot_use_passkeys():
    html = page(Client(), "/accounts/login/", "127.0.0.1:8123")
    assert 'data-testid="passkey-unavailable"' in html
    assert "Passkeys can’t be used at this address." in html
    assert "never at an IP address such as 127.0.0.1" in html
    assert '<a href="http://localhost:8123/accounts/login/">' in html
    assert "http://localhost:8123</a>" in html


@pytest.mark.django_db
def test_it_explains_it_on_the_add_passkey_page(alice):
    html = add_passkey_page(alice, "127.0.0.1:8000")
    assert 'data-testid="passkey-unavailable"' in html
    assert '<a href="http://localhost:8000/accounts/2fa/webauthn/add/">' in html


@pytest.mark.django_db
def test_it_says_nothing_at_localhost_but_keeps_a_place_for_browser_errors(alice):
    html = add_passkey_page(alice, "localhost:8000")
    assert "passkey-unavailable" not in html
    # The live region troth.js writes a browser's refusal into, with its
    # texts already translated.
    assert 'role="alert" data-passkey-live' in html
    assert "data-text-security=" in html
    assert "at http://localhost:8000 on the computer that runs Troth" in html


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["[::1]"])
def test_it_explains_an_ipv6_address_too():
    html = page(Client(), "/accounts/login/", "[::1]:8000")
    assert "never at an IP address such as ::1" in html
    assert '<a href="http://localhost:8000/accounts/login/">' in html


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["192.0.2.10"])
def test_it_points_elsewhere_than_localhost_for_an_address_on_the_network():
    html = page(Client(), "/accounts/login/", "192.0.2.10")
    assert "never at an IP address such as 192.0.2.10" in html
    assert "Open Troth over https at its domain name" in html
    # localhost would be someone else's computer: it is not offered as a link.
    assert 'href="http://localhost' not in html


def test_it_recognises_each_kind_of_address():
    factory = RequestFactory()
    with override_settings(ALLOWED_HOSTS=["*"]):
        named = passkey_address(factory.get("/x", HTTP_HOST="troth.example"))
        local = passkey_address(factory.get("/x", HTTP_HOST="127.0.0.1:8000"))
        lan = passkey_address(factory.get("/x", HTTP_HOST="10.0.0.5"))
        secure = passkey_address(factory.get("/x", secure=True, HTTP_HOST="[::1]"))
    assert not named.is_ip
    assert local.is_ip and local.is_loopback
    assert local.localhost_url == "http://localhost:8000/x"
    assert lan.is_ip and not lan.is_loopback
    assert secure.is_loopback and secure.localhost_origin == "https://localhost"
