"""A person's dialogues for their export: the dialogues they took part in,
the written turns, and the summaries they can see (kept ones, and their own
private ones)."""

from __future__ import annotations

from troth.dialogue.models import Dialogue, Summary, Turn
from troth.lib.export import when


def export(user) -> dict:
    dialogues = list(
        Dialogue.objects.visible_to(user)
        .select_related("first_sender", "first_receiver")
        .order_by("created")
    )
    turns: dict[int, list[Turn]] = {}
    for turn in (
        Turn.objects.visible_to(user)
        .filter(dialogue__in=dialogues)
        .select_related("author")
        .order_by("created", "id")
    ):
        turns.setdefault(turn.dialogue_id, []).append(turn)
    summaries: dict[int, list[Summary]] = {}
    for summary in (
        Summary.objects.visible_to(user)
        .filter(dialogue__in=dialogues)
        .select_related("author")
        .order_by("created", "id")
    ):
        summaries.setdefault(summary.dialogue_id, []).append(summary)
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
