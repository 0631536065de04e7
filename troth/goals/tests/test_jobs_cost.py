"""Reminders before target dates cost what is due, not how many couples
exist (issue 14): with every reminder in the window already given, a tick
is the same few queries for one couple and for thirty, and tries no
INSERT."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.crowd import crowd, tick_cost
from troth.goals.models import Goal
from troth.goals.tasks import remind_target_dates
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def with_history(n: int) -> None:
    """`n` couples, each with goals finished long ago, one far ahead, and
    one due in two days that both partners were reminded of."""
    couples = crowd(n)
    today = timezone.now().date()
    rows = []
    for space, alice, _bob in couples:
        common = {"space": space, "author": alice, "title": "Walk"}
        rows += [
            Goal(status="finished", target_date=today - dt.timedelta(days=d), **common)
            for d in (30, 60, 90)
        ]
        rows.append(Goal(target_date=today + dt.timedelta(days=90), **common))
        rows.append(Goal(target_date=today + dt.timedelta(days=2), **common))
    goals = Goal.objects.bulk_create(rows)
    by_space = {space.pk: pair for space, *pair in couples}
    Notification.objects.bulk_create(
        Notification(
            user=person,
            kind="goal.due_soon",
            key=f"goal.due_soon:{goal.pk}:{goal.target_date}",
        )
        for goal in goals
        if goal.status == "active"
        and goal.target_date is not None
        and goal.target_date < today + dt.timedelta(days=9)
        for person in by_space[goal.space_id]
    )


def count() -> tuple[int, int, bool]:
    return tick_cost(remind_target_dates)


def test_with_everything_told_a_tick_costs_the_same_for_one_couple_or_thirty():
    with_history(1)
    one = count()
    with_history(29)
    thirty = count()
    assert one == thirty == (4, 0, False)
