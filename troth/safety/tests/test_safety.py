"""What I share, stopping it, and the emergency reset.

The features' own sharing hooks are tested in their apps; here a stand-in
feature (fake_sharing.py) proves that the page gathers every hook, that
stopping goes through the hook, and that nothing reaches the partner."""

from __future__ import annotations

import types

import pytest
from django.core import mail
from django.test import Client

from conftest import PASSWORD, client_for, run_tasks
from troth.accounts.tests.helpers import LAPTOP, PHONE, signed_in
from troth.lib.content import Visibility
from troth.notifications.models import Notification
from troth.spaces.models import Activity
from troth.spaces.services import activity_record

pytestmark = pytest.mark.django_db

FAKE_URLS = "troth.safety.tests.fake_sharing"


def share(space, user, verb: str) -> Activity:
    return activity_record(space=space, actor=user, verb=verb)


def shared_by(user) -> int:
    return Activity.objects.filter(author=user, visibility=Visibility.SHARED).count()


def is_signed_in(client: Client) -> bool:
    return client.get("/settings/").status_code == 200


def reauthenticated(client: Client) -> Client:
    """The password again, as the reset asks before it does anything."""
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302
    return client


def quiet_for(partner):
    """What the partner has been told so far: notifications, emails and
    activities addressed to them."""
    run_tasks()
    return (
        Notification.objects.filter(user=partner).count(),
        sum(partner.email in m.to for m in mail.outbox),
        Activity.objects.filter(recipient=partner).count(),
    )


class TestWhatIShare:
    def test_it_lists_everything_shared_grouped_by_feature(
        self, alice, bob, space, fake_hooks
    ):
        share(space, alice, "first")
        share(space, alice, "second")
        share(space, bob, "bobs own")
        fake_hooks.feed_new(alice)
        page = client_for(alice).get("/safety/")
        assert page.status_code == 200
        text = page.content.decode()
        assert text.count('data-testid="sharing-group"') == 2
        assert "Fake moments" in text and "Fake calendar" in text
        assert "Moment first" in text and "Moment second" in text
        assert "Busy only" in text
        assert "bobs own" not in text
        assert text.count('data-testid="stop-sharing"') == 3
        assert "Your partner is not told" in text

    def test_someone_without_a_space_shares_nothing(self, eve, fake_hooks):
        page = client_for(eve).get("/safety/")
        assert page.status_code == 200
        assert b'data-testid="nothing-shared"' in page.content

    def test_stopping_one_item_makes_it_private_and_tells_nobody(
        self, alice, bob, space, fake_hooks
    ):
        first = share(space, alice, "first")
        second = share(space, alice, "second")
        before = quiet_for(bob)
        response = client_for(alice).post(
            "/safety/stop", {"app": "safety", "key": str(first.pk)}, follow=True
        )
        assert response.status_code == 200
        assert b"private to you again" in response.content
        first.refresh_from_db()
        second.refresh_from_db()
        assert first.visibility == Visibility.PRIVATE
        assert second.visibility == Visibility.SHARED
        assert not first.is_visible_to(bob)
        assert quiet_for(bob) == before

    def test_a_person_cannot_stop_their_partners_sharing(
        self, alice, bob, space, fake_hooks
    ):
        bobs = share(space, bob, "bobs")
        response = client_for(alice).post(
            "/safety/stop", {"app": "safety", "key": str(bobs.pk)}
        )
        assert response.status_code == 409
        bobs.refresh_from_db()
        assert bobs.visibility == Visibility.SHARED

    @pytest.mark.parametrize(
        "data",
        [
            {},
            {"app": "safety"},
            {"app": "nowhere", "key": "1"},
            {"app": "safety", "key": "x" * 400},
        ],
    )
    def test_bad_input_changes_nothing(self, alice, space, fake_hooks, data):
        mine = share(space, alice, "mine")
        response = client_for(alice).post("/safety/stop", data)
        assert response.status_code in (400, 409)
        mine.refresh_from_db()
        assert mine.visibility == Visibility.SHARED

    def test_stopping_needs_a_post(self, alice, space, fake_hooks):
        client = client_for(alice)
        assert client.get("/safety/stop").status_code == 405
        assert client.get("/safety/stop-all").status_code == 405

    def test_stop_all_stops_every_feature(self, alice, bob, space, fake_hooks):
        share(space, alice, "first")
        share(space, alice, "second")
        share(space, bob, "bobs")
        fake_hooks.feed_new(alice)
        before = quiet_for(bob)
        response = client_for(alice).post("/safety/stop-all", follow=True)
        assert b"Stopped sharing 3 things" in response.content
        assert shared_by(alice) == 0
        assert shared_by(bob) == 1
        assert fake_hooks.FEEDS == {}
        assert quiet_for(bob) == before

    def test_the_pages_need_a_signed_in_person(self, db):
        for url in ("/safety/", "/safety/reset", "/safety/reset/next"):
            response = Client().get(url)
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]


