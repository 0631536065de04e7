"""The personal export: after the password again, everything the person
wrote and everything shared with them, never the partner's private rows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from conftest import PASSWORD
from troth.accounts.tests.helpers import signed_in
from troth.lib.content import Visibility
from troth.notifications.services import notify
from troth.spaces.services import activity_record

pytestmark = pytest.mark.django_db

JSON_URL = "/settings/export/troth-export.json"
ICS_URL = "/settings/export/calendar.ics"
DOC = Path(__file__).resolve().parents[3] / "docs" / "export.md"
ACCOUNT_KEYS = {
    "email",
    "name",
    "time_zone",
    "language",
    "theme",
    "joined_at",
    "last_sign_in",
    "email_addresses",
    "two_factor",
}


def reauthenticated(user) -> Client:
    client = signed_in(user)
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, response.content[:400]
    return client


def download(client: Client) -> dict:
    response = client.get(JSON_URL)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


class TestReauthentication:
    def test_the_export_asks_for_the_password_first(self, alice, fake_hooks):
        client = signed_in(alice)
        response = client.get(JSON_URL)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/reauthenticate/")

    def test_a_wrong_password_gets_no_export(self, alice, fake_hooks):
        client = signed_in(alice)
        client.get(JSON_URL)
        response = client.post(
            f"/accounts/reauthenticate/?next={JSON_URL}", {"password": "not it at all"}
        )
        assert response.status_code == 200
        assert b"errorlist" in response.content or b"incorrect" in response.content
        assert client.get(JSON_URL).status_code == 302

    def test_the_right_password_leads_on_to_the_file(self, alice, fake_hooks):
        client = signed_in(alice)
        response = client.post(
            f"/accounts/reauthenticate/?next={JSON_URL}", {"password": PASSWORD}
        )
        assert response.status_code == 302
        assert response["Location"] == JSON_URL
        assert download(client)["format"] == "troth-export"

    def test_signed_out_visitors_are_sent_to_sign_in(self, db):
        response = Client().get(JSON_URL)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")

    def test_the_export_page_itself_explains_first(self, alice, fake_hooks):
        page = reauthenticated(alice).get("/settings/export")
        assert page.status_code == 200
        assert b"Nothing your partner kept private is in it" in page.content
        assert b'data-testid="export-ics"' in page.content


class TestArchive:
    def test_it_holds_what_i_wrote_and_what_was_shared_with_me_only(
        self, alice, bob, space, fake_hooks
    ):
        activity_record(space=space, actor=alice, verb="alice.shared")
        activity_record(
            space=space,
            actor=alice,
            verb="alice.private",
            visibility=Visibility.PRIVATE,
        )
        activity_record(space=space, actor=bob, verb="bob.shared")
        activity_record(
            space=space, actor=bob, verb="bob.private", visibility=Visibility.PRIVATE
        )
        notify(user=alice, kind="space.joined", key="k1", actor=bob, space=space)
        notify(user=bob, kind="space.joined", key="k2", actor=alice, space=space)

        archive = download(reauthenticated(alice))
        assert archive["version"] == 1
        assert archive["account"]["email"] == alice.email
        assert archive["account"]["name"] == "Alice"
        whats = [a["what"] for a in archive["activity"]]
        assert "alice.shared" in whats and "alice.private" in whats
        assert "bob.shared" in whats
        assert "bob.private" not in whats
        assert [n["text"] for n in archive["notifications"]] == [
            "Bob joined your space."
        ]
        assert archive["spaces"][0]["partners"][0]["name"] == "Bob"
        assert archive["sign_ins"][0]["outcome"] == "signed_in"
        assert archive["sessions"]
        # Each feature's hook adds its part under its app's name.
        assert "alice.private" in archive["features"]["safety"]["moments"]
        text = json.dumps(archive)
        assert "bob.private" not in text
        assert PASSWORD not in text

    def test_it_holds_my_settings_with_my_appearance(self, alice, fake_hooks):
        alice.timezone = "Europe/Lisbon"
        alice.theme = "dark"
        alice.save(update_fields=["timezone", "theme"])
        account = download(reauthenticated(alice))["account"]
        assert set(account) == ACCOUNT_KEYS
        assert account["time_zone"] == "Europe/Lisbon"
        assert account["language"] == alice.language
        assert account["theme"] == "dark"

    def test_the_documentation_names_every_key_of_the_account(self):
        section = DOC.read_text().split("### `account`", 1)[1].split("\n### ", 1)[0]
        rows = re.findall(r"^\| (`[^|]*) \|", section, re.M)
        assert {key for row in rows for key in re.findall(r"`(\w+)`", row)} == (
            ACCOUNT_KEYS
        )

    def test_a_feature_whose_export_fails_is_marked_not_silently_missing(
        self, alice, fake_hooks, monkeypatch
    ):
        monkeypatch.setattr(fake_hooks, "export", lambda user: 1 / 0)
        archive = download(reauthenticated(alice))
        assert "error" in archive["features"]["safety"]

    def test_the_calendar_comes_as_ics_when_a_calendar_offers_it(
        self, alice, fake_hooks
    ):
        response = reauthenticated(alice).get(ICS_URL)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        assert response.content.startswith(b"BEGIN:VCALENDAR")

    def test_without_a_calendar_there_is_no_ics(self, alice, monkeypatch):
        monkeypatch.setattr("troth.accounts.services.app_modules", lambda name: ())
        client = reauthenticated(alice)
        assert client.get(ICS_URL).status_code == 404
        assert b'data-testid="export-ics"' not in client.get("/settings/export").content
