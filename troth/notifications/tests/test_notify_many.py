"""A thousand notices at once: `notify_many` and the email batches cost a
fixed number of queries however many items they hold, make each notice
exactly once whatever another worker did meanwhile, and keep every rule
`notify` applies to one (categories, quiet hours, target, actor, space)."""

from __future__ import annotations

import datetime as dt
import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.crowd import crowd
from troth.notifications import services
from troth.notifications.models import (
    Notification,
    NotificationSettings,
    PushDelivery,
    PushSubscription,
)
from troth.notifications.services import emails_send, emails_send_due, notify_many

pytestmark = pytest.mark.django_db

Email = Notification.Email


def items_for(couples, key: str = "k") -> list[dict]:
    """One notice to each partner of each couple, from the other."""
    return [
        {
            "user": user,
            "kind": "promise.due_soon",
            "key": f"{key}:{user.pk}",
            "actor": other,
            "space": space,
        }
        for space, a, b in couples
        for user, other in ((a, b), (b, a))
    ]


def cost(function, *args) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = function(*args)
    return len(captured), result


# Cost ---------------------------------------------------------------------


def test_notifying_fifty_people_costs_the_same_queries_as_two():
    few, many = crowd(1), crowd(25)
    small, made_few = cost(notify_many, items_for(few))
    large, made_many = cost(notify_many, items_for(many))
    assert (len(made_few), len(made_many)) == (2, 50)
    assert small == large
    assert Notification.objects.count() == 52


def test_sending_fifty_emails_costs_the_same_queries_as_two():
    couples = crowd(52)
    for _space, a, _b in couples:
        NotificationSettings.objects.create(user=a, email_categories=["promises"])
    made = notify_many(
        {"user": a, "kind": "promise.due_soon", "key": "due"} for _s, a, _b in couples
    )
    ids = sorted(n.pk for n in made)
    small, sent_few = cost(emails_send, ids[:2])
    large, sent_many = cost(emails_send, ids[2:])
    assert (sent_few, sent_many) == (2, 50)
    assert small == large
    assert len(mail.outbox) == 52


def test_a_thousand_due_emails_go_out_in_a_few_queries_a_batch(alice):
    Notification.objects.bulk_create(
        Notification(user=alice, kind="space.joined", key=f"due:{n}")
        for n in range(1000)
    )
    queries, sent = cost(emails_send_due)
    assert sent == 1000
    batches = 1000 // services.EMAIL_BATCH + 1  # the last one finds none
    assert queries <= 10 * batches
    assert len(mail.outbox) == 1000


# Exactly once -------------------------------------------------------------


def test_each_notice_is_made_once_across_two_runs(alice, bob):
    couples = crowd(3)
    assert len(notify_many(items_for(couples))) == 6
    assert notify_many(items_for(couples)) == []
    assert Notification.objects.count() == 6


def test_a_notice_another_worker_made_meanwhile_is_not_made_or_counted_again():
    couples = crowd(2)
    items = items_for(couples)
    # Worker B found all four new; worker A made two of them first.
    notify_many(items[:2])
    with mock.patch.object(services, "unsent", side_effect=lambda pairs: set(pairs)):
        made = notify_many(items)
    assert sorted(n.key for n in made) == sorted(item["key"] for item in items[2:])
    assert all(n.pk for n in made)
    assert Notification.objects.count() == 4


def test_the_same_person_and_key_twice_in_one_batch_is_one_notice(alice):
    item = {"user": alice, "kind": "space.joined", "key": "twice"}
    assert len(notify_many([item, dict(item)])) == 1
    assert Notification.objects.filter(user=alice).count() == 1


def test_two_workers_sending_the_same_batch_send_each_email_once(alice):
    made = notify_many(
        {"user": alice, "kind": "space.joined", "key": f"k{n}"} for n in range(5)
    )
    ids = [n.pk for n in made]
    assert emails_send(ids) == 5
    assert emails_send(ids) == 0
    assert len(mail.outbox) == 5
    assert set(Notification.objects.values_list("email", flat=True)) == {Email.SENT}


