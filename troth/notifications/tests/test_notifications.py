from __future__ import annotations

import datetime as dt
import zoneinfo
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from conftest import client_for, make_space, run_tasks
from troth.lib.clock import all_jobs
from troth.notifications.clock import tick
from troth.notifications.models import ClockTick, Notification, NotificationSettings
from troth.notifications.services import notify
from troth.notifications.tasks import send_due_emails, sweep_activities
from troth.spaces import services as spaces

pytestmark = pytest.mark.django_db


def join_via_invitation(inviter, joiner):
    space = spaces.space_create(user=inviter)
    _, token = spaces.invitation_create(space=space, by=inviter)
    spaces.invitation_accept(token=token, user=joiner)
    return space


def test_it_notifies_the_inviter_when_the_partner_joins(alice, bob):
    join_via_invitation(alice, bob)
    run_tasks()
    notification = Notification.objects.get(user=alice)
    assert notification.message == "Bob joined your space."
    assert not Notification.objects.filter(user=bob).exists()


def test_the_inbox_shows_the_unread_count_and_opens_notifications(alice, bob):
    join_via_invitation(alice, bob)
    run_tasks()
    client = client_for(alice)
    home = client.get("/")
    assert b'aria-label="Updates, 1 unread"' in home.content
    inbox = client.get("/notifications/")
    assert b"Bob joined your space." in inbox.content
    notification = Notification.objects.get(user=alice)
    response = client.post(f"/notifications/{notification.pk}/open")
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None
    home = client.get("/").content
    assert b'aria-label="Updates, 1 unread"' not in home
    assert b'class="badge"' not in home


def test_a_partner_cannot_open_the_others_notification(alice, bob):
    join_via_invitation(alice, bob)
    run_tasks()
    notification = Notification.objects.get(user=alice)
    response = client_for(bob).post(f"/notifications/{notification.pk}/open")
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_delivery_is_idempotent_across_reruns_and_workers(alice, bob):
    join_via_invitation(alice, bob)
    run_tasks()
    # A second worker, a restart, or the sweep finding the same activity:
    sweep_activities.call()
    sweep_activities.call()
    assert Notification.objects.filter(user=alice).count() == 1


def test_the_sweep_delivers_an_activity_whose_task_was_lost(alice, bob):
    from django_tasks_db.models import DBTaskResult

    join_via_invitation(alice, bob)
    DBTaskResult.objects.all().delete()
    assert sweep_activities.call() == 1
    assert Notification.objects.filter(user=alice).count() == 1


def test_email_goes_out_once_with_a_neutral_subject(alice, bob):
    join_via_invitation(alice, bob)
    run_tasks()
    assert send_due_emails.call() == 1
    assert send_due_emails.call() == 0  # already sent: a rerun sends nothing
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "You have an update in Troth"
    assert message.to == ["alice@example.com"]
    assert message.alternatives[0].mimetype == "text/html"


def test_no_email_for_categories_not_chosen(alice, bob):
    NotificationSettings.objects.create(user=alice, email_categories=["promises"])
    join_via_invitation(alice, bob)
    run_tasks()
    send_due_emails.call()
    assert mail.outbox == []
    assert Notification.objects.filter(user=alice).exists()  # still in the inbox


def test_quiet_hours_hold_email_until_they_end(alice):
    alice.timezone = "Europe/Berlin"
    alice.save()
    NotificationSettings.objects.create(
        user=alice,
        email_categories=["space"],
        quiet_start=dt.time(22, 0),
        quiet_end=dt.time(7, 0),
    )
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    at = dt.datetime(2026, 3, 28, 23, 30, tzinfo=berlin)  # the night DST starts
    prefs = NotificationSettings.for_user(alice)
    until = prefs.quiet_until(at, berlin)
    assert until == dt.datetime(2026, 3, 29, 7, 0, tzinfo=berlin)
    assert until.astimezone(dt.UTC).hour == 5  # CEST is UTC+2 after the change
    assert (
        prefs.quiet_until(dt.datetime(2026, 3, 28, 12, 0, tzinfo=berlin), berlin)
        is None
    )
    assert (
        prefs.quiet_until(dt.datetime(2026, 3, 29, 6, 59, tzinfo=berlin), berlin)
        == until
    )


def test_notify_is_idempotent_per_key(alice):
    assert notify(user=alice, kind="space.joined", key="k1") is not None
    assert notify(user=alice, kind="space.joined", key="k1") is None
    assert Notification.objects.count() == 1


def test_the_settings_form_rejects_half_quiet_hours(alice):
    client = client_for(alice)
    response = client.post(
        "/notifications/settings", {"email_enabled": "on", "quiet_start": "22:00"}
    )
    assert response.status_code == 400
    assert b"Give both a start and an end" in response.content
    assert not NotificationSettings.objects.filter(user=alice).exists()


def test_the_settings_form_saves(alice):
    client = client_for(alice)
    response = client.post(
        "/notifications/settings",
        {
            "email_enabled": "on",
            "email_categories": ["promises"],
            "quiet_start": "22:00",
            "quiet_end": "07:00",
        },
    )
    assert response.status_code == 302
    prefs = NotificationSettings.objects.get(user=alice)
    assert prefs.email_categories == ["promises"]
    assert prefs.quiet_end == dt.time(7, 0)


def test_the_clock_enqueues_each_slot_once_across_workers():
    now = timezone.now()
    first = tick(now)
    second = tick(now)  # another worker's clock, the same minute
    assert first and second == []
    assert ClockTick.objects.count() == len(first)
    later = tick(now + timedelta(minutes=10))
    # Ten minutes on, every job with a period of ten minutes or less has a
    # new slot; the longer ones (hourly, daily) are not due again yet.
    short = {job.name for job in all_jobs() if job.every <= timedelta(minutes=10)}
    assert short and short <= set(later) <= set(first)


def test_a_partner_who_left_is_not_notified_of_later_activity(alice, bob):
    space = make_space(alice, bob)
    spaces.space_leave(membership=bob.memberships.get())
    spaces.activity_record(space=space, actor=alice, verb="space.joined", recipient=bob)
    run_tasks()
    assert not Notification.objects.filter(user=bob).exists()


def test_the_inbox_says_how_long_ago_and_sets_only_new_updates_apart(alice, bob):
    import html5lib

    join_via_invitation(alice, bob)
    run_tasks()
    new = Notification.objects.get(user=alice)
    new.created = timezone.now() - timedelta(minutes=2, seconds=5)
    new.save()
    Notification.objects.create(
        user=alice,
        kind=new.kind,
        actor=bob,
        key="older",
        created=timezone.now() - timedelta(hours=3, minutes=1),
        read_at=timezone.now(),
    )
    page = client_for(alice).get("/notifications/").content.decode()
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    updates = tree.findall(".//*[@data-testid='update']")
    when = [" ".join(u.find(".//time").text.split()) for u in updates]
    # Said in full, not "2 minutes".
    assert when == ["2 minutes ago", "3 hours ago"]
    # Only the new one is set apart (bold, with a "new" pill); nothing is a
    # run of underlined bold text.
    assert [u.get("class") for u in updates] == ["update update-new", "update"]
    assert "new" in "".join(updates[0].find(".//button").itertext())
    assert "new" not in "".join(updates[1].find(".//button").itertext())
    assert "<strong>" not in page.split('data-testid="notifications"')[1]
    assert "link-button" not in page.split('data-testid="notifications"')[1]
