"""Reminders before a goal's target date and a step's date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from troth.goals import services
from troth.goals.models import Goal, Milestone
from troth.goals.tasks import remind_target_dates
from troth.goals.tests.helpers import goal, step
from troth.notifications.models import Notification
from troth.spaces import services as spaces

pytestmark = pytest.mark.django_db


def set_date(model, obj, when):
    model.objects.filter(pk=obj.pk).update(target_date=when)


def test_it_reminds_both_once_before_the_target_date(alice, bob, space):
    g = goal(space, alice)
    set_date(Goal, g, timezone.now().date() + timedelta(days=2))
    assert remind_target_dates.call() == 2
    assert remind_target_dates.call() == 0  # a rerun adds nothing
    reminders = Notification.objects.filter(kind="goal.due_soon")
    assert {n.user for n in reminders} == {alice, bob}
    assert reminders.first().message == "A shared goal's target date is coming up."
    # A new date reminds once more.
    set_date(Goal, g, timezone.now().date() + timedelta(days=3))
    assert remind_target_dates.call() == 2


def test_it_reminds_the_owner_of_a_step(alice, bob, space):
    g = goal(space, alice)
    s = step(g, alice, bob)
    set_date(Milestone, s, timezone.now().date() + timedelta(days=1))
    remind_target_dates.call()
    reminder = Notification.objects.get(kind="milestone.due_soon")
    assert reminder.user == bob
    assert reminder.url == f"/goals/{g.pk}/"


def test_done_steps_finished_goals_and_far_dates_are_left_alone(alice, bob, space):
    g = goal(space, alice)
    s = step(g, alice, alice)
    services.milestone_complete(milestone=s, by=alice)
    set_date(Milestone, s, timezone.now().date())
    later = goal(space, alice)
    set_date(Goal, later, timezone.now().date() + timedelta(days=10))
    other = goal(space, alice)
    set_date(Goal, other, timezone.now().date())
    services.goal_finish(goal=other, by=alice)
    assert remind_target_dates.call() == 0


def test_soon_is_in_each_persons_own_day(alice, bob, space):
    """At 23:00 UTC a person in Auckland is already on the next day."""
    alice.timezone = "Pacific/Auckland"
    alice.save()
    bob.timezone = "America/Los_Angeles"
    bob.save()
    g = goal(space, alice)
    now = datetime(2026, 5, 10, 23, 0, tzinfo=UTC)
    # Target: 14 May. Auckland is on 11 May (3 days left: reminded);
    # Los Angeles is on 10 May (4 days left: not yet).
    set_date(Goal, g, datetime(2026, 5, 14).date())
    with mock.patch("django.utils.timezone.now", return_value=now):
        remind_target_dates.call()
    assert [n.user for n in Notification.objects.filter(kind="goal.due_soon")] == [
        alice
    ]


def test_nobody_is_reminded_in_a_closed_space(alice, bob, space):
    g = goal(space, alice)
    set_date(Goal, g, timezone.now().date())
    spaces.space_leave(membership=bob.memberships.get())
    assert remind_target_dates.call() == 0
