"""An activity meant for the partner enqueues their notification in the same
transaction, through notifications' `receivers.py` hook (spaces never
imports notifications)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from troth.spaces.models import Activity
from troth.spaces.services import activity_record

pytestmark = pytest.mark.django_db

DELIVER = "troth.notifications.tasks.deliver_activity"


def queued() -> list[list]:
    return [
        r.args_kwargs["args"] for r in DBTaskResult.objects.filter(task_path=DELIVER)
    ]


def test_it_enqueues_the_partners_notification_with_the_activity(space, alice, bob):
    activity = activity_record(
        space=space, actor=alice, verb="moment.noticed", recipient=bob
    )
    assert queued() == [[activity.pk]]


def test_it_enqueues_nothing_for_an_activity_meant_for_no_one_else(space, alice):
    activity_record(space=space, actor=alice, verb="space.created")
    activity_record(space=space, actor=alice, verb="moment.noticed", recipient=alice)
    assert queued() == []


def test_the_task_rolls_back_with_the_activity(space, alice, bob):
    with pytest.raises(RuntimeError), transaction.atomic():
        activity_record(space=space, actor=alice, verb="moment.noticed", recipient=bob)
        raise RuntimeError("the step failed after recording")
    assert not Activity.objects.filter(verb="moment.noticed").exists()
    assert queued() == []


def test_spaces_imports_nothing_from_notifications():
    spaces = Path(__file__).resolve().parents[2] / "spaces"
    found = []
    for path in spaces.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "troth.notifications"
            ):
                found.append(f"{path.name}:{node.lineno}")
            elif isinstance(node, ast.Import):
                found += [
                    f"{path.name}:{node.lineno}"
                    for alias in node.names
                    if alias.name.startswith("troth.notifications")
                ]
    assert found == []
