"""The library, the planned list and the card run the same number of
queries with 10 and with 1,000 planned exercises."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.exercises.library import EXERCISES
from troth.exercises.models import ExerciseLog, Session
from troth.lib.content import Visibility

pytestmark = pytest.mark.django_db

URLS = ["/exercises/", "/exercises/planned/", "/exercises/?theme=conflict"]


def make(space, alice, bob, count: int) -> None:
    now = timezone.now()
    sessions = Session.objects.bulk_create(
        [
            Session(
                space=space,
                author=alice,
                visibility=Visibility.SHARED,
                exercise=EXERCISES[i % len(EXERCISES)].slug,
                starts_at=now + timedelta(hours=(i % 40) - 20),
            )
            for i in range(count)
        ]
    )
    ExerciseLog.objects.bulk_create(
        [
            ExerciseLog(
                space=space,
                author=author,
                session=s,
                outcome="helped",
                visibility=Visibility.SHARED if author == bob else Visibility.PRIVATE,
            )
            for s in sessions
            if s.starts_at < now
            for author in (alice, bob)
        ]
    )


def counts(client) -> list[int]:
    result = []
    for url in URLS:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        result.append(len(captured))
    return result


def card_queries(request_user, space) -> int:
    from django.test import RequestFactory

    from troth.exercises.dashboard import cards
    from troth.spaces.models import Membership

    request = RequestFactory().get("/")
    request.user = request_user
    membership = Membership.objects.get(user=request_user)
    with CaptureQueriesContext(connection) as captured:
        cards(request, membership)
    return len(captured)


def test_pages_and_card_use_constant_queries(alice, bob, space):
    client = client_for(alice)
    make(space, alice, bob, 10)
    counts(client)  # warm the per-process caches
    few = counts(client)
    few_card = card_queries(alice, space)
    make(space, alice, bob, 990)
    assert Session.objects.count() == 1000
    assert counts(client) == few
    assert card_queries(alice, space) == few_card
