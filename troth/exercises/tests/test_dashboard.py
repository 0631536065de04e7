"""The exercises card on Today: the next planned session and the latest two
waiting for my word, in one query."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from troth.exercises import dashboard
from troth.exercises.library import EXERCISES
from troth.exercises.models import ExerciseLog, Session
from troth.lib.content import Visibility
from troth.spaces.models import Membership

pytestmark = pytest.mark.django_db


def plan(space, alice, hours: float) -> Session:
    return Session.objects.create(
        space=space,
        author=alice,
        visibility=Visibility.SHARED,
        exercise=EXERCISES[0].slug,
        starts_at=timezone.now() + timedelta(hours=hours),
    )


def test_it_finds_the_next_session_and_the_latest_waiting_in_one_query(
    rf, space, alice, bob
):
    later = plan(space, alice, 48)
    soonest = plan(space, alice, 3)
    told = plan(space, alice, -2)
    ExerciseLog.objects.create(space=space, author=bob, session=told, outcome="helped")
    older = plan(space, alice, -30)
    oldest = plan(space, alice, -50)
    request = rf.get("/")
    request.user = bob
    membership = Membership.objects.select_related("space").get(user=bob)
    with CaptureQueriesContext(connection) as captured:
        (card,) = dashboard.cards(request, membership)
    assert len(captured) == 1
    assert card["card"]["upcoming"] == soonest != later
    assert card["card"]["waiting"] == [older, oldest]
    assert len(card["needs"]) == 2