@pytest.fixture
def feed_urls(settings):
    settings.ROOT_URLCONF = FAKE_URLS


@pytest.mark.usefixtures("feed_urls")
class TestEmergencyReset:
    def test_it_stops_sharing_revokes_feeds_and_ends_other_sessions_silently(
        self, alice, bob, space, fake_hooks
    ):
        share(space, alice, "first")
        share(space, alice, "second")
        token = fake_hooks.feed_new(alice)
        bobs_token = fake_hooks.feed_new(bob)
        feed_url = f"/fake/feed/{token}.ics"
        assert Client().get(feed_url).status_code == 200

        here = signed_in(alice, ua=PHONE)

        reauthenticated(here)
        elsewhere = signed_in(alice, ua=LAPTOP)
        old_cookie = elsewhere.cookies["sessionid"].value
        bob_client = signed_in(bob)
        before = quiet_for(bob)

        page = here.get("/safety/reset")
        assert b"Your partner is not notified" in page.content
        response = here.post("/safety/reset", {"confirm": "on"}, follow=True)
        assert response.redirect_chain[-1][0] == "/safety/reset/next"
        text = response.content.decode()
        assert "Stopped sharing 3 things" in text
        assert 'data-testid="only-this-device"' in text
        assert "Change password" in text

        # The other session's cookie stops working...
        assert not is_signed_in(elsewhere)
        replay = Client()
        replay.cookies["sessionid"] = old_cookie
        assert not is_signed_in(replay)
        # ...this one goes on.
        assert is_signed_in(here)
        # The feed link is dead; Bob's own is not Alice's to revoke.
        assert Client().get(feed_url).status_code == 404
        assert Client().get(f"/fake/feed/{bobs_token}.ics").status_code == 200
        # Every sharing flag is off.
        assert shared_by(alice) == 0
        assert here.get("/safety/").content.count(b'data-testid="shared-item"') == 0
        # Bob heard nothing and keeps his own session.
        assert quiet_for(bob) == before
        assert is_signed_in(bob_client)

    def test_it_needs_the_confirmation(self, alice, space, fake_hooks):
        share(space, alice, "first")
        here = signed_in(alice)
        reauthenticated(here)
        elsewhere = signed_in(alice)
        response = here.post("/safety/reset", {})
        assert response.status_code == 400
        assert b"Tick the box" in response.content
        assert shared_by(alice) == 1
        assert is_signed_in(elsewhere)

    def test_a_feature_that_fails_does_not_stop_the_rest(
        self, alice, space, fake_hooks, monkeypatch
    ):
        share(space, alice, "first")
        broken = types.ModuleType("troth.spaces.sharing")
        broken.stop_all = lambda user, space: 1 / 0
        broken.shared_by = lambda user, space: []
        monkeypatch.setattr(
            "troth.safety.services.app_modules",
            lambda name: (broken, fake_hooks) if name == "sharing" else (),
        )
        here = signed_in(alice)
        reauthenticated(here)
        elsewhere = signed_in(alice)
        response = here.post("/safety/reset", {"confirm": "on"}, follow=True)
        assert b"could not be stopped just now" in response.content
        assert shared_by(alice) == 0
        assert not is_signed_in(elsewhere)

    def test_it_works_for_someone_without_a_space(self, eve, fake_hooks):
        here = signed_in(eve)
        reauthenticated(here)
        elsewhere = signed_in(eve)
        response = here.post("/safety/reset", {"confirm": "on"}, follow=True)
        assert response.status_code == 200
        assert not is_signed_in(elsewhere)
        assert is_signed_in(here)


class TestWithTheRealCalendar:
    """When the calendar app is installed, its subscription link is one of
    the things the reset revokes, through the calendar's own hook."""

    def test_the_reset_kills_the_calendar_subscription_link(self, alice, bob, space):
        pytest.importorskip("troth.schedule.sharing")
        from troth.schedule.services import feed_token_create

        _, token = feed_token_create(user=alice)
        feed_url = f"/calendar/feed/{token}.ics"
        assert Client().get(feed_url).status_code == 200
        here = signed_in(alice)
        reauthenticated(here)
        assert b"Calendar subscription link" in here.get("/safety/").content
        before = quiet_for(bob)
        here.post("/safety/reset", {"confirm": "on"})
        assert Client().get(feed_url).status_code == 404
        assert b"Calendar subscription link" not in here.get("/safety/").content
        assert quiet_for(bob) == before