def test_one_email_that_fails_is_skipped_and_the_others_go(alice):
    made = notify_many(
        {"user": alice, "kind": "space.joined", "key": f"k{n}"} for n in range(3)
    )
    real = services.email_render
    calls = []

    def render(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise ValueError("a broken template")
        return real(**kwargs)

    with mock.patch.object(services, "email_render", side_effect=render):
        assert emails_send([n.pk for n in made]) == 2
    states = sorted(Notification.objects.values_list("email", flat=True))
    assert states == [Email.SENT, Email.SENT, Email.SKIPPED]
    assert len(mail.outbox) == 2


# The rules of one notice, in bulk ------------------------------------------


def test_each_person_s_choices_hold_in_one_batch(space, alice, bob, carol):
    """Quiet hours hold one person's email back; another who wants no email
    for the category gets the notice without one; the third, on the
    defaults, gets both at once."""
    now = timezone.now()
    NotificationSettings.objects.create(
        user=alice,
        email_categories=["promises"],
        quiet_start=(now - timedelta(hours=1)).time(),
        quiet_end=(now + timedelta(hours=1)).time(),
    )
    NotificationSettings.objects.create(user=bob, email_categories=["space"])
    made = notify_many(
        {
            "user": user,
            "kind": kind,
            "key": "rules",
            "actor": bob if user != bob else alice,
            "target": space if user == carol else None,
        }
        for user, kind in (
            (alice, "promise.due_soon"),
            (bob, "promise.due_soon"),
            (carol, "space.joined"),
        )
    )
    by_user = {n.user: Notification.objects.get(pk=n.pk) for n in made}
    assert by_user[alice].email == Email.PENDING
    assert by_user[alice].email_after > now + timedelta(minutes=30)
    assert by_user[bob].email == Email.SKIPPED
    assert by_user[carol].email == Email.PENDING
    assert by_user[carol].email_after <= timezone.now()
    assert by_user[alice].actor == bob and by_user[bob].actor == alice
    assert by_user[carol].target_type == ContentType.objects.get_for_model(space)
    assert by_user[carol].target_id == space.pk
    assert emails_send_due() == 1  # carol's; alice's after her quiet hours
    assert mail.outbox[0].to == [carol.email]


def test_a_given_url_space_and_target_are_kept(space, alice):
    (made,) = notify_many(
        [
            {
                "user": alice,
                "kind": "pulse.reminder",
                "key": "url",
                "url": "/checkins/pulse",
                "space": space,
            }
        ]
    )
    saved = Notification.objects.get(pk=made.pk)
    assert (saved.url, saved.space, saved.actor) == ("/checkins/pulse", space, None)
    assert saved.message  # its words, from the kind


def device(user, name: str, *, signed_in: bool) -> PushSubscription:
    expires = timezone.now() + (timedelta(days=1) if signed_in else -timedelta(days=1))
    Session.objects.create(session_key=name, session_data="", expire_date=expires)
    return PushSubscription.objects.create(
        user=user,
        endpoint=f"https://push.example.test/{name}",
        p256dh="k",
        auth="a",
        session_digest=name,
    )


def test_push_goes_to_each_signed_in_device_and_ended_ones_are_forgotten(
    alice, bob, carol
):
    phone = device(alice, "alice-phone", signed_in=True)
    device(alice, "alice-old", signed_in=False)
    laptop = device(bob, "bob-laptop", signed_in=True)
    NotificationSettings.objects.create(user=bob, push_categories=["space"])
    made = notify_many(
        {"user": user, "kind": "promise.due_soon", "key": "push"}
        for user in (alice, bob, carol)
    )
    assert len(made) == 3
    # Bob wants no push for promises; carol has no device.
    assert list(PushDelivery.objects.values_list("subscription", flat=True)) == [
        phone.pk
    ]
    assert set(PushSubscription.objects.values_list("pk", flat=True)) == {
        phone.pk,
        laptop.pk,
    }


def test_quiet_hours_hold_push_back_too(alice):
    device(alice, "alice-phone", signed_in=True)
    now = timezone.now()
    NotificationSettings.objects.create(
        user=alice,
        quiet_start=(now - timedelta(hours=1)).time(),
        quiet_end=(now + timedelta(hours=1)).time(),
    )
    notify_many([{"user": alice, "kind": "promise.due_soon", "key": "quiet"}])
    delivery = PushDelivery.objects.get()
    assert delivery.send_after > now + timedelta(minutes=30)
    assert delivery.send_after == delivery.notification.email_after


def test_quiet_hours_are_read_in_each_person_s_own_zone(alice, bob):
    """Alice (UTC) and Bob (thirteen hours ahead) choose the same quiet hours:
    the same moment is inside them for one and outside for the other."""
    now = dt.datetime(2026, 11, 4, 3, 0, tzinfo=dt.UTC)
    alice.timezone, bob.timezone = "UTC", "Pacific/Auckland"
    alice.save()
    bob.save()
    for user in (alice, bob):
        NotificationSettings.objects.create(
            user=user,
            email_categories=["promises"],
            quiet_start=dt.time(1, 0),
            quiet_end=dt.time(6, 0),
        )
    with mock.patch("django.utils.timezone.now", return_value=now):
        made = notify_many(
            {"user": user, "kind": "promise.due_soon", "key": "tz"}
            for user in (alice, bob)
        )
    after = {n.user: n.email_after for n in made}
    assert after[alice] == now.replace(hour=6)
    assert after[bob] == now


# Several workers share one PostgreSQL (docs/architecture.md); the test
# database of SQLite is in memory, where a second writer fails at once
# instead of waiting its turn as it does on a file.
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="several workers: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_email_once(alice):
    Notification.objects.bulk_create(
        Notification(user=alice, kind="space.joined", key=f"due:{n}")
        for n in range(250)
    )
    start = threading.Barrier(2)
    sent: list[int] = []

    def worker() -> None:
        start.wait()
        try:
            sent.append(emails_send_due())
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    assert len(sent) == 2 and sum(sent) == 250
    assert len(mail.outbox) == 250
    assert set(Notification.objects.values_list("email", flat=True)) == {Email.SENT}
