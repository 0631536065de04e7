"""Each person's language (issue 16): chosen in Settings from the languages
Troth ships, at first the one the browser asked for at sign-up, and applied
to that person's pages whatever the partner chose; right to left where the
language is written so."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from conftest import client_for
from troth.accounts.tests.helpers import browser
from troth.lib.language import own_name, shipped_languages

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase"


def test_troth_speaks_english_and_each_compiled_catalogue_by_its_own_name(tmp_path):
    for code in ("es", "ar", "pt-br"):
        (tmp_path / code / "LC_MESSAGES").mkdir(parents=True)
    for code in ("es", "ar"):
        (tmp_path / code / "LC_MESSAGES" / "django.mo").write_bytes(b"")
    # pt-br has no compiled catalogue: not shipped.
    assert shipped_languages(tmp_path, "en") == [
        ("en", "English"),
        ("ar", own_name("ar")),
        ("es", "Español"),
    ]
    assert own_name("ar").startswith("العربي")


def test_spanish_and_arabic_ship():
    assert {"en", "es", "ar"} <= dict(settings.LANGUAGES).keys()


def language_menu(html: str) -> str:
    found = re.search(r'<select name="language".*?</select>', html, re.S)
    assert found
    return found.group()


def test_settings_offer_every_language_by_its_own_name(alice):
    html = language_menu(client_for(alice).get("/settings/").content.decode())
    assert '<option value="en" selected>English</option>' in html
    assert '<option value="es">Español</option>' in html
    assert f'<option value="ar">{own_name("ar")}</option>' in html


def test_choosing_spanish_turns_the_persons_pages_spanish_not_the_partners(
    alice, bob, space
):
    response = client_for(alice).post(
        "/settings/",
        {"display_name": "Alice", "timezone": "Europe/Madrid", "language": "es"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.language == "es"
    page = client_for(alice).get("/").content.decode()
    assert '<html lang="es" dir="ltr">' in page
    assert "Hoy" in page
    theirs = client_for(bob).get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in theirs
    assert "Hoy" not in theirs


def test_arabic_pages_read_right_to_left(alice, space):
    alice.language = "ar"
    alice.save(update_fields=["language"])
    page = client_for(alice).get("/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page


def test_a_language_troth_does_not_speak_is_refused_and_nothing_changes(alice):
    response = client_for(alice).post(
        "/settings/",
        {"display_name": "Alice", "timezone": "Europe/Paris", "language": "tlh"},
    )
    assert response.status_code == 400
    assert "Choose one of the languages on the list." in response.content.decode()
    alice.refresh_from_db()
    assert alice.language == "en"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("es-MX,es;q=0.9,en;q=0.5", "es"),
        ("ar-EG,ar;q=0.9", "ar"),
        ("de-DE,de;q=0.9", "en"),
        ("", "en"),
    ],
)
def test_a_new_account_speaks_the_language_its_browser_asked_for(accept, expected):
    client = browser()
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    client.post(
        "/accounts/signup/",
        {
            "display_name": "Fern",
            "email": "fern@example.com",
            "password1": PASSWORD,
            "timezone": "Europe/Paris",
        },
        **headers,
    )
    user = get_user_model().objects.get(email="fern@example.com")
    assert user.language == expected


def test_signed_out_pages_follow_the_browser():
    page = browser().get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<html lang="es" dir="ltr">' in page
    arabic = (
        browser().get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    )
    assert '<html lang="ar" dir="rtl">' in arabic


def test_the_signed_in_notice_is_in_the_persons_language(alice):
    from conftest import PASSWORD

    alice.language = "es"
    alice.save(update_fields=["language"])
    client = browser()
    response = client.post(
        "/accounts/login/",
        {"login": alice.email, "password": PASSWORD},
        follow=True,
    )
    page = response.content.decode()
    assert '<html lang="es"' in page
    assert "Successfully signed in" not in page
