"""Builders for disagreements and each partner's view of one, for the demo
and the tests alike (see troth/spaces/builders.py for what a builder is)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from django.utils import timezone

from troth.conflicts.models import PATTERN_FIELDS, Conflict, ConflictView
from troth.lib.content import Visibility
from troth.spaces.builders import build_activity


def _visibility(shared: bool) -> str:
    return Visibility.SHARED if shared else Visibility.PRIVATE


def build_conflict(
    space,
    author,
    *,
    topic: str,
    occurred_at: datetime,
    shared: bool,
    at: datetime | None = None,
) -> Conflict:
    """A disagreement `author` logged at `at` (now, if not given); shared
    when their own view is. Its views are built with `build_view`."""
    return Conflict.objects.create(
        space=space,
        author=author,
        topic=topic,
        occurred_at=occurred_at,
        visibility=_visibility(shared),
        created=at or timezone.now(),
    )


def build_view(
    conflict: Conflict,
    author,
    *,
    shared: bool,
    intensity: int,
    opening: str,
    repaired: str,
    repair_minutes: int | None,
    note: str = "",
    patterns: Collection[str] = (),
    at: datetime | None = None,
) -> ConflictView:
    """`author`'s view of `conflict`, given at `at` (now, if not given), with
    the activity the service records: "logged" for the one who logged it."""
    view = ConflictView.objects.create(
        space=conflict.space,
        author=author,
        conflict=conflict,
        visibility=_visibility(shared),
        intensity=intensity,
        opening=opening,
        repaired=repaired,
        repair_minutes=repair_minutes,
        note=note,
        created=at or timezone.now(),
        **{name: name in patterns for name in PATTERN_FIELDS},
    )
    verb = (
        "conflict.logged" if author.pk == conflict.author_id else "conflict.view_added"
    )
    build_activity(
        conflict.space,
        author,
        verb,
        view,
        at=view.created,
        visibility=view.visibility,
    )
    return view
