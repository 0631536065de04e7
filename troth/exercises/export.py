"""The exercises part of a person's export.

    {"exercises": [
        {"exercise": slug, "title": str, "starts_at": ISO 8601,
         "planned_by_me": bool, "cancelled_at": ISO 8601 | None,
         "logs": [{"by_me": bool, "author": str, "shared": bool,
                   "outcome": "helped"|"mixed"|"hard"|"skipped",
                   "note": str, "created": ISO 8601}]}]}

Planned exercises are shared by nature; logs are included when the person
wrote them or their partner shared them.
"""

from __future__ import annotations

from django.db.models import Prefetch

from troth.exercises.models import ExerciseLog, Session
from troth.lib.export import when
from troth.lib.exportrows import written


def export(user) -> dict:
    sessions = (
        Session.objects.visible_to(user)
        .prefetch_related(
            Prefetch(
                "logs",
                queryset=ExerciseLog.objects.visible_to(user).select_related("author"),
                to_attr="seen_logs",
            )
        )
        .order_by("starts_at", "id")
    )
    return {
        "exercises": [
            {
                "exercise": session.exercise,
                "title": session.title,
                "starts_at": when(session.starts_at),
                "planned_by_me": session.author_id == user.pk,
                "cancelled_at": when(session.cancelled_at),
                "logs": [
                    written(log, user, outcome=log.outcome, note=log.note or "")
                    for log in session.seen_logs
                ],
            }
            for session in sessions
        ]
    }
