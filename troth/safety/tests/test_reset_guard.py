"""The emergency reset asks who you are first, offers a password change
next, and withdraws the partner's notifications that would now lead to a
404 (troth/safety/views.py, troth/safety/services.py)."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import PASSWORD, client_for, run_tasks
from troth.accounts.tests.helpers import LAPTOP, signed_in
from troth.moments import services as moments
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def is_signed_in(client: Client) -> bool:
    return client.get("/settings/").status_code == 200


def shared_moment_bob_was_told_about(space, alice, bob):
    moment = moments.moment_create(
        space=space, by=alice, about="self", kind="showed_up", share=True
    )
    run_tasks()
    told = Notification.objects.get(user=bob, target_id=moment.pk)
    bob_client = client_for(bob)
    assert bob_client.get(told.url).status_code == 200
    return moment, told, bob_client


def test_a_session_alone_cannot_reset(alice, bob, space):
    """Someone holding the signed-in phone, not knowing the password."""
    phone = client_for(alice)  # signed in long ago: no recent proof
    laptop = signed_in(alice, ua=LAPTOP)
    moment, told, _ = shared_moment_bob_was_told_about(space, alice, bob)

    response = phone.post("/safety/reset", {"confirm": "on"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert is_signed_in(laptop)
    moment.refresh_from_db()
    assert moment.is_shared
    assert Notification.objects.filter(pk=told.pk).exists()


def test_with_the_password_the_reset_goes_ahead_and_offers_a_new_one(alice, bob, space):
    phone = client_for(alice)
    laptop = signed_in(alice, ua=LAPTOP)
    asked = phone.post("/safety/reset", {"confirm": "on"})

    done = phone.post(asked["Location"], {"password": PASSWORD}, follow=True)

    assert done.redirect_chain[-1][0] == "/safety/reset/next"
    assert not is_signed_in(laptop)
    page = done.content.decode()
    first_step = page.index("1. Change your password")
    assert page.index('href="/accounts/password/change/"') > first_step


def test_a_wrong_password_resets_nothing(alice, bob, space):
    phone = client_for(alice)
    laptop = signed_in(alice, ua=LAPTOP)
    asked = phone.post("/safety/reset", {"confirm": "on"})
    refused = phone.post(asked["Location"], {"password": "not the password"})
    assert refused.status_code == 200
    assert is_signed_in(laptop)


def test_the_page_says_the_password_comes_first(alice, space):
    page = signed_in(alice).get("/safety/reset").content.decode()
    assert "asks for your password (or your passkey)" in page


def test_the_reset_withdraws_notifications_that_would_now_be_a_404(alice, bob, space):
    moment, told, bob_client = shared_moment_bob_was_told_about(space, alice, bob)
    own = moments.moment_create(
        space=space, by=bob, about="self", kind="showed_up", share=True
    )
    run_tasks()
    alice_told = Notification.objects.get(user=alice, target_id=own.pk)

    alice_client = signed_in(alice)
    alice_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    alice_client.post("/safety/reset", {"confirm": "on"})

    assert bob_client.get(told.url).status_code == 404
    assert not Notification.objects.filter(pk=told.pk).exists()
    inbox = bob_client.get("/notifications/")
    assert inbox.status_code == 200 and told.url not in inbox.content.decode()
    # What still leads somewhere stays: Alice's own inbox is untouched.
    assert Notification.objects.filter(pk=alice_told.pk).exists()


def test_stopping_one_thing_withdraws_its_notification_too(alice, bob, space):
    moment, told, bob_client = shared_moment_bob_was_told_about(space, alice, bob)
    response = client_for(alice).post(
        "/safety/stop", {"app": "moments", "key": f"moment:{moment.pk}"}
    )
    assert response.status_code == 302
    assert not Notification.objects.filter(pk=told.pk).exists()
