"""Reminders before events and rituals, and the question after a ritual:
each sent once, however often the jobs run."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from conftest import client_for
from troth.notifications.models import Notification
from troth.schedule.builders import build_reminder
from troth.schedule.jobs import JOBS
from troth.schedule.models import EventReminder, EventVisibility, RitualMark
from troth.schedule.recurrence import floating_utc
from troth.schedule.tasks import ask_ritual_outcomes, remind_upcoming
from troth.schedule.tests.helpers import make_all_day, make_event, make_ritual, rule
from troth.spaces import services as spaces

pytestmark = pytest.mark.django_db

SECRET = "Appointment with Dr Okafor"


def soon(minutes: int) -> datetime:
    return (timezone.now() + timedelta(minutes=minutes)).replace(microsecond=0)


def kinds(user) -> list[str]:
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_the_jobs_are_registered_with_the_clock():
    assert {job.task for job in JOBS} == {remind_upcoming, ask_ritual_outcomes}


def test_both_partners_are_reminded_of_a_ritual_two_hours_before(alice, bob, space):
    make_ritual(alice, space, start=soon(118))
    Notification.objects.all().delete()
    assert remind_upcoming.call() == 2
    for person in (alice, bob):
        notification = Notification.objects.get(user=person)
        assert notification.kind == "ritual.upcoming"
        assert notification.message == "A ritual you share is coming up."
        assert notification.url.startswith("/calendar/events/")


def test_a_reminder_is_sent_once_however_often_the_job_runs(alice, bob, space):
    make_ritual(alice, space, start=soon(118))
    Notification.objects.all().delete()
    assert remind_upcoming.call() == 2
    assert remind_upcoming.call() == 0
    assert remind_upcoming.call() == 0
    assert Notification.objects.count() == 2


def test_it_is_not_sent_too_early(alice, bob, space):
    make_ritual(alice, space, start=soon(180))
    Notification.objects.all().delete()
    assert remind_upcoming.call() == 0


def test_a_reminder_missed_by_far_is_not_sent_late(alice, bob, space):
    # Due 90 minutes ago (the workers were down): too late to be useful.
    make_ritual(alice, space, start=soon(30))
    Notification.objects.all().delete()
    assert remind_upcoming.call() == 0


def test_a_partner_can_turn_a_ritual_reminder_off_or_choose_another(alice, bob, space):
    ritual = make_ritual(alice, space, start=soon(28))
    client_for(bob).post(f"/calendar/events/{ritual.pk}/reminder", {"reminder": "30"})
    client_for(alice).post(f"/calendar/events/{ritual.pk}/reminder", {"reminder": ""})
    Notification.objects.all().delete()
    remind_upcoming.call()
    assert kinds(bob) == ["ritual.upcoming"]
    assert kinds(alice) == []


def test_an_event_reminds_only_those_who_asked(alice, bob, space):
    event = make_event(alice, space, title=SECRET, start=soon(9))
    Notification.objects.all().delete()
    assert remind_upcoming.call() == 0
    response = client_for(bob).post(
        f"/calendar/events/{event.pk}/reminder", {"reminder": "10"}
    )
    assert response.status_code == 302
    assert remind_upcoming.call() == 1
    notification = Notification.objects.get(user=bob)
    assert notification.message == "An event in your calendar starts soon."
    assert SECRET not in notification.message


def test_no_reminder_can_be_set_on_the_partners_busy_time(alice, bob, space):
    event = make_event(alice, space, start=soon(9), visibility=EventVisibility.BUSY)
    response = client_for(bob).post(
        f"/calendar/events/{event.pk}/reminder", {"reminder": "10"}
    )
    assert response.status_code == 404
    assert not EventReminder.objects.exists()


def test_a_reminder_on_an_event_made_private_reaches_only_its_author(alice, bob, space):
    event = make_event(alice, space, start=soon(9))
    build_reminder(event, bob, minutes=10)
    build_reminder(event, alice, minutes=10)
    event.visibility = EventVisibility.PRIVATE
    event.save()
    Notification.objects.all().delete()
    remind_upcoming.call()
    assert kinds(alice) == ["event.upcoming"]
    assert kinds(bob) == []


def test_a_bad_reminder_choice_changes_nothing(alice, space):
    event = make_event(alice, space)
    response = client_for(alice).post(
        f"/calendar/events/{event.pk}/reminder", {"reminder": "17"}
    )
    assert response.status_code == 400
    assert not EventReminder.objects.exists()


def test_an_all_day_event_is_reminded_in_the_morning(alice, space):
    alice.timezone = "UTC"
    alice.save()
    now = timezone.now()
    today = now.date()
    event = make_all_day(alice, space, today, title="Moving day")
    build_reminder(event, alice, minutes=0)
    Notification.objects.all().delete()
    sent = remind_upcoming.call()
    eight = datetime.combine(today, time(8), UTC)
    expected = 1 if eight <= now < eight + timedelta(hours=1) else 0
    assert sent == expected
    assert floating_utc(today) == event.start


def test_after_a_ritual_both_are_asked_whether_it_happened(alice, bob, space):
    ritual = make_ritual(alice, space, start=soon(-150), rrule=rule(freq="WEEKLY"))
    Notification.objects.all().delete()
    RitualMark.objects.create(
        event=ritual, original=ritual.start, user=alice, happened=True
    )
    assert ask_ritual_outcomes.call() == 1  # alice already answered
    notification = Notification.objects.get(user=bob)
    assert notification.kind == "ritual.ask"
    assert notification.message == "Did your ritual happen? Say so for the two of you."
    assert notification.url == ritual.occurrence_url(ritual.start)
    assert ask_ritual_outcomes.call() == 0  # once only


def test_no_one_is_asked_before_the_ritual_ends(alice, bob, space):
    make_ritual(alice, space, start=soon(-60))  # two hours long: not over
    Notification.objects.all().delete()
    assert ask_ritual_outcomes.call() == 0


def test_no_one_is_asked_in_a_closed_space(alice, bob, space):
    make_ritual(alice, space, start=soon(-150))
    spaces.space_leave(membership=bob.memberships.get())
    Notification.objects.all().delete()
    assert ask_ritual_outcomes.call() == 0


def test_an_all_day_reminder_follows_a_change_of_time_zone(alice, bob, space):
    """08:00 on the day is 08:00 where the person is now: after alice moves
    from London to Tokyo her morning comes nine hours earlier in UTC, and
    the job, which reads only the events whose moment has come, is woken
    then (before, it slept until London's morning and the reminder went
    late, or not at all)."""
    for person in (alice, bob):
        person.timezone = "Europe/London"
        person.save()
    day = timezone.now().date() + timedelta(days=3)
    event = make_all_day(alice, space, day, title="Moving day")
    build_reminder(event, alice, minutes=0)
    event.refresh_from_db()
    assert event.next_reminder_at == datetime.combine(day, time(8), UTC)
    response = client_for(alice).post(
        "/settings/",
        {
            "display_name": alice.display_name,
            "timezone": "Asia/Tokyo",
            "language": "en",
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    tokyo_morning = datetime.combine(day, time(8), ZoneInfo("Asia/Tokyo"))
    assert event.next_reminder_at == tokyo_morning
    Notification.objects.all().delete()
    with mock.patch(
        "django.utils.timezone.now", return_value=tokyo_morning + timedelta(minutes=5)
    ):
        assert remind_upcoming.call() == 1
    assert kinds(alice) == ["event.upcoming"]
