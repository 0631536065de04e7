"""Exercise reminders cost what is due, not how many couples exist
(issue 14): with every reminder in its window already given, a tick is the
same few queries for one couple and for thirty, and tries no INSERT."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.crowd import crowd, tick_cost
from troth.exercises.models import Session
from troth.exercises.tasks import remind_exercises
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def with_history(n: int) -> None:
    """`n` couples, each with sessions long past, one next month, one in an
    hour and one two days ago, both partners reminded of those two."""
    couples = crowd(n)
    now = timezone.now()
    rows = []
    for space, alice, _bob in couples:
        common = {"space": space, "author": alice, "exercise": "stress-reducing"}
        rows += [
            Session(starts_at=now - dt.timedelta(days=d), **common) for d in (30, 60)
        ]
        rows += [
            Session(starts_at=now + dt.timedelta(days=30), **common),
            Session(starts_at=now + dt.timedelta(hours=1), **common),
            Session(starts_at=now - dt.timedelta(days=2), **common),
        ]
    sessions = Session.objects.bulk_create(rows)
    by_space = {space.pk: pair for space, *pair in couples}
    told = []
    for session in sessions:
        ahead = session.starts_at - now
        if dt.timedelta(0) < ahead <= dt.timedelta(hours=2):
            key = f"exercise.soon:{session.pk}:{session.starts_at.isoformat()}"
        elif -dt.timedelta(days=3) < ahead <= -dt.timedelta(days=1):
            key = f"exercise.log_prompt:{session.pk}"
        else:
            continue
        told += [
            Notification(user=person, kind=key.split(":")[0], key=key)
            for person in by_space[session.space_id]
        ]
    Notification.objects.bulk_create(told)


def count() -> tuple[int, int, bool]:
    return tick_cost(remind_exercises)


def test_with_everything_told_a_tick_costs_the_same_for_one_couple_or_thirty():
    with_history(1)
    one = count()
    with_history(29)
    thirty = count()
    assert one == thirty == (5, 0, False)
