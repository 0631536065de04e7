"""The password again before changing email, password, two-factor or
recovery codes (export and deletion: test_export.py, test_delete.py)."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from conftest import PASSWORD
from troth.accounts.tests.helpers import enable_totp, signed_in, verified_email

pytestmark = pytest.mark.django_db


def asks_for_password(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        "/accounts/reauthenticate/"
    )


@pytest.mark.parametrize(
    "url_name",
    ["mfa_activate_totp", "mfa_add_webauthn", "mfa_generate_recovery_codes"],
)
def test_two_factor_changes_ask_for_the_password_again(alice, url_name):
    verified_email(alice)
    client = signed_in(alice)
    assert asks_for_password(client.get(reverse(url_name)))


def test_turning_two_factor_off_asks_again(alice):
    verified_email(alice)
    enable_totp(alice)
    from django.test import Client

    client = Client()
    client.force_login(alice)
    assert asks_for_password(client.get(reverse("mfa_deactivate_totp")))


def test_adding_an_email_address_asks_for_the_password_again(alice):
    verified_email(alice)
    client = signed_in(alice)
    response = client.post(
        "/accounts/email/", {"action_add": "", "email": "new@example.com"}
    )
    assert asks_for_password(response)
    assert not EmailAddress.objects.filter(email="new@example.com").exists()


def test_after_the_password_the_address_is_added(alice):
    verified_email(alice)
    client = signed_in(alice)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.post("/accounts/email/", {"action_add": "", "email": "new@example.com"})
    assert EmailAddress.objects.filter(user=alice, email="new@example.com").exists()


def test_a_wrong_password_when_asked_again_changes_nothing(alice):
    verified_email(alice)
    client = signed_in(alice)
    client.post("/accounts/email/", {"action_add": "", "email": "new@example.com"})
    response = client.post(
        "/accounts/reauthenticate/?next=/accounts/email/", {"password": "not it"}
    )
    assert response.status_code == 200
    assert not EmailAddress.objects.filter(email="new@example.com").exists()
    assert asks_for_password(client.get(reverse("mfa_activate_totp")))


def test_changing_the_password_needs_the_current_one(alice):
    client = signed_in(alice)
    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "a wrong guess!",
            "password1": "another long passphrase",
            "password2": "another long passphrase",
        },
    )
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_changing_the_password_signs_out_other_devices(alice):
    here = signed_in(alice)
    elsewhere = signed_in(alice)
    here.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "another long passphrase",
            "password2": "another long passphrase",
        },
    )
    assert here.get("/settings/").status_code == 200
    assert elsewhere.get("/settings/").status_code == 302


def test_the_sign_in_page_offers_a_passkey(db):
    from troth.accounts.tests.helpers import browser

    page = browser().get("/accounts/login/").content.decode()
    assert 'id="passkey_login"' in page
    assert "Sign in with a passkey" in page
    assert "/static/mfa/js/webauthn.js" in page
