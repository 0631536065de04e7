"""Reminders before a planned exercise and one gentle question afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from troth.exercises import services
from troth.exercises.models import Session
from troth.exercises.tasks import remind_exercises
from troth.exercises.tests.helpers import plan
from troth.notifications.models import Notification
from troth.spaces import services as spaces

pytestmark = pytest.mark.django_db


def move(session, delta):
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() + delta)


def test_both_are_reminded_once_before_it_starts(alice, bob, space):
    session = plan(space, alice)
    move(session, timedelta(hours=1))
    assert remind_exercises.call() == 2
    assert remind_exercises.call() == 0
    reminders = Notification.objects.filter(kind="exercise.soon")
    assert {n.user for n in reminders} == {alice, bob}
    assert reminders.first().url == f"/exercises/planned/{session.pk}/"


def test_after_a_day_only_who_hasnt_logged_is_asked_once(alice, bob, space):
    session = plan(space, alice)
    move(session, -timedelta(hours=25))
    services.log_save(session=Session.objects.get(), author=alice, outcome="helped")
    assert remind_exercises.call() == 1
    assert remind_exercises.call() == 0
    assert Notification.objects.get(kind="exercise.log_prompt").user == bob


def test_called_off_far_off_and_old_sessions_are_left_alone(alice, bob, space):
    cancelled = plan(space, alice, in_hours=1)
    services.session_cancel(session=cancelled, by=alice)
    plan(space, alice, in_hours=30)
    old = plan(space, alice)
    move(old, -timedelta(days=5))
    assert remind_exercises.call() == 0


def test_nobody_is_reminded_in_a_closed_space(alice, bob, space):
    session = plan(space, alice)
    move(session, timedelta(hours=1))
    spaces.space_leave(membership=bob.memberships.get())
    assert remind_exercises.call() == 0
