"""Noting moments, sharing them, and acknowledging them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from conftest import run_tasks
from troth.moments import services, sharing
from troth.moments.models import Moment
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def today(user) -> dt.date:
    return timezone.now().astimezone(user.tz).date()


def post_moment(client, user, **data):
    payload = {
        "about": "partner",
        "kind": "listened",
        "note": "You let me finish.",
        "occurred_on": today(user).isoformat(),
    }
    payload.update(data)
    return client.post("/moments/new", payload)


class TestNoting:
    def test_a_moment_about_the_partner_is_shared_with_them(
        self, alice, bob, space, alice_client, bob_client
    ):
        response = post_moment(alice_client, alice)
        assert response.status_code == 302
        moment = Moment.objects.get()
        assert moment.visibility == "shared" and moment.subject == bob
        timeline = bob_client.get("/moments/").content.decode()
        assert "Alice noticed you" in timeline
        assert "Listened without defending" in timeline
        assert "You let me finish." in timeline
        run_tasks()
        notification = Notification.objects.get(user=bob)
        assert notification.message == "Alice noticed something you did."
        assert "finish" not in notification.message

    def test_even_asking_to_keep_it_private_shares_a_moment_about_the_partner(
        self, alice, bob, space, alice_client
    ):
        post_moment(alice_client, alice, share="")
        assert Moment.objects.get().visibility == "shared"

    def test_a_moment_about_oneself_is_private_unless_shared(
        self, alice, bob, space, alice_client, bob_client
    ):
        post_moment(
            alice_client, alice, about="self", kind="kept_word", note="Called back"
        )
        moment = Moment.objects.get()
        assert moment.visibility == "private" and moment.subject == alice
        assert "Called back" not in bob_client.get("/moments/").content.decode()
        assert "I kept my word" in alice_client.get("/moments/").content.decode()
        run_tasks()
        assert not Notification.objects.exists()
        response = alice_client.post(f"/moments/{moment.pk}/share")
        assert response.status_code == 302
        assert "Called back" in bob_client.get("/moments/").content.decode()
        run_tasks()
        assert (
            Notification.objects.get(user=bob).message
            == "Alice shared a moment with you."
        )
        # And back again, silently.
        alice_client.post(f"/moments/{moment.pk}/unshare")
        assert bob_client.get(f"/moments/{moment.pk}/").status_code == 404
        assert Notification.objects.filter(user=bob).count() == 1

    def test_a_moment_about_the_partner_cannot_be_made_private(
        self, alice, bob, space, alice_client
    ):
        post_moment(alice_client, alice)
        moment = Moment.objects.get()
        response = alice_client.post(f"/moments/{moment.pk}/unshare")
        assert response.status_code == 409
        assert "always shared" in response.content.decode()
        moment.refresh_from_db()
        assert moment.is_shared

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"kind": ""}, "Choose what kind of moment it was."),
            ({"kind": "bought_flowers"}, "Choose what kind of moment it was."),
            ({"about": "neighbour"}, "Choose whether it"),
            ({"note": "x" * 281}, "Keep the note under 280 characters"),
            ({"occurred_on": ""}, "Choose the day it happened."),
            ({"occurred_on": "yesterday"}, "Enter a date like"),
            ({"occurred_on": "2999-01-01"}, "A moment can&#x27;t be in the future."),
            ({"occurred_on": "2001-01-01"}, "Choose a day within the last year."),
        ],
    )
    def test_bad_input_changes_nothing(
        self, alice, bob, space, alice_client, data, message
    ):
        response = post_moment(alice_client, alice, **data)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not Moment.objects.exists()

    def test_a_moment_about_the_partner_needs_a_partner(self, eve, eve_client):
        from conftest import make_space

        make_space(eve)
        response = post_moment(eve_client, eve)
        assert response.status_code == 400
        assert "once they have joined" in response.content.decode()
        assert not Moment.objects.exists()

    def test_the_author_deletes_their_moment(
        self, alice, bob, space, alice_client, bob_client
    ):
        post_moment(alice_client, alice)
        moment = Moment.objects.get()
        assert bob_client.post(f"/moments/{moment.pk}/delete").status_code == 404
        assert alice_client.post(f"/moments/{moment.pk}/delete").status_code == 302
        assert not Moment.objects.exists()


class TestAcknowledging:
    @pytest.fixture
    def moment(self, alice, bob, space):
        return services.moment_create(
            space=space, by=alice, about="partner", kind="showed_up"
        )

    def test_the_partner_acknowledges_once(
        self, moment, alice, bob, alice_client, bob_client
    ):
        response = bob_client.post(
            f"/moments/{moment.pk}/acknowledge", {"ack": "meant"}
        )
        assert response.status_code == 302
        moment.refresh_from_db()
        assert moment.acknowledged_at is not None and moment.ack == "meant"
        run_tasks()
        assert Notification.objects.get(user=alice).message == (
            "Bob acknowledged a moment you noted."
        )
        assert (
            "Acknowledged: “That meant a lot to me”"
            in alice_client.get("/moments/").content.decode()
        )
        again = bob_client.post(f"/moments/{moment.pk}/acknowledge", {"ack": "thanks"})
        assert again.status_code == 409
        assert "You already acknowledged this moment." in again.content.decode()
        moment.refresh_from_db()
        assert moment.ack == "meant"

    def test_with_htmx_the_item_is_replaced(self, moment, bob, bob_client):
        response = bob_client.post(
            f"/moments/{moment.pk}/acknowledge", {"ack": "seen"}, HTTP_HX_REQUEST="true"
        )
        body = response.content.decode()
        assert response.status_code == 200 and "<html" not in body
        assert "You said: “I saw it too”" in body

    def test_nobody_acknowledges_their_own_moment(self, moment, alice_client):
        response = alice_client.post(
            f"/moments/{moment.pk}/acknowledge", {"ack": "seen"}
        )
        assert response.status_code == 404
        moment.refresh_from_db()
        assert moment.acknowledged_at is None

    def test_an_unknown_acknowledgement_is_refused(self, moment, bob_client):
        response = bob_client.post(f"/moments/{moment.pk}/acknowledge", {"ack": "meh"})
        assert response.status_code == 400
        assert "Choose how to acknowledge it." in response.content.decode()
        moment.refresh_from_db()
        assert moment.acknowledged_at is None


class TestTimeline:
    def test_filters_show_what_each_noticed(self, alice, bob, space, alice_client):
        # Long markers: a short one ("B1") can turn up by chance in a nonce.
        services.moment_create(
            space=space,
            by=alice,
            about="partner",
            kind="listened",
            note="alice-noticed-bob",
        )
        services.moment_create(
            space=space,
            by=bob,
            about="partner",
            kind="repaired",
            note="bob-noticed-alice",
        )
        services.moment_create(
            space=space,
            by=alice,
            about="self",
            kind="showed_up",
            note="alice-about-herself",
        )
        services.moment_create(
            space=space,
            by=bob,
            about="self",
            kind="showed_up",
            note="bob-about-himself",
        )
        all_ = alice_client.get("/moments/").content.decode()
        assert (
            all(
                n in all_
                for n in (
                    "alice-noticed-bob",
                    "bob-noticed-alice",
                    "alice-about-herself",
                )
            )
            and "bob-about-himself" not in all_
        )
        noticed = alice_client.get("/moments/?show=noticed").content.decode()
        assert "alice-noticed-bob" in noticed and "bob-noticed-alice" not in noticed
        about_me = alice_client.get("/moments/?show=noticed-me").content.decode()
        assert "bob-noticed-alice" in about_me and "alice-noticed-bob" not in about_me
        own = alice_client.get("/moments/?show=mine").content.decode()
        assert "alice-about-herself" in own and "alice-noticed-bob" not in own
        assert alice_client.get("/moments/?show=nonsense").status_code == 200

    def test_there_are_no_points_or_balances(self, alice, bob, space, alice_client):
        for _n in range(3):
            services.moment_create(
                space=space, by=alice, about="partner", kind="listened"
            )
        body = alice_client.get("/moments/").content.decode().lower()
        for word in ("points", "score", "balance", "streak", "ratio"):
            assert word not in body.replace("there are no points here", "")


class TestWhatIShare:
    def test_it_lists_and_stops_shared_moments_about_oneself(self, alice, bob, space):
        shared = services.moment_create(
            space=space, by=alice, about="self", kind="kept_word", share=True
        )
        services.moment_create(space=space, by=alice, about="self", kind="listened")
        services.moment_create(space=space, by=alice, about="partner", kind="listened")
        items = sharing.shared_by(alice, space)
        assert [item.key for item in items] == [f"moment:{shared.pk}"]
        assert items[0].label.startswith("I kept my word")
        assert sharing.stop(bob, space, f"moment:{shared.pk}") is False
        assert sharing.stop(alice, space, "moment:x") is False
        assert sharing.stop(alice, space, f"moment:{shared.pk}") is True
        assert not Moment.objects.visible_to(bob).filter(pk=shared.pk).exists()
        services.moment_share(moment=shared, by=alice)
        assert sharing.stop_all(alice, space) == 1
        assert sharing.shared_by(alice, space) == []
