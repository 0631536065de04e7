"""Appearance chosen in settings beats the device's own setting: a person who
chose Dark gets dark colours on a light phone, one who chose Light gets light
colours on a dark phone, and both stay axe clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)

BACKGROUNDS = """() => [document.body, document.querySelector('.card')]
  .map(e => getComputedStyle(e).backgroundColor).join(' / ')"""


def colours(page, scheme: str) -> str:
    page.emulate_media(color_scheme=scheme)
    return page.evaluate(BACKGROUNDS)


def choose(page, label: str) -> None:
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Save appearance").click()
    expect(
        page.get_by_text("Troth will look like this on every device.")
    ).to_be_visible()
    expect(page.get_by_label(label, exact=True)).to_be_checked()


def test_the_chosen_appearance_beats_the_device(person):
    make_user("alice")
    alice = person("alice")
    page = alice.go("/accounts/login/")
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page = alice.go("/settings/")
    expect(page.get_by_label("Same as this device")).to_be_checked()
    for label in ("Same as this device", "Light", "Dark"):  # a thumb can hit each
        row = page.get_by_label(label, exact=True).locator("xpath=..")
        assert row.bounding_box()["height"] >= 44

    # As the device is set: light on a light phone, dark on a dark one.
    light, dark = colours(page, "light"), colours(page, "dark")
    assert light != dark
    alice.check("appearance-system")

    choose(page, "Dark")
    assert colours(page, "light") == dark
    assert colours(page, "dark") == dark
    alice.check("appearance-dark")

    choose(page, "Light")
    assert colours(page, "dark") == light
    assert colours(page, "light") == light
    alice.check("appearance-light")

    # Another page than settings follows the choice too.
    page = alice.go("/")
    page.emulate_media(color_scheme="dark")
    assert (
        page.evaluate("getComputedStyle(document.body).backgroundColor")
        == (light.split(" / ")[0])
    )
    page.emulate_media(color_scheme="light")
