"""A person's dialogues for their export: the dialogues they took part in,
the written turns, and the summaries they can see (kept ones, and their own
private ones)."""

from __future__ import annotations

from typing import Any

from troth.dialogue.models import Dialogue, Summary, Turn
from troth.lib.export import when


def _by_dialogue(model: Any, user, dialogues: list[Dialogue]) -> dict[int, list]:
    """The `model` rows of `dialogues` that `user` may see, with their
    authors, oldest first, by dialogue."""
    rows: dict[int, list] = {}
    for row in (
        model.objects.visible_to(user)
        .filter(dialogue__in=dialogues)
        .select_related("author")
        .order_by("created", "id")
    ):
        rows.setdefault(row.dialogue_id, []).append(row)
    return rows


def export(user) -> dict:
    dialogues = list(
        Dialogue.objects.visible_to(user)
        .select_related("first_sender", "first_receiver")
        .order_by("created")
    )
    turns = _by_dialogue(Turn, user, dialogues)
    summaries = _by_dialogue(Summary, user, dialogues)
    return {
        "dialogues": [
            {
                "mode": d.mode,
                "topic": d.topic or "",
                "first_speaker": str(d.first_sender),
                "first_listener": str(d.first_receiver),
                "status": d.status,
                "started_at": when(d.created),
                "finished_at": when(d.finished_at),
                "turns": [
                    {
                        "by": str(t.author),
                        "round": t.round,
                        "step": t.step,
                        "text": t.text or "",
                        "answer": t.answer,
                        "at": when(t.created),
                    }
                    for t in turns.get(d.pk, [])
                ],
                "summaries": [
                    {
                        "by": str(s.author),
                        "text": s.text,
                        "kept_by_both_at": when(s.kept_at) if s.is_kept else None,
                        "shared": s.visibility == "shared",
                        "at": when(s.created),
                    }
                    for s in summaries.get(d.pk, [])
                ],
            }
            for d in dialogues
        ]
    }
