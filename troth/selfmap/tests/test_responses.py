"""The partner thanks the author for an entry, or asks to talk about it."""

from __future__ import annotations

import pytest

from conftest import run_tasks
from troth.notifications.models import Notification
from troth.selfmap import services
from troth.selfmap.models import Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_entry(alice, space):
    return services.entry_create(
        space=space,
        author=alice,
        kind="trigger",
        title="Raised voices",
        text="Loud voices put me on edge.",
        share=True,
    )


def test_thanks_reach_the_author_as_a_notification_without_words(
    alice, bob, space, shared_entry, bob_client, alice_client
):
    response = bob_client.post(f"/self/{shared_entry.pk}/respond", {"kind": "thanks"})
    assert response.status_code == 302
    run_tasks()
    notification = Notification.objects.get(user=alice, kind="selfmap.thanked")
    assert notification.message == "Bob thanked you for something in your self map."
    assert notification.url == f"/self/{shared_entry.pk}/"
    page = alice_client.get(f"/self/{shared_entry.pk}/").content.decode()
    assert "Bob thanked you for version 1" in page
    assert (
        "You said thank you"
        in bob_client.get(f"/self/{shared_entry.pk}/").content.decode()
    )


def test_thanks_come_once_per_wording(alice, bob, space, shared_entry, bob_client):
    bob_client.post(f"/self/{shared_entry.pk}/respond", {"kind": "thanks"})
    again = bob_client.post(f"/self/{shared_entry.pk}/respond", {"kind": "thanks"})
    assert again.status_code == 409
    assert "You already said thank you for this." in again.content.decode()
    assert Response.objects.count() == 1
    services.entry_update(
        entry=shared_entry, by=alice, title="Raised voices", text="New wording."
    )
    assert (
        bob_client.post(
            f"/self/{shared_entry.pk}/respond", {"kind": "thanks"}
        ).status_code
        == 302
    )
    assert Response.objects.count() == 2


def test_with_htmx_the_buttons_are_replaced_in_place(
    alice, bob, space, shared_entry, bob_client
):
    response = bob_client.post(
        f"/self/{shared_entry.pk}/respond",
        {"kind": "talk", "next": "/self/partner/"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "Alice will see that you would like to talk about this." in body
    assert "You asked to talk about this" in body
    again = bob_client.post(
        f"/self/{shared_entry.pk}/respond", {"kind": "talk"}, HTTP_HX_REQUEST="true"
    )
    assert "You already asked to talk about this." in again.content.decode()
    assert Response.objects.count() == 1


def test_asking_to_talk_and_marking_it_talked_about(
    alice, bob, space, shared_entry, alice_client, bob_client
):
    bob_client.post(f"/self/{shared_entry.pk}/respond", {"kind": "talk"})
    run_tasks()
    assert Notification.objects.get(user=alice).message == (
        "Bob would like to talk about something in your self map."
    )
    talk = Response.objects.get()
    page = alice_client.get(f"/self/{shared_entry.pk}/").content.decode()
    assert "Bob would like to talk about this" in page
    # Only the author marks it; the partner gets a 404.
    assert bob_client.post(f"/self/responses/{talk.pk}/resolve").status_code == 404
    assert alice_client.post(f"/self/responses/{talk.pk}/resolve").status_code == 302
    talk.refresh_from_db()
    assert talk.resolved_at is not None
    again = alice_client.post(f"/self/responses/{talk.pk}/resolve")
    assert again.status_code == 409
    # Now Bob may ask again.
    assert (
        bob_client.post(
            f"/self/{shared_entry.pk}/respond", {"kind": "talk"}
        ).status_code
        == 302
    )


def test_nobody_responds_to_their_own_or_a_private_entry(
    alice, bob, space, shared_entry, alice_client, bob_client
):
    assert (
        alice_client.post(
            f"/self/{shared_entry.pk}/respond", {"kind": "thanks"}
        ).status_code
        == 404
    )
    services.entry_unshare(entry=shared_entry, by=alice)
    assert (
        bob_client.post(
            f"/self/{shared_entry.pk}/respond", {"kind": "thanks"}
        ).status_code
        == 404
    )
    assert not Response.objects.exists()


def test_a_response_of_an_unknown_kind_is_refused(
    alice, bob, space, shared_entry, bob_client
):
    response = bob_client.post(f"/self/{shared_entry.pk}/respond", {"kind": "hug"})
    assert response.status_code == 400
    assert "Choose to thank, or to ask to talk." in response.content.decode()
    assert not Response.objects.exists()
