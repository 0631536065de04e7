"""allauth's pages speak as Troth does: short lines in sentence case, in the
page layout (a heading like page.html's, the form on a card), and the
password reset says the same whether or not an address has an account."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    assert 'class="page-heading"' in html
    return html


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/accounts/login/", "Welcome back. New to Troth?"),
        ("/accounts/signup/", "A private place for the two of you."),
        ("/accounts/password/reset/", "It happens."),
        ("/accounts/password/reset/key/1-bad/", "Ask for a new one"),
        ("/accounts/confirm-email/bad/", "Send a new one"),
    ],
)
def test_the_signed_out_pages_speak_as_troth(path, words):
    html = page(Client(), path)
    assert words in html
    assert "account-entrance" in html


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/accounts/logout/", "Sign out of Troth on this device?"),
        ("/accounts/reauthenticate/", "please confirm it’s you"),
        ("/accounts/2fa/", "No authenticator app yet."),
        ("/accounts/sessions/", "Everywhere your account is signed in right now."),
    ],
)
def test_the_signed_in_pages_speak_as_troth(alice, path, words):
    assert words in page(client_for(alice), path)


def test_the_sessions_list_names_the_browser_not_its_user_agent(alice):
    client = Client(
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0"
    )
    client.force_login(alice)
    html = page(client, "/accounts/sessions/")
    assert "Firefox on Linux" in html
    assert "Gecko/20100101" not in html


def test_asking_for_a_new_password_tells_nobody_whether_an_account_exists(alice):
    answers = []
    for email in (alice.email, "nobody@example.com"):
        response = Client().post(
            "/accounts/password/reset/", {"email": email}, follow=True
        )
        assert response.status_code == 200
        answers.append(response.content.decode().split("<main", 1)[1])
    assert answers[0] == answers[1]
    assert "If that address has an account" in answers[0]
    assert len(mail.outbox) >= 1


def test_the_link_in_the_email_opens_a_new_password_form_on_a_card(alice):
    import re

    client = Client()
    client.post("/accounts/password/reset/", {"email": alice.email})
    link = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    response = client.get(link.group(), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="page-heading"' in html
    assert "New password" in html
    assert "account-entrance" in html


def test_confirming_an_address_asks_in_troths_words(alice):
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    address = EmailAddress.objects.create(
        user=alice, email="alice.other@example.com", verified=False, primary=False
    )
    key = EmailConfirmationHMAC(address).key
    html = page(client_for(alice), f"/accounts/confirm-email/{key}/")
    assert "yours, Alice? Confirm it, and Troth can write to you there." in html


def test_the_recovery_codes_page_says_how_many_are_left(alice):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(alice, generate_totp_secret())
    RecoveryCodes.activate(alice)
    client = client_for(alice)
    response = client.get("/accounts/2fa/recovery-codes/", follow=True)
    if response.redirect_chain:  # asked for the password again first
        response = client.post(
            response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True
        )
    assert "10 of your 10 recovery codes are left. Each works once" in (
        response.content.decode()
    )
