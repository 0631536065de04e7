"""The goals builders leave what a person's steps through the services
leave: the goal in the same state and an activity with the same verb, so
the demo's months of goals read like lived ones."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from troth.goals import services
from troth.goals.builders import (
    build_finished,
    build_goal,
    build_milestone,
    build_reflection,
)
from troth.goals.models import Kind, Status
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db


def verbs(target) -> list[str]:
    return list(
        Activity.objects.filter(
            target_type=ContentType.objects.get_for_model(target), target_id=target.pk
        )
        .order_by("id")
        .values_list("verb", flat=True)
    )


def test_a_goal_and_an_adventure_are_announced_alike(space, alice):
    now = timezone.now()
    lived = services.goal_create(space=space, author=alice, title="Save")
    built = build_goal(space, alice, title="Save", at=now)
    assert (built.kind, built.visibility) == (lived.kind, lived.visibility)
    assert verbs(built) == verbs(lived) == ["goal.created"]
    lived = services.adventure_plan(space=space, author=alice, title="Walk")
    built = build_goal(space, alice, title="Walk", at=now, kind=Kind.ADVENTURE)
    assert built.kind == lived.kind == Kind.ADVENTURE
    assert verbs(built) == verbs(lived) == ["adventure.planned"]


def test_a_done_step_a_finish_and_a_reflection_read_alike(space, alice, bob):
    now = timezone.now()
    lived = services.goal_create(space=space, author=alice, title="Save")
    step = services.milestone_add(goal=lived, by=alice, owner=bob, title="Open")
    services.milestone_complete(milestone=step, by=bob)
    services.goal_finish(goal=lived, by=bob)
    reflection = services.reflection_save(goal=lived, author=alice, text="Good.")

    built = build_goal(space, alice, title="Save", at=now)
    built_step = build_milestone(built, alice, bob, title="Open", done_at=now)
    build_finished(built, bob, at=now)
    built_reflection = build_reflection(built, alice, text="Good.", at=now)

    lived.refresh_from_db()
    built.refresh_from_db()
    assert built.status == lived.status == Status.FINISHED
    assert built.finished_by == lived.finished_by == bob
    # The services also note a step being added; the builder keeps only
    # the done step the partner was told about (as the demo always has).
    assert "milestone.done" in verbs(step)
    assert verbs(built_step) == ["milestone.done"]
    assert verbs(built)[-1] == verbs(lived)[-1] == "goal.finished"
    assert verbs(built_reflection) == verbs(reflection) == ["goal.reflected"]
