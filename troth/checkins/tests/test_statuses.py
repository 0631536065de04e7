"""Statuses: one tap to tell the partner, live on their dashboard, expiring."""

from __future__ import annotations

import datetime as dt
import html
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_space, run_tasks
from troth.accounts.tests.helpers import signed_in
from troth.checkins import services
from troth.checkins.models import Kind, Status
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


class TestSending:
    def test_one_tap_sends_a_status_the_partner_is_told_about(
        self, space, alice, bob, alice_client
    ):
        response = alice_client.post(
            "/checkins/status", {"kind": "running_late", "minutes": "15", "next": "/"}
        )
        assert response.status_code == 302
        assert response["Location"] == "/"
        status = Status.objects.get()
        assert status.kind == Kind.RUNNING_LATE and status.late_minutes == 15
        run_tasks()
        notice = Notification.objects.get(user=bob)
        assert notice.message == "Alice sent you a status."
        assert notice.url == "/checkins/"

    def test_each_kind_expires_sensibly(self, space, alice):
        now = timezone.now()
        send = lambda **kw: services.status_send(space=space, by=alice, now=now, **kw)  # noqa: E731
        eta = send(kind="on_my_way", minutes=20)
        assert eta.eta == now + dt.timedelta(minutes=20)
        assert eta.expires_at == now + dt.timedelta(minutes=50)
        late = send(kind="running_late", minutes=10)
        assert late.expires_at == now + dt.timedelta(minutes=40)
        assert send(kind="arrived").expires_at == now + dt.timedelta(hours=2)
        assert send(kind="thinking_of_you").expires_at == now + dt.timedelta(hours=6)
        assert send(kind="custom", text="At the shop").expires_at == now + dt.timedelta(
            hours=8
        )

    def test_need_space_lasts_until_the_local_time_given(self, space, alice):
        alice.timezone = "Europe/Berlin"
        alice.save()
        # 20:00 in Berlin in winter is 19:00 UTC.
        now = dt.datetime(2026, 1, 10, 19, 0, tzinfo=dt.UTC)
        status = services.status_send(
            space=space, by=alice, kind="need_space", until=dt.time(21, 30), now=now
        )
        assert status.until == dt.datetime(2026, 1, 10, 20, 30, tzinfo=dt.UTC)
        # A time already passed today means tomorrow.
        status = services.status_send(
            space=space, by=alice, kind="need_space", until=dt.time(8, 0), now=now
        )
        assert status.until == dt.datetime(2026, 1, 11, 7, 0, tzinfo=dt.UTC)

    def test_need_space_reads_the_clock_on_the_night_it_skips_an_hour(
        self, space, alice
    ):
        alice.timezone = "Europe/Berlin"
        alice.save()
        # 03:10 in Berlin just after the clocks jumped from 02:00 to 03:00:
        # 02:30 is behind on the clock, so it means tomorrow's 02:30.
        now = dt.datetime(2026, 3, 29, 1, 10, tzinfo=dt.UTC)
        status = services.status_send(
            space=space, by=alice, kind="need_space", until=dt.time(2, 30), now=now
        )
        assert status.until == dt.datetime(2026, 3, 30, 0, 30, tzinfo=dt.UTC)

    def test_a_new_status_ends_the_previous_one(self, space, alice):
        first = services.status_send(space=space, by=alice, kind="arrived")
        services.status_send(space=space, by=alice, kind="thinking_of_you")
        first.refresh_from_db()
        assert not first.is_active()

    def test_bad_input_is_explained_and_sends_nothing(self, space, alice, alice_client):
        for data, message in [
            ({"kind": "teleported"}, "Select a valid choice"),
            ({"kind": "on_my_way"}, "how many minutes until you arrive"),
            ({"kind": "on_my_way", "minutes": "abc"}, "whole number of minutes"),
            ({"kind": "running_late", "minutes": "600"}, "from 1 to 240"),
            ({"kind": "need_space"}, "Say until what time"),
            ({"kind": "need_space", "until": "29:00"}, "Enter a time such as"),
            ({"kind": "custom", "text": "  "}, "Write a few words"),
            ({"kind": "custom", "text": "x" * 81}, "at most 80"),
        ]:
            response = alice_client.post("/checkins/status", data)
            assert response.status_code == 400, data
            assert message in response.text, data
        assert not Status.objects.exists()

    def test_an_unsafe_next_is_ignored(self, space, alice_client):
        response = alice_client.post(
            "/checkins/status",
            {"kind": "arrived", "next": "https://evil.example/"},
        )
        assert response["Location"] == "/checkins/"

    def test_it_needs_a_space(self, eve_client):
        response = eve_client.post("/checkins/status", {"kind": "arrived"})
        assert response.status_code == 302
        assert not Status.objects.exists()

    def test_clearing_ends_my_status(self, space, alice, bob, alice_client, bob_client):
        services.status_send(space=space, by=alice, kind="thinking_of_you")
        assert "thinking of you" in bob_client.get("/checkins/partner-status").text
        alice_client.post("/checkins/status/clear")
        assert "No current status" in bob_client.get("/checkins/partner-status").text

    def test_nothing_can_be_sent_in_a_closed_space(self, space, alice, bob):
        from troth.spaces.models import Membership
        from troth.spaces.services import space_leave

        space_leave(membership=Membership.objects.get(user=bob))
        with pytest.raises(ValidationError):
            services.status_send(space=space, by=alice, kind="arrived")
        assert not Status.objects.exists()


