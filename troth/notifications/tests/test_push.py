"""Web Push, end to end against a real push service on 127.0.0.1
(pushservice.py): a person turns push on through the API, their partner's
status reaches the device encrypted and signed, neutral by default, once,
and stops when they sign out or reset."""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD, run_tasks
from troth.checkins.models import Kind
from troth.checkins.services import status_send
from troth.notifications import push
from troth.notifications.endpoints import endpoint_problem
from troth.notifications.models import (
    Notification,
    NotificationSettings,
    PushDelivery,
    PushSubscription,
)
from troth.notifications.services import notify
from troth.notifications.tests.pushservice import PushService

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"
NEUTRAL = {
    "title": "You have an update in Troth",
    "body": "You have an update in Troth. Open your updates to see it.",
    "url": settings.BASE_URL + "/notifications/",
}


@pytest.fixture
def service(settings):
    running = PushService()
    settings.TROTH_PUSH_SERVICES = [running.host]
    yield running
    running.close()


def signed_in(user) -> tuple[Client, str]:
    """A browser signed in as `user`, with CSRF checked as in production,
    and the token its script sends in X-CSRFToken."""
    client = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=PHONE)
    client.force_login(user)
    page = client.get("/notifications/push/")
    assert page.status_code == 200
    return client, client.cookies["csrftoken"].value


def subscribe(client: Client, token: str, data) -> Any:
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(
        "/notifications/push/subscriptions",
        body,
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )


def turn_on(user, service: PushService, name: str = "device") -> tuple[Client, int]:
    client, token = signed_in(user)
    response = subscribe(client, token, service.subscription(name))
    assert response.status_code == 201, response.content
    return client, response.json()["id"]


