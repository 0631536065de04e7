"""The goals tests' own steps, taken through the services as a person takes
them now. Goals already in the past (finished, reflected on) come from
troth/goals/builders.py, as the demo's do."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from troth.goals import services


def goal(space, author, *, title="Save for Lisbon", **fields):
    return services.goal_create(space=space, author=author, title=title, **fields)


def adventure(space, author, *, title="Night walk", **fields):
    return services.adventure_plan(space=space, author=author, title=title, **fields)


def step(goal, by, owner, *, title="A step", **fields):
    return services.milestone_add(goal=goal, by=by, owner=owner, title=title, **fields)


def finished(space, author, partner=None):
    g = goal(space, author)
    return services.goal_finish(goal=g, by=partner or author)


def in_days(days: int):
    return timezone.localdate() + timedelta(days=days)
