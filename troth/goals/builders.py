"""Builders for goals, adventures, their steps and reflections, for the
demo and the tests alike (see troth/spaces/builders.py for what a builder
is). Each records the activity the matching service would, at the same
moment."""

from __future__ import annotations

from datetime import date, datetime

from troth.goals.models import Goal, Kind, Milestone, Reflection, Status
from troth.lib.content import Visibility
from troth.spaces.builders import build_activity


def build_goal(
    space, author, *, title: str, at: datetime, kind: str = Kind.GOAL, **fields
) -> Goal:
    """A shared goal (or, with `kind`, an adventure) started at `at`."""
    goal = Goal.objects.create(
        space=space,
        author=author,
        kind=kind,
        title=title,
        created=at,
        visibility=Visibility.SHARED,
        **fields,
    )
    verb = "adventure.planned" if kind == Kind.ADVENTURE else "goal.created"
    build_activity(space, author, verb, goal, at=at)
    return goal


def build_milestone(
    goal: Goal,
    by,
    owner,
    *,
    title: str,
    target_date: date | None = None,
    done_at: datetime | None = None,
) -> Milestone:
    """A step `by` added to `goal` when it began, for `owner` to do;
    done at `done_at`, if given."""
    step = Milestone.objects.create(
        space=goal.space,
        author=by,
        goal=goal,
        owner=owner,
        title=title,
        created=goal.created,
        target_date=target_date,
        done_at=done_at,
    )
    if done_at:
        build_activity(goal.space, owner, "milestone.done", step, at=done_at)
    return step


def build_finished(goal: Goal, by, *, at: datetime) -> Goal:
    """`by` marked `goal` finished at `at`."""
    Goal.objects.filter(pk=goal.pk).update(
        status=Status.FINISHED, finished_at=at, finished_by=by
    )
    goal.status, goal.finished_at, goal.finished_by = Status.FINISHED, at, by
    build_activity(goal.space, by, "goal.finished", goal, at=at)
    return goal


def build_reflection(goal: Goal, author, *, text: str, at: datetime) -> Reflection:
    """`author`'s shared reflection on a finished `goal`, written at `at`."""
    reflection = Reflection.objects.create(
        space=goal.space,
        author=author,
        goal=goal,
        text=text,
        visibility=Visibility.SHARED,
        created=at,
    )
    build_activity(goal.space, author, "goal.reflected", reflection, at=at)
    return reflection
