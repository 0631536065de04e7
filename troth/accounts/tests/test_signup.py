"""Sign-up gives the same answer whether or not the address already has an
account, with SMTP (verification mandatory) and without it (the default)
(troth/accounts/signup.py)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings

from troth.accounts.models import SignIn
from troth.accounts.tests.helpers import browser, sign_in

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase"
WITH_SMTP = override_settings(
    EMAIL_HOST_CONFIGURED=True, ACCOUNT_EMAIL_VERIFICATION="mandatory"
)
WITHOUT_SMTP = override_settings(
    EMAIL_HOST_CONFIGURED=False, ACCOUNT_EMAIL_VERIFICATION="optional"
)


def sign_up(email: str, next_path: str = ""):
    client = browser()
    url = "/accounts/signup/" + (f"?next={next_path}" if next_path else "")
    response = client.post(
        url,
        {
            "display_name": "Fern",
            "email": email,
            "password1": PASSWORD,
            "timezone": "Europe/Paris",
        },
    )
    page = client.get(response["Location"]) if response.status_code == 302 else None
    return client, response, page


def visible_text(response) -> str:
    """What the person reads: tags (and with them tokens and nonces) removed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def answer(response, page, email: str) -> tuple:
    """The answer, with the address the person typed (which the page may
    repeat back) set aside."""
    return (
        response.status_code,
        response.get("Location"),
        page.status_code if page else None,
        visible_text(page if page else response).replace(email, "<typed>"),
    )


@pytest.mark.parametrize("mode", [WITHOUT_SMTP, WITH_SMTP], ids=["no-smtp", "smtp"])
def test_an_existing_address_gets_the_same_answer_as_a_new_one(mode, alice):
    with mode:
        _, new, new_page = sign_up("fern@example.com")
        _, taken, taken_page = sign_up(alice.email)
    assert new.status_code == 302
    assert answer(taken, taken_page, alice.email) == answer(
        new, new_page, "fern@example.com"
    )
    assert "already registered" not in visible_text(taken_page)
    users = get_user_model().objects
    assert users.filter(email__iexact=alice.email).count() == 1
    assert users.filter(email="fern@example.com").exists()


@pytest.mark.parametrize("mode", [WITHOUT_SMTP, WITH_SMTP], ids=["no-smtp", "smtp"])
def test_the_owner_of_a_taken_address_is_told_someone_tried(mode, alice):
    with mode:
        mail.outbox.clear()
        sign_up(alice.email)
    assert [m.to for m in mail.outbox] == [[alice.email]]


@WITHOUT_SMTP
def test_without_smtp_a_new_person_signs_in_next_and_keeps_the_invitation(db):
    client, response, page = sign_up("fern@example.com", next_path="/space/new")
    assert response["Location"] == "/accounts/login/?next=%2Fspace%2Fnew"
    assert "Now sign in" in visible_text(page)
    fern = get_user_model().objects.get(email="fern@example.com")
    assert fern.display_name == "Fern"
    mail.outbox.clear()
    signed = client.post(
        "/accounts/login/?next=/space/new",
        {"login": "fern@example.com", "password": PASSWORD},
    )
    assert signed.status_code == 302
    assert signed["Location"] == "/space/new"
    # The browser that made the account is not a new device.
    assert not [m for m in mail.outbox if "hasn't signed in before" in m.body]
    assert sorted(SignIn.objects.values_list("method", flat=True)) == [
        "password",
        "signup",
    ]


@WITHOUT_SMTP
def test_a_taken_address_is_not_signed_in_by_signing_up(alice):
    client, _, _ = sign_up(alice.email)
    assert client.get("/settings/").status_code == 302
    assert sign_in(client, alice).status_code == 302
