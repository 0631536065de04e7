"""A signed-in request writes nothing: a session's activity (its idle clock
and the sessions page's last seen, address and browser) is recorded every
few minutes, or at once when the address or browser changes (issue 14)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from allauth.usersessions.models import UserSession
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from troth.accounts.middleware import SessionLifetimeMiddleware
from troth.accounts.tests.helpers import LAPTOP, signed_in

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "BEGIN", "COMMIT")


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().startswith(WRITES)
    ]


def age_activity(client: Client, seconds: int) -> None:
    session = client.session
    session[SessionLifetimeMiddleware.SEEN_AT] = int(time.time()) - seconds
    session.save()


def an_hour_ago_on_the_list(alice) -> dt.datetime:
    hour_ago = timezone.now() - dt.timedelta(hours=1)
    UserSession.objects.filter(user=alice).update(last_seen_at=hour_ago)
    return hour_ago


class TestOrdinaryRequests:
    def test_a_signed_in_request_writes_nothing(self, alice, space):
        client = signed_in(alice)
        client.get("/healthz")  # the first request after signing in records it
        for url in ("/healthz", "/settings/", "/checkins/"):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, url
            assert writes(queries) == [], url

    def test_the_signed_in_floor_is_the_session_and_the_user(self, alice):
        client = signed_in(alice)
        client.get("/healthz")
        with CaptureQueriesContext(connection) as signed:
            client.get("/healthz")
        with CaptureQueriesContext(connection) as anonymous:
            Client().get("/healthz")
        assert len(signed) == len(anonymous) + 2

    def test_within_the_interval_the_list_keeps_its_last_seen(self, alice):
        client = signed_in(alice)
        client.get("/healthz")
        hour_ago = an_hour_ago_on_the_list(alice)
        client.get("/settings/")
        assert UserSession.objects.get(user=alice).last_seen_at == hour_ago


class TestRecordingActivity:
    def test_after_the_interval_a_request_records_activity(self, alice):
        client = signed_in(alice)
        client.get("/healthz")
        an_hour_ago_on_the_list(alice)
        age_activity(client, SessionLifetimeMiddleware.WRITE_EVERY + 1)
        client.get("/healthz")
        row = UserSession.objects.get(user=alice)
        assert timezone.now() - row.last_seen_at < dt.timedelta(seconds=5)
        seen = client.session[SessionLifetimeMiddleware.SEEN_AT]
        assert time.time() - seen < 5
        # ...and the next request is quiet again.
        with CaptureQueriesContext(connection) as queries:
            client.get("/healthz")
        assert writes(queries) == []

    def test_a_new_address_shows_on_the_sessions_page_at_once(self, alice):
        client = signed_in(alice, ip="198.51.100.7")
        client.get("/healthz")
        client.get("/healthz", REMOTE_ADDR="203.0.113.9")
        assert UserSession.objects.get(user=alice).ip == "203.0.113.9"
        page = client.get("/settings/sessions", REMOTE_ADDR="203.0.113.9")
        assert "203.0.113.9" in page.text

    def test_a_new_browser_on_the_same_session_is_recorded_at_once(self, alice):
        client = signed_in(alice)
        client.get("/healthz")
        client.get("/healthz", HTTP_USER_AGENT=LAPTOP)
        assert UserSession.objects.get(user=alice).user_agent == LAPTOP

    def test_a_session_from_before_this_change_is_recorded_once(self, alice):
        client = signed_in(alice)
        client.get("/healthz")
        session = client.session
        del session[SessionLifetimeMiddleware.CLIENT]
        session.save()
        client.get("/healthz")
        with CaptureQueriesContext(connection) as queries:
            client.get("/healthz")
        assert writes(queries) == []


class TestSafetyStillHolds:
    def test_a_session_ended_elsewhere_ends_at_once_within_the_interval(self, alice):
        phone = signed_in(alice)
        laptop = signed_in(alice, ua=LAPTOP)
        phone.get("/healthz")
        assert phone.get("/settings/").status_code == 200
        row = UserSession.objects.get(user=alice, user_agent=LAPTOP)
        laptop.get("/healthz")
        phone.post(f"/settings/sessions/{row.pk}/end")
        assert laptop.get("/settings/").status_code == 302

    def test_an_idle_session_still_ends_without_recording_activity(
        self, alice, settings
    ):
        client = signed_in(alice)
        client.get("/healthz")
        hour_ago = an_hour_ago_on_the_list(alice)
        age_activity(client, settings.SESSION_IDLE_TIMEOUT + 5)
        assert client.get("/settings/").status_code == 302
        assert not UserSession.objects.filter(
            user=alice, last_seen_at__gt=hour_ago
        ).exists()
