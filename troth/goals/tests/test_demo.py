"""The demo couple's goals and adventures."""

from __future__ import annotations

import random

import pytest
from django.utils import timezone

from conftest import client_for, make_space, make_user
from troth.demo import Demo
from troth.goals import demo
from troth.goals.models import Goal, Kind, Reflection, Status

pytestmark = pytest.mark.django_db


def test_it_has_goals_under_way_and_a_finished_adventure(db):
    alex, sam = make_user("alex"), make_user("sam")
    couple = Demo(
        space=make_space(alex, sam),
        alex=alex,
        sam=sam,
        now=timezone.now(),
        rng=random.Random(7),
    )
    demo.populate(couple)
    goals = Goal.objects.filter(kind=Kind.GOAL, status=Status.ACTIVE).with_progress()
    assert goals.count() == 2
    assert all(g.steps_total >= 3 and 0 < g.steps_done < g.steps_total for g in goals)
    finished = Goal.objects.get(kind=Kind.ADVENTURE, status=Status.FINISHED)
    assert {
        r.author for r in Reflection.objects.filter(goal=finished, visibility="shared")
    } == {alex, sam}
    upcoming = Goal.objects.get(kind=Kind.ADVENTURE, status=Status.ACTIVE)
    assert upcoming.event is not None and upcoming.event.visibility == "shared"
    memories = client_for(sam).get("/goals/memories").content.decode()
    assert "Night walk to the lighthouse" in memories
