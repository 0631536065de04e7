"""goals_moved, from a fixture worked out by hand.

In March 2026 (UTC): alice ticks off 2 steps and bob 1; one step ticked in
March was unticked again (does not count); one step was ticked on
28 February (outside). One goal and one adventure finished in March; one
goal finished on 1 April (outside); carol and dave's step never counts.
Expected: 3 steps (alice 2, bob 1), 1 goal and 1 adventure finished.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from troth.goals import stats
from troth.goals.models import Goal, Milestone, Status
from troth.goals.tests.helpers import adventure, goal, step

pytestmark = pytest.mark.django_db


def at(month, day):
    return datetime(2026, month, day, 12, tzinfo=UTC)


def done(s, when):
    Milestone.objects.filter(pk=s.pk).update(done_at=when)


def finish(g, when):
    Goal.objects.filter(pk=g.pk).update(status=Status.FINISHED, finished_at=when)


def test_goals_moved_in_a_period(
    alice, bob, carol, dave, space, other_space, django_assert_num_queries
):
    g = goal(space, alice)
    done(step(g, alice, alice), at(3, 2))
    done(step(g, alice, alice), at(3, 20))
    done(step(g, alice, bob), at(3, 31))
    step(g, alice, bob)  # ticked and unticked: done_at is empty again
    done(step(g, alice, alice), at(2, 28))
    finish(goal(space, bob), at(3, 15))
    finish(adventure(space, alice), at(3, 16))
    finish(goal(space, alice), at(4, 1))
    done(step(goal(other_space, carol), carol, dave), at(3, 5))
    with django_assert_num_queries(2):
        moved = stats.goals_moved(space, start=at(3, 1), end=at(4, 1))
    assert moved == stats.GoalsMoved(
        milestones_completed=3,
        milestones_by_owner={alice.pk: 2, bob.pk: 1},
        goals_finished=1,
        adventures_finished=1,
    )
    assert moved.finished == 2


def test_nothing_moved(space):
    assert stats.goals_moved(space, start=at(1, 1), end=at(2, 1)) == stats.GoalsMoved(0)
