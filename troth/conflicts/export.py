"""The conflicts part of a person's export.

    {"conflicts": [
        {"topic": str | None,          # None: the partner stopped sharing it
         "occurred_at": ISO 8601 UTC | None,
         "logged_by_me": bool,
         "views": [{"by_me": bool, "author": str, "shared": bool,
                    "intensity": 1-5, "opening": str, "patterns": [str],
                    "repaired": "yes"|"partly"|"not_yet",
                    "repair_minutes": int | None, "note": str,
                    "created": ISO 8601}]}]}

Everything the person wrote, and the views their partner shared with them;
never a partner's private view.
"""

from __future__ import annotations

from django.db.models import Prefetch

from troth.conflicts.models import Conflict, ConflictView
from troth.lib.export import when


def _view(view: ConflictView, user) -> dict:
    return {
        "by_me": view.author_id == user.pk,
        "author": str(view.author),
        "shared": view.is_shared,
        "intensity": view.intensity,
        "opening": view.opening,
        "patterns": view.patterns,
        "repaired": view.repaired,
        "repair_minutes": view.repair_minutes,
        "note": view.note or "",
        "created": when(view.created),
    }


def export(user) -> dict:
    visible_views = ConflictView.objects.visible_to(user).select_related("author")
    frames = list(
        Conflict.objects.visible_to(user)
        .prefetch_related(Prefetch("views", queryset=visible_views, to_attr="seen"))
        .order_by("occurred_at", "id")
    )
    entries = [
        {
            "topic": conflict.topic,
            "occurred_at": when(conflict.occurred_at),
            "logged_by_me": conflict.author_id == user.pk,
            "views": [_view(view, user) for view in conflict.seen],
        }
        for conflict in frames
    ]
    # Your own views of conflicts whose frame your partner stopped sharing.
    for view in (
        ConflictView.objects.by(user)
        .exclude(conflict__in=Conflict.objects.visible_to(user))
        .select_related("author")
        .order_by("created", "id")
    ):
        entries.append(
            {
                "topic": None,
                "occurred_at": None,
                "logged_by_me": False,
                "views": [_view(view, user)],
            }
        )
    return {"conflicts": entries}
