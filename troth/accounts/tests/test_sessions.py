"""Sessions and devices: seeing them, ending one or all others, lifetimes,
signing out; and that a partner can end none of them."""

from __future__ import annotations

import time

import pytest
from allauth.usersessions.models import UserSession
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from conftest import client_for
from troth.accounts import devices
from troth.accounts.middleware import SessionLifetimeMiddleware
from troth.accounts.tests.helpers import LAPTOP, PHONE, signed_in

pytestmark = pytest.mark.django_db


def is_signed_in(client: Client) -> bool:
    response = client.get("/settings/")
    return response.status_code == 200


class TestList:
    def test_it_lists_each_session_with_its_browser_and_marks_this_one(self, alice):
        phone = signed_in(alice, ip="203.0.113.5", ua=PHONE)
        signed_in(alice, ip="198.51.100.7", ua=LAPTOP)
        page = phone.get("/settings/sessions")
        assert page.status_code == 200
        text = page.content.decode()
        assert "Chrome on Android" in text
        assert "Firefox on macOS" in text
        assert "203.0.113.5" in text and "198.51.100.7" in text
        assert text.count('data-testid="this-device"') == 1
        assert text.count('data-testid="end-session"') == 1

    def test_places_are_off_unless_the_host_opts_in(self, alice):
        client = signed_in(alice, ip="203.0.113.5")
        assert b"near " not in client.get("/settings/sessions").content

    def test_with_the_hosts_database_it_shows_an_approximate_place(
        self, alice, monkeypatch
    ):
        class Reader:
            def get(self, ip):
                return {
                    "city": {"names": {"en": "Lyon"}},
                    "country": {"names": {"en": "France"}},
                }

        monkeypatch.setattr(devices, "_reader", lambda: Reader())
        client = signed_in(alice, ip="8.8.8.8")
        assert b"near Lyon, France" in client.get("/settings/sessions").content

    def test_private_addresses_never_get_a_place(self, monkeypatch):
        class Reader:
            def get(self, ip):  # pragma: no cover - must not be asked
                raise AssertionError("looked up a private address")

        monkeypatch.setattr(devices, "_reader", lambda: Reader())
        assert devices.place("192.168.1.10") == ""
        assert devices.place("127.0.0.1") == ""

    @override_settings(TROTH_GEOIP_DB="")
    def test_without_the_setting_no_database_is_opened(self):
        devices._reader.cache_clear()
        assert devices._reader() is None
        assert devices.place("8.8.8.8") == ""

    def test_the_list_takes_the_same_queries_for_1_or_10_sessions(self, alice):
        client = signed_in(alice)
        client.get("/settings/sessions")
        with CaptureQueriesContext(connection) as one:
            client.get("/settings/sessions")
        for _ in range(9):
            signed_in(alice)
        client.get("/settings/sessions")
        with CaptureQueriesContext(connection) as ten:
            page = client.get("/settings/sessions")
        assert page.content.decode().count('data-testid="session"') == 10
        assert len(ten) == len(one)

    def test_ended_sessions_drop_off_the_list(self, alice):
        client = signed_in(alice)
        other = signed_in(alice)
        other.post("/accounts/logout/")
        text = client.get("/settings/sessions").content.decode()
        assert text.count('data-testid="session"') == 1


