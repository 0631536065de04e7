"""Downloading one's data in the browser: the password first, then the file
that is saved is the file, never the password page saved under its name
(troth/lib/downloads.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user
from troth.schedule.tests.helpers import make_event

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(p, email: str):
    page = p.go("/accounts/login/?next=/settings/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/settings/")
    return page


def saved(download) -> bytes:
    return Path(download.path()).read_bytes()


def test_the_export_asks_for_the_password_and_then_saves_the_json(person):
    alice_user = make_user("alice", timezone="Europe/London")
    space = make_space(alice_user, make_user("bob"))
    make_event(alice_user, space, title="Therapy")
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    downloads = []
    page.on("download", lambda d: downloads.append(d))

    page.goto(alice.server_url + "/settings/export")
    expect(page.get_by_test_id("password-first")).to_be_visible()
    expect(page.get_by_test_id("export-json")).to_have_count(0)
    alice.check("export-password-first")

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_test_id("password-first-confirm").click()
    page.wait_for_url("**/settings/export")
    expect(page.get_by_test_id("export-json")).to_be_visible()
    alice.check("export-after-password")

    with page.expect_download() as caught:
        page.get_by_test_id("export-json").click()
    download = caught.value
    assert download.suggested_filename.endswith(".json")
    archive = json.loads(saved(download))
    assert archive["format"] == "troth-export"
    assert archive["account"]["email"] == "alice@example.com"
    # The page stays where it was: the file was saved, nothing else happened.
    expect(page.get_by_test_id("export-json")).to_be_visible()

    with page.expect_download() as caught:
        page.get_by_test_id("export-ics").click()
    assert saved(caught.value).startswith(b"BEGIN:VCALENDAR")
    assert b"Therapy" in saved(caught.value)

    # The window passes while the page is open: the click leads to the
    # password page, visibly, and nothing is saved under the file's name.
    before = len(downloads)
    with override_settings(ACCOUNT_REAUTHENTICATION_TIMEOUT=0):
        page.get_by_test_id("export-json").click()
        page.wait_for_url("**/accounts/reauthenticate/**")
    assert len(downloads) == before
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/settings/export")
    with page.expect_download() as caught:
        page.get_by_test_id("export-json").click()
    assert json.loads(saved(caught.value))["format"] == "troth-export"


def test_the_calendar_download_asks_first_too(person):
    alice_user = make_user("alice", timezone="Europe/London")
    space = make_space(alice_user, make_user("bob"))
    make_event(
        alice_user,
        space,
        title="Therapy",
        start=timezone.now() + dt.timedelta(days=1),
    )
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    downloads = []
    page.on("download", lambda d: downloads.append(d))

    page.goto(alice.server_url + "/calendar/week/")
    page.get_by_test_id("download-calendar").click()
    page.wait_for_url("**/accounts/reauthenticate/**")
    assert downloads == []
    alice.check("calendar-download-password")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    # Back on the page the link was on, where it now saves the file.
    page.wait_for_url("**/calendar/week/")
    with page.expect_download() as caught:
        page.get_by_test_id("download-calendar").click()
    assert caught.value.suggested_filename.endswith(".ics")
    text = saved(caught.value)
    assert text.startswith(b"BEGIN:VCALENDAR")
    assert b"Therapy" in text
