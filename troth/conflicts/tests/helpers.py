"""The conflicts tests' own steps, taken through the services as a person
takes them now. Disagreements already in the past come from
troth/conflicts/builders.py, as the demo's do."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from troth.conflicts import services
from troth.lib.content import Visibility

VIEW = {
    "intensity": 3,
    "opening": "gentle",
    "patterns": set(),
    "repaired": "yes",
    "repair_minutes": 60,
    "note": "",
}


def log(
    space,
    author,
    *,
    topic: str = "The holiday budget",
    when: datetime | None = None,
    shared: bool = False,
    **view,
):
    return services.conflict_log(
        space=space,
        author=author,
        topic=topic,
        occurred_at=when or timezone.now() - timedelta(hours=3),
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        **{**VIEW, **view},
    )


def add(conflict, author, *, shared: bool = False, **view):
    return services.conflict_view_add(
        conflict=conflict,
        author=author,
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        **{**VIEW, **view},
    )


def form_data(**overrides) -> dict:
    data = {
        "topic": "The holiday budget",
        "occurred_at": (timezone.localtime() - timedelta(hours=2)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "intensity": "3",
        "opening": "gentle",
        "repaired": "yes",
        "repair_minutes": "60",
        "note": "",
        "visibility": "private",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