class TestEnding:
    def test_ending_one_session_signs_that_device_out_on_its_next_request(self, alice):
        mine = signed_in(alice, ua=LAPTOP)
        other = signed_in(alice, ua=PHONE)
        target = UserSession.objects.get(
            user=alice, session_key=other.session.session_key
        )
        response = mine.post(f"/settings/sessions/{target.pk}/end")
        assert response.status_code == 302
        assert not is_signed_in(other)
        assert is_signed_in(mine)

    def test_a_partner_cannot_end_the_others_session(self, alice, bob, space):
        alices = signed_in(alice)
        target = UserSession.objects.get(user=alice)
        bobs = signed_in(bob)
        response = bobs.post(f"/settings/sessions/{target.pk}/end")
        assert response.status_code == 404
        assert is_signed_in(alices)
        assert UserSession.objects.filter(pk=target.pk).exists()

    def test_a_partner_cannot_end_all_the_others_sessions_either(
        self, alice, bob, space
    ):
        alices = signed_in(alice)
        bobs = signed_in(bob)
        bobs.post("/settings/sessions/end-others")
        assert is_signed_in(alices)
        assert is_signed_in(bobs)

    def test_ending_needs_a_post(self, alice):
        client = signed_in(alice)
        target = UserSession.objects.get(user=alice)
        assert client.get(f"/settings/sessions/{target.pk}/end").status_code == 405
        assert client.get("/settings/sessions/end-others").status_code == 405

    def test_ending_every_other_session_keeps_this_one(self, alice):
        mine = signed_in(alice, ua=LAPTOP)
        phone = signed_in(alice, ua=PHONE)
        tablet = signed_in(alice)
        # A session no list knows about (never made a request): it ends too.
        hidden = Client()
        hidden.force_login(alice)
        response = mine.post("/settings/sessions/end-others", follow=True)
        assert b"Every other session has ended" in response.content
        assert is_signed_in(mine)
        assert not is_signed_in(phone)
        assert not is_signed_in(tablet)
        assert not is_signed_in(hidden)
        text = mine.get("/settings/sessions").content.decode()
        assert text.count('data-testid="session"') == 1
        assert 'data-testid="no-other-sessions"' in text

    def test_ending_this_session_from_the_list_signs_out(self, alice):
        client = signed_in(alice)
        own = UserSession.objects.get(user=alice)
        response = client.post(f"/settings/sessions/{own.pk}/end")
        assert response.status_code == 302
        assert not is_signed_in(client)


class TestLifetimes:
    def age(self, client: Client, key: str, seconds: int) -> None:
        session = client.session
        session[key] = int(time.time()) - seconds
        session.save()

    def test_an_idle_session_ends(self, alice, settings):
        client = signed_in(alice)
        assert is_signed_in(client)
        self.age(
            client, SessionLifetimeMiddleware.SEEN_AT, settings.SESSION_IDLE_TIMEOUT + 5
        )
        response = client.get("/settings/", follow=True)
        assert response.redirect_chain[-1][0].startswith("/accounts/login/")
        assert b"You were signed out because it had been a while" in response.content
        assert not is_signed_in(client)

    def test_an_active_session_still_ends_at_its_absolute_lifetime(
        self, alice, settings
    ):
        client = signed_in(alice)
        is_signed_in(client)
        self.age(
            client,
            SessionLifetimeMiddleware.SIGNED_IN_AT,
            settings.SESSION_COOKIE_AGE + 5,
        )
        self.age(client, SessionLifetimeMiddleware.SEEN_AT, 10)  # just used
        assert not is_signed_in(client)

    def test_a_session_within_both_limits_goes_on(self, alice, settings):
        client = signed_in(alice)
        is_signed_in(client)
        self.age(
            client,
            SessionLifetimeMiddleware.SIGNED_IN_AT,
            settings.SESSION_COOKIE_AGE - 60,
        )
        self.age(
            client,
            SessionLifetimeMiddleware.SEEN_AT,
            settings.SESSION_IDLE_TIMEOUT - 60,
        )
        assert is_signed_in(client)
        # ...and the request moved the idle clock forward.
        assert time.time() - client.session[SessionLifetimeMiddleware.SEEN_AT] < 5


class TestSignOut:
    def test_signing_out_ends_the_session_and_clears_the_browser(self, alice):
        client = signed_in(alice)
        cookie = client.cookies["sessionid"].value
        response = client.post("/accounts/logout/")
        assert response.status_code == 302
        assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
        replay = Client()
        replay.cookies["sessionid"] = cookie
        assert not is_signed_in(replay)

    def test_signed_in_pages_are_never_stored(self, alice_client):
        response = alice_client.get("/settings/sessions")
        assert response["Cache-Control"] == "no-store"

    def test_a_signed_out_visitor_is_sent_to_sign_in(self, db):
        response = Client().get("/settings/sessions")
        assert response.status_code == 302

    def test_a_forced_session_without_timestamps_gets_them(self, alice):
        client = client_for(alice)
        assert is_signed_in(client)
        assert SessionLifetimeMiddleware.SIGNED_IN_AT in client.session
