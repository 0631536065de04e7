"""Goal lists, memories and the dashboard card run the same number of
queries with 10 and with 1,000 goals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.goals.models import Goal, Kind, Milestone, Reflection, Status
from troth.lib.content import Visibility

pytestmark = pytest.mark.django_db

URLS = ["/goals/", "/goals/?show=aside", "/goals/memories", "/"]


def make(space, alice, bob, count: int) -> None:
    now = timezone.now()
    today = timezone.localdate()
    goals = Goal.objects.bulk_create(
        [
            Goal(
                space=space,
                author=alice,
                visibility=Visibility.SHARED,
                kind=Kind.ADVENTURE if i % 2 else Kind.GOAL,
                title=f"Goal {i}",
                target_date=today + timedelta(days=i % 30),
                status=[Status.ACTIVE, Status.SET_ASIDE, Status.FINISHED][i % 3],
                finished_at=now - timedelta(days=i % 50) if i % 3 == 2 else None,
            )
            for i in range(count)
        ]
    )
    Milestone.objects.bulk_create(
        [
            Milestone(
                space=space,
                author=alice,
                goal=g,
                owner=owner,
                title="Step",
                visibility=Visibility.SHARED,
                target_date=today,
                done_at=now if owner == bob else None,
            )
            for g in goals
            for owner in (alice, bob)
        ]
    )
    Reflection.objects.bulk_create(
        [
            Reflection(
                space=space,
                author=bob,
                goal=g,
                text="Nice",
                visibility=Visibility.SHARED,
            )
            for g in goals
            if g.status == Status.FINISHED
        ]
    )


def counts(client) -> list[int]:
    result = []
    for url in URLS:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        result.append(len(captured))
    return result


def test_list_pages_use_constant_queries(alice, bob, space):
    client = client_for(alice)
    make(space, alice, bob, 10)
    counts(client)  # warm the per-process caches
    few = counts(client)
    make(space, alice, bob, 990)
    assert Goal.objects.count() == 1000
    assert counts(client) == few


def test_a_goals_page_uses_the_same_queries_with_3_steps_and_with_40(alice, bob, space):
    """One query per step's people would grow with the steps (an N+1)."""
    today = timezone.localdate()
    goal = Goal.objects.create(
        space=space, author=alice, visibility=Visibility.SHARED, title="Move house"
    )

    def steps(count: int, first: int) -> None:
        Milestone.objects.bulk_create(
            [
                Milestone(
                    space=space,
                    author=alice if i % 2 else bob,
                    goal=goal,
                    owner=bob if i % 3 else alice,
                    title=f"Step {first + i}",
                    visibility=Visibility.SHARED,
                    target_date=today,
                    done_at=timezone.now() if i % 4 == 0 else None,
                )
                for i in range(count)
            ]
        )

    client = client_for(alice)
    url = f"/goals/{goal.pk}/"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            assert response.status_code == 200
        return len(captured)

    steps(3, 0)
    queries()  # warm the per-process caches
    few = queries()
    steps(37, 3)
    assert "Step 39" in client.get(url).content.decode()
    assert queries() == few