class TestLiveFragment:
    def test_it_shows_the_partners_status_and_not_my_own(
        self, space, alice, bob, alice_client, bob_client
    ):
        services.status_send(space=space, by=alice, kind="running_late", minutes=15)
        assert (
            "running late by 15 minutes"
            in bob_client.get("/checkins/partner-status").text
        )
        assert "running late" not in alice_client.get("/checkins/partner-status").text

    def test_it_answers_304_until_something_changes(
        self, space, alice, bob, bob_client
    ):
        first = bob_client.get("/checkins/partner-status")
        etag = first["ETag"]
        assert first.status_code == 200
        assert f'data-etag="{html.escape(etag)}"' in first.text
        again = bob_client.get(
            "/checkins/partner-status", headers={"If-None-Match": etag}
        )
        assert again.status_code == 304
        assert again.content == b""
        services.status_send(space=space, by=alice, kind="arrived")
        changed = bob_client.get(
            "/checkins/partner-status", headers={"If-None-Match": etag}
        )
        assert changed.status_code == 200
        assert changed["ETag"] != etag
        assert "arrived" in changed.text

    def test_the_etag_changes_when_the_status_expires(
        self, space, alice, bob, bob_client
    ):
        status = services.status_send(space=space, by=alice, kind="arrived")
        etag = bob_client.get("/checkins/partner-status")["ETag"]
        with at(status.expires_at + dt.timedelta(seconds=1)):
            response = bob_client.get(
                "/checkins/partner-status", headers={"If-None-Match": etag}
            )
        assert response.status_code == 200
        assert "No current status" in response.text

    def test_the_304_path_is_cheap(self, space, alice, bob, bob_client):
        services.status_send(space=space, by=alice, kind="arrived")
        etag = bob_client.get("/checkins/partner-status")["ETag"]
        bob_client.get("/checkins/partner-status", headers={"If-None-Match": etag})
        with CaptureQueriesContext(connection) as few:
            bob_client.get("/checkins/partner-status", headers={"If-None-Match": etag})
        for _ in range(30):
            services.status_send(space=space, by=alice, kind="arrived")
        etag = bob_client.get("/checkins/partner-status")["ETag"]
        with CaptureQueriesContext(connection) as many:
            response = bob_client.get(
                "/checkins/partner-status", headers={"If-None-Match": etag}
            )
        assert response.status_code == 304
        assert len(many.captured_queries) == len(few.captured_queries)

    def test_a_poll_with_nothing_new_is_304_from_four_reads_and_no_write(
        self, space, alice, bob
    ):
        # A real sign-in, so allauth's sessions list has its row to keep.
        client = signed_in(bob)
        services.status_send(space=space, by=alice, kind="arrived")
        etag = client.get("/checkins/partner-status")["ETag"]
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                "/checkins/partner-status", headers={"If-None-Match": etag}
            )
        assert response.status_code == 304
        assert response.content == b""
        # The session, its person, their space, the partner's latest status.
        assert len(queries.captured_queries) <= 4
        assert not [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].lstrip().startswith(("INSERT", "UPDATE", "DELETE", "SAVEPOINT"))
        ]
        assert not response.cookies  # the session was not saved again
        services.status_send(space=space, by=alice, kind="running_late", minutes=15)
        changed = client.get(
            "/checkins/partner-status", headers={"If-None-Match": etag}
        )
        assert changed.status_code == 200
        assert "running late by 15 minutes" in changed.text
        assert changed["ETag"] != etag

    def test_an_outsider_never_sees_it(
        self, space, alice, carol, other_space, carol_client
    ):
        services.status_send(
            space=space, by=alice, kind="custom", text="At the dentist"
        )
        assert "dentist" not in carol_client.get("/checkins/partner-status").text
        assert "dentist" not in carol_client.get("/checkins/").text

    def test_the_dashboard_shows_it_polled_with_a_real_link(
        self, space, alice, bob, bob_client, settings
    ):
        settings.TROTH_STATUS_POLL_SECONDS = 2
        services.status_send(space=space, by=alice, kind="on_my_way", minutes=20)
        page = bob_client.get("/").text
        assert 'data-testid="card-status"' in page
        assert 'hx-get="/checkins/partner-status"' in page
        assert 'hx-trigger="every 2s"' in page
        assert "on my way, there around" in page
        assert 'href="/checkins/"' in page  # works without JavaScript too
        assert 'data-testid="quick-running-late"' in page

    def test_the_status_is_shown_in_the_viewers_time_zone(
        self, space, alice, bob, bob_client
    ):
        bob.timezone = "Asia/Tokyo"
        bob.save()
        now = timezone.now()
        services.status_send(
            space=space, by=alice, kind="on_my_way", minutes=30, now=now
        )
        eta = (now + dt.timedelta(minutes=30)).astimezone(bob.tz).strftime("%H:%M")
        assert f"there around {eta}" in bob_client.get("/checkins/partner-status").text


def test_someone_alone_in_a_space_can_still_save_a_status(eve):
    space = make_space(eve)
    status = services.status_send(space=space, by=eve, kind="arrived")
    assert status.pk


def bulk(space, alice, bob, n):
    now = timezone.now()
    Status.objects.bulk_create(
        Status(
            space=space,
            author=[alice, bob][i % 2],
            kind="arrived",
            visibility="shared",
            created=now - dt.timedelta(minutes=i),
            expires_at=now - dt.timedelta(minutes=i) + dt.timedelta(hours=2),
        )
        for i in range(n)
    )


@pytest.mark.parametrize("url", ["/", "/checkins/", "/checkins/partner-status"])
def test_pages_use_the_same_number_of_queries_for_10_and_1000(
    url, space, alice, bob, bob_client
):
    bulk(space, alice, bob, 10)
    bob_client.get(url)
    with CaptureQueriesContext(connection) as few:
        bob_client.get(url)
    bulk(space, alice, bob, 990)
    with CaptureQueriesContext(connection) as many:
        bob_client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)