def reauthenticate(client: Client) -> None:
    """The password again, as the reset and account deletion ask."""
    response = client.post(
        "/accounts/reauthenticate/",
        {"password": PASSWORD},
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 302


def send_status(space, alice) -> None:
    status_send(space=space, by=alice, kind=Kind.ON_MY_WAY, minutes=15)


def test_a_status_reaches_the_partners_device_at_once_neutral_and_urgent(
    space, alice, bob, service
):
    client, pk = turn_on(bob, service)
    tapped = time.monotonic()
    send_status(space, alice)
    run_tasks()
    assert time.monotonic() - tapped < 10
    [received] = service.received
    assert received.path == "/push/device"
    assert service.decrypt(received) == NEUTRAL
    assert b"Alice" not in json.dumps(service.decrypt(received)).encode()
    assert received.headers["urgency"] == "high"
    assert received.headers["ttl"] == "900"
    claims = service.claims(received, server_key=push.vapid_public_key())
    assert claims["sub"] == settings.TROTH_VAPID_SUBJECT
    subscription = PushSubscription.objects.get(pk=pk)
    assert subscription.last_delivery_at is not None
    assert subscription.device == "Chrome on Android"
    page = client.get("/settings/sessions").content.decode()
    assert "Devices with push notifications" in page
    assert "Chrome on Android" in page


def test_details_show_only_when_the_person_chose_them(space, alice, bob, service):
    NotificationSettings.objects.create(
        user=bob, outside_details=True, push_categories=["checkins"]
    )
    turn_on(bob, service)
    send_status(space, alice)
    run_tasks()
    message = service.decrypt(service.received[0])
    assert message["title"] == NEUTRAL["title"]
    assert message["body"] == "Alice sent you a status."


def test_quiet_hours_hold_it_back_until_they_end(space, alice, bob, service):
    local = timezone.now().astimezone(bob.tz)
    NotificationSettings.objects.create(
        user=bob,
        push_categories=["checkins"],
        quiet_start=(local - timedelta(hours=1)).time(),
        quiet_end=(local + timedelta(hours=1)).time(),
    )
    turn_on(bob, service)
    send_status(space, alice)
    run_tasks()
    assert service.received == []
    delivery = PushDelivery.objects.get()
    assert delivery.state == PushDelivery.State.PENDING
    assert delivery.send_after > timezone.now() + timedelta(minutes=50)
    # Nothing is due before they end …
    assert push.pushes_send_due(now=delivery.send_after - timedelta(minutes=1)) == 0
    # … and the clock's job sends it once they have.
    assert push.pushes_send_due(now=delivery.send_after + timedelta(seconds=1)) == 1
    assert service.decrypt(service.received[0]) == NEUTRAL


def test_a_category_turned_off_sends_nothing(space, alice, bob, service):
    client, _pk = turn_on(bob, service)
    response = client.post(
        "/notifications/settings",
        {
            "email_enabled": "on",
            "email_categories": ["promises"],
            "push_categories": ["promises"],
        },
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 302
    send_status(space, alice)
    run_tasks()
    assert service.received == []
    assert not PushDelivery.objects.exists()


def test_the_settings_page_shows_both_channels(bob):
    client, _token = signed_in(bob)
    page = client.get("/notifications/settings").content.decode()
    assert 'name="email_categories"' in page
    assert 'name="push_categories"' in page
    assert "/notifications/push/" in page


def test_a_410_deletes_the_subscription(space, alice, bob, service):
    turn_on(bob, service)
    service.answer(410)
    send_status(space, alice)
    run_tasks()
    assert len(service.received) == 1
    assert not PushSubscription.objects.exists()


def test_a_429_is_tried_again_later(space, alice, bob, service):
    turn_on(bob, service)
    service.answer(429, **{"Retry-After": "120"})
    send_status(space, alice)
    run_tasks()
    assert len(service.received) == 1
    delivery = PushDelivery.objects.get()
    assert delivery.state == PushDelivery.State.PENDING
    assert delivery.attempts == 1
    assert delivery.send_after >= timezone.now() + timedelta(seconds=110)
    assert push.pushes_send_due(now=delivery.send_after + timedelta(seconds=1)) == 1
    assert len(service.received) == 2
    assert service.decrypt(service.received[1]) == NEUTRAL
    delivery.refresh_from_db()
    assert delivery.state == PushDelivery.State.SENT


def test_a_redirect_is_not_followed(space, alice, bob, service):
    turn_on(bob, service)
    service.answer(307, Location=f"http://{service.host}/elsewhere")
    send_status(space, alice)
    run_tasks()
    assert [r.path for r in service.received] == ["/push/device"]
    assert PushDelivery.objects.get().state == PushDelivery.State.FAILED


def _pending_delivery(bob) -> PushDelivery:
    notification = notify(user=bob, kind="status.sent", key="twice")
    assert notification is not None
    return PushDelivery.objects.get(notification=notification)


def test_a_rerun_or_a_second_task_sends_once(space, bob, service):
    turn_on(bob, service)
    delivery = _pending_delivery(bob)
    assert push.push_send(delivery.pk) is True
    assert push.push_send(delivery.pk) is False
    assert push.pushes_send_due() == 0
    run_tasks()
    assert len(service.received) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_once(space, bob, service):
    turn_on(bob, service)
    delivery = _pending_delivery(bob)
    start = threading.Barrier(2)
    sent = []

    def worker() -> None:
        start.wait()
        try:
            sent.append(push.push_send(delivery.pk))
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    assert sorted(sent) == [False, True]
    assert len(service.received) == 1


def test_a_stopped_worker_s_claim_is_settled_without_a_second_copy(bob, service):
    turn_on(bob, service)
    long_ago = timezone.now() - timedelta(hours=1)
    never_left = _pending_delivery(bob)
    PushDelivery.objects.filter(pk=never_left.pk).update(
        state=PushDelivery.State.SENDING, claimed_at=long_ago
    )
    maybe_left = PushDelivery.objects.get(
        notification=notify(user=bob, kind="status.sent", key="other")
    )
    PushDelivery.objects.filter(pk=maybe_left.pk).update(
        state=PushDelivery.State.SUBMITTING, claimed_at=long_ago
    )
    assert push.pushes_reclaim() == (1, 1)
    assert push.pushes_send_due() == 1
    assert len(service.received) == 1
    maybe_left.refresh_from_db()
    assert maybe_left.state == PushDelivery.State.UNCERTAIN


def test_signing_out_stops_deliveries_to_that_device(space, alice, bob, service):
    client, _pk = turn_on(bob, service)
    response = client.post(
        "/accounts/logout/", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value
    )
    assert response.status_code == 302
    send_status(space, alice)
    run_tasks()
    assert service.received == []
    assert not PushSubscription.objects.exists()


def test_ending_a_session_from_the_sessions_page_stops_its_deliveries(
    space, alice, bob, service
):
    turn_on(bob, service, "phone")
    laptop, token = signed_in(bob)
    laptop.get("/settings/sessions")
    from allauth.usersessions.models import UserSession

    phone = UserSession.objects.filter(user=bob).order_by("pk").first()
    if phone is None:
        pytest.skip("allauth lists no session made by force_login")
    response = laptop.post(f"/settings/sessions/{phone.pk}/end", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 302
    send_status(space, alice)
    run_tasks()
    assert service.received == []


def test_the_emergency_reset_turns_push_off_everywhere(space, alice, bob, service):
    client, _pk = turn_on(bob, service, "phone")
    turn_on(bob, service, "laptop")
    reauthenticate(client)
    response = client.post(
        "/safety/reset",
        {"confirm": "on"},
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 302
    assert not PushSubscription.objects.filter(user=bob).exists()
    send_status(space, alice)
    run_tasks()
    assert service.received == []


def test_deleting_the_account_deletes_its_devices(bob, service):
    client, _pk = turn_on(bob, service)
    reauthenticate(client)
    response = client.post(
        "/settings/delete",
        {"shared_entries": "withdraw", "confirmation": "delete my account"},
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 200
    assert not PushSubscription.objects.exists()


def test_subscribing_again_updates_the_same_device(bob, service):
    client, token = signed_in(bob)
    first = subscribe(client, token, service.subscription())
    again = subscribe(client, token, service.subscription())
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert PushSubscription.objects.count() == 1


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://push.example.com/send/abc",  # not a push service
        "https://10.0.0.7/push/abc",  # a private address
        "https://169.254.169.254/latest/meta-data",  # link-local
        "https://[::1]/push",  # loopback over https, not listed
        "http://fcm.googleapis.com/fcm/send/abc",  # plain http
        "http://127.0.0.2:9/push",  # loopback but not listed
        "https://user:pw@fcm.googleapis.com/fcm/send/abc",
        "https://fcm.googleapis.com:8443/fcm/send/abc",  # another port
        "ftp://fcm.googleapis.com/x",
        "not a url",
        "",
        None,
    ],
)
def test_an_endpoint_troth_would_not_send_to_is_refused(bob, service, endpoint):
    client, token = signed_in(bob)
    data = service.subscription()
    data["endpoint"] = endpoint
    response = subscribe(client, token, data)
    assert response.status_code == 400
    assert response.json()["error"]
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[]",
        json.dumps({"endpoint": "https://fcm.googleapis.com/fcm/send/x"}),
        json.dumps(
            {
                "endpoint": "https://fcm.googleapis.com/fcm/send/x",
                "keys": {"p256dh": "AAAA", "auth": "AAAA"},
            }
        ),
        "x" * 5000,
    ],
)
def test_a_subscription_that_is_not_right_is_refused(bob, body):
    client, token = signed_in(bob)
    response = subscribe(client, token, body)
    assert response.status_code == 400
    assert response.json()["error"]
    assert not PushSubscription.objects.exists()


def test_subscribing_needs_the_csrf_token(bob, service):
    client, _token = signed_in(bob)
    response = subscribe(client, "wrong", service.subscription())
    assert response.status_code == 403
    assert not PushSubscription.objects.exists()


def test_the_browsers_push_services_are_allowed_by_default(settings):
    settings.TROTH_PUSH_SERVICES = [
        "fcm.googleapis.com",
        "updates.push.services.mozilla.com",
        "*.push.apple.com",
        "*.notify.windows.com",
    ]
    for ok in [
        "https://fcm.googleapis.com/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/abc",
        "https://web.push.apple.com/QGabc",
        "https://wns2-par02p.notify.windows.com/w/?token=abc",
        "https://FCM.googleapis.com./fcm/send/abc",
    ]:
        assert endpoint_problem(ok) is None, ok
    for refused in [
        "https://push.apple.com/x",  # the wildcard needs a name under it
        "https://evilpush.apple.com.example.org/x",
        "https://fcm.googleapis.com.example.org/x",
    ]:
        assert endpoint_problem(refused), refused


def test_only_the_owner_can_remove_a_device(alice, bob, service):
    _client, pk = turn_on(alice, service)
    partner, token = signed_in(bob)
    assert (
        partner.delete(
            f"/notifications/push/subscriptions/{pk}", HTTP_X_CSRFTOKEN=token
        ).status_code
        == 404
    )
    assert (
        partner.post(
            f"/notifications/push/subscriptions/{pk}/delete", HTTP_X_CSRFTOKEN=token
        ).status_code
        == 404
    )
    assert PushSubscription.objects.filter(pk=pk).exists()


def test_the_owner_removes_a_device_by_api_or_form(alice, service):
    client, pk = turn_on(alice, service, "one")
    token = client.cookies["csrftoken"].value
    response = client.delete(
        f"/notifications/push/subscriptions/{pk}", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 204
    other = subscribe(client, token, service.subscription("two")).json()["id"]
    page = client.get("/notifications/push/").content.decode()
    assert "data-push-enable" in page
    assert f'data-vapid-key="{push.vapid_public_key()}"' in page
    assert 'data-subscribe-url="/notifications/push/subscriptions"' in page
    assert "data-push-status" in page
    response = client.post(
        f"/notifications/push/subscriptions/{other}/delete",
        {"next": "/settings/sessions"},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 302
    assert response["Location"] == "/settings/sessions"
    assert not PushSubscription.objects.exists()


def test_the_unread_count_for_the_badges(alice, bob, space):
    notify(user=alice, kind="space.joined", key="one", actor=bob)
    client, _token = signed_in(alice)
    response = client.get("/notifications/unread")
    assert response.json() == {"unread": 1}
    assert "no-store" in response["Cache-Control"]
    assert Client().get("/notifications/unread").status_code == 401
    assert Notification.objects.filter(user=alice).count() == 1


def test_a_listed_name_that_resolves_to_a_private_address_is_not_sent_to(
    space, alice, bob, service, settings
):
    turn_on(bob, service)
    # The name is listed, so the subscription is taken; but it resolves to
    # 127.0.0.1, so nothing leaves (a name can be pointed anywhere later).
    settings.TROTH_PUSH_SERVICES = [f"localhost:{service.port}"]
    PushSubscription.objects.update(
        endpoint=f"https://localhost:{service.port}/push/device"
    )
    send_status(space, alice)
    run_tasks()
    assert service.received == []
    assert PushDelivery.objects.get().state == PushDelivery.State.FAILED


def test_the_hourly_job_forgets_devices_whose_session_ended(bob, service):
    client, _pk = turn_on(bob, service, "kept")
    gone, _token = signed_in(bob)
    subscribe(gone, gone.cookies["csrftoken"].value, service.subscription("gone"))
    gone.logout()
    assert push.push_subscriptions_prune() == 1
    assert [s.endpoint.rsplit("/", 1)[1] for s in PushSubscription.objects.all()] == [
        "kept"
    ]
    page = client.get("/notifications/push/").content.decode()
    assert page.count('data-testid="push-device"') == 1
