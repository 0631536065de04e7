"""The goals part of a person's export.

    {"goals": [
        {"kind": "goal"|"adventure", "title": str, "why": str, "budget": str,
         "target_date": ISO date | None, "start_time": "HH:MM" | None,
         "status": "active"|"finished"|"set_aside", "written_by_me": bool,
         "created": ISO 8601, "finished_at": ISO 8601 | None,
         "steps": [{"title": str, "owner_is_me": bool, "added_by_me": bool,
                    "target_date": ISO date | None, "done_at": ISO 8601 | None}],
         "reflections": [{"by_me": bool, "author": str, "shared": bool,
                          "text": str, "created": ISO 8601}]}]}

Goals and steps are shared by nature; reflections are included when the
person wrote them or their partner shared them.
"""

from __future__ import annotations

from django.db.models import Prefetch

from troth.goals.models import Goal, Milestone, Reflection
from troth.lib.export import when
from troth.lib.exportrows import written


def export(user) -> dict:
    goals = (
        Goal.objects.visible_to(user)
        .prefetch_related(
            Prefetch(
                "milestones",
                queryset=Milestone.objects.visible_to(user).order_by("created", "id"),
                to_attr="seen_steps",
            )
        )
        # One Prefetch per call: django-stubs types several in one call as
        # a list of their common base.
        .prefetch_related(
            Prefetch(
                "reflections",
                queryset=Reflection.objects.visible_to(user).select_related("author"),
                to_attr="seen_reflections",
            ),
        )
        .order_by("created", "id")
    )
    return {
        "goals": [
            {
                "kind": goal.kind,
                "title": goal.title,
                "why": goal.why or "",
                "budget": goal.budget or "",
                "target_date": when(goal.target_date),
                "start_time": goal.start_time.strftime("%H:%M")
                if goal.start_time
                else None,
                "status": goal.status,
                "written_by_me": goal.author_id == user.pk,
                "created": when(goal.created),
                "finished_at": when(goal.finished_at),
                "steps": [
                    {
                        "title": step.title,
                        "owner_is_me": step.owner_id == user.pk,
                        "added_by_me": step.author_id == user.pk,
                        "target_date": when(step.target_date),
                        "done_at": when(step.done_at),
                    }
                    for step in goal.seen_steps
                ],
                "reflections": [
                    written(r, user, text=r.text) for r in goal.seen_reflections
                ],
            }
            for goal in goals
        ]
    }
