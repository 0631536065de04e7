"""Appearance: light, dark, or as the device is set. The choice is the
person's own, and the page's stylesheets follow it."""

from __future__ import annotations

import pytest

from conftest import client_for

pytestmark = pytest.mark.django_db

DARK_CSS = "troth/troth-dark"


def dark_link(html: str) -> str | None:
    """The <link> to the dark stylesheet, or None."""
    for line in html.splitlines():
        if DARK_CSS in line and "<link" in line:
            return line
    return None


def test_a_new_person_looks_like_their_device(alice):
    assert alice.theme == "system"
    page = client_for(alice).get("/settings/")
    html = page.content.decode()
    assert "Same as this device" in html
    assert 'value="system"' in html and "checked" in html
    link = dark_link(html)
    assert link and 'media="(prefers-color-scheme: dark)"' in link
    assert '<meta name="color-scheme" content="light dark">' in html


@pytest.mark.parametrize("choice", ["light", "dark", "system"])
def test_each_choice_is_saved_and_shown(alice, choice):
    client = client_for(alice)
    response = client.post("/settings/appearance", {"theme": choice})
    assert response.status_code == 302
    assert response["Location"] == "/settings/"
    alice.refresh_from_db()
    assert alice.theme == choice
    html = client.get("/settings/").content.decode()
    assert "Troth will look like this on every device." in html
    assert (
        f'<meta name="color-scheme" content="{"light dark" if choice == "system" else choice}">'
        in html
    )
    link = dark_link(html)
    if choice == "light":
        assert link is None
    elif choice == "dark":
        assert link and "media=" not in link
    else:
        assert link and "prefers-color-scheme" in link


@pytest.mark.parametrize("bad", [{"theme": "purple"}, {"theme": ""}, {}])
def test_a_choice_not_on_offer_is_refused_and_nothing_changes(alice, bad):
    alice.theme = "dark"
    alice.save(update_fields=["theme"])
    response = client_for(alice).post("/settings/appearance", bad)
    assert response.status_code == 400
    assert (
        "Choose how Troth looks: same as this device, light or dark."
        in response.content.decode()
    )
    alice.refresh_from_db()
    assert alice.theme == "dark"


def test_the_appearance_form_only_takes_a_post(alice):
    assert client_for(alice).get("/settings/appearance").status_code == 405


def test_saving_the_profile_leaves_the_appearance_alone(alice):
    alice.theme = "light"
    alice.save(update_fields=["theme"])
    client_for(alice).post(
        "/settings/",
        {"display_name": "Ally", "timezone": "Europe/Paris", "language": "en"},
    )
    alice.refresh_from_db()
    assert alice.display_name == "Ally"
    assert alice.theme == "light"


def test_the_choice_is_one_persons_own(alice, bob):
    client_for(alice).post("/settings/appearance", {"theme": "dark"})
    bob.refresh_from_db()
    assert bob.theme == "system"
    assert dark_link(client_for(bob).get("/settings/").content.decode()).count(
        "prefers-color-scheme"
    )
