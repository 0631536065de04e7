"""A person's repairs for their export: every repair they are part of,
with everything shared in it, and their own private notes, therapy log and
check-ins. Never the partner's private rows: every read is `visible_to`."""

from __future__ import annotations

from troth.lib.export import when
from troth.repair.models import (
    Account,
    ApologyAnswer,
    ApologyVersion,
    ForgivenessCheckin,
    Mirror,
    Note,
    PlanItem,
    Repair,
    RepairEvent,
    TherapySession,
)


def _by_repair(queryset) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in queryset:
        grouped.setdefault(row.repair_id, []).append(row)
    return grouped


def export(user) -> dict:
    repairs = list(
        Repair.objects.visible_to(user)
        .select_related("hurt", "other", "author")
        .order_by("created")
    )

    def rows(model, *related):
        return _by_repair(
            model.objects.visible_to(user)
            .filter(repair__in=repairs)
            .select_related("author", *related)
            .order_by("created", "id")
        )

    # One query per kind of row, for all the person's repairs at once.
    parts = {
        "accounts": rows(Account),
        "mirrors": rows(Mirror),
        "apologies": rows(ApologyVersion),
        "answers": rows(ApologyAnswer, "apology"),
        "plan": rows(PlanItem, "promise", "agreement"),
        "notes": rows(Note),
        "sessions": rows(TherapySession),
        "checkins": rows(ForgivenessCheckin),
        "events": _by_repair(
            RepairEvent.objects.filter(repair__in=repairs)
            .select_related("actor")
            .order_by("created", "id")
        ),
    }
    return {"repairs": [_repair_row(r, parts, user) for r in repairs]}


def _repair_row(r: Repair, parts: dict[str, dict[int, list]], user) -> dict:
    part = {key: grouped.get(r.pk, []) for key, grouped in parts.items()}
    return _repair_facts(r) | _shared_rows(part) | _private_rows(part, user)


def _repair_facts(r: Repair) -> dict:
    return {
        "opened_by": str(r.author),
        "opened_as": r.opened_as,
        "hurt": str(r.hurt),
        "other": str(r.other),
        "what_happened": r.summary,
        "touches": r.touches,
        "seriousness": r.seriousness,
        "phase": r.phase,
        "status": r.status,
        "opened_at": when(r.created),
        "heard_at": when(r.heard_at),
        "closed_at": when(r.resolved_at),
    }


def _shared_rows(part: dict[str, list]) -> dict:
    """What both partners see in one repair."""
    return {
        "accounts": [{"text": a.text, "at": when(a.created)} for a in part["accounts"]],
        "mirrors": [
            {
                "text": m.text,
                "at": when(m.created),
                "answer": m.answer,
                "answer_note": m.answer_note or "",
                "answered_at": when(m.answered_at),
            }
            for m in part["mirrors"]
        ],
        "apologies": [
            {"version": a.number, "text": a.text, "at": when(a.created)}
            for a in part["apologies"]
        ],
        "answers": [
            {
                "version": a.apology.number,
                "answer": a.answer,
                "note": a.note or "",
                "at": when(a.created),
            }
            for a in part["answers"]
        ],
        "plan": [
            {
                "by": str(p.author),
                "promise": p.promise.text if p.promise else None,
                "agreement": p.agreement.title if p.agreement else None,
                "at": when(p.created),
            }
            for p in part["plan"]
        ],
        "history": [
            {
                "what": e.kind,
                "by": str(e.actor),
                "phase": e.phase,
                "answer": e.answer,
                "at": when(e.created),
            }
            for e in part["events"]
        ],
    }


def _private_rows(part: dict[str, list], user) -> dict:
    """The person's own private rows in one repair, never the partner's."""
    return {
        "my_private_notes": [
            {"text": n.text, "at": when(n.created)}
            for n in part["notes"]
            if n.author_id == user.pk
        ],
        "my_therapy_log": [
            {"kind": s.kind, "on": when(s.on), "note": s.note or ""}
            for s in part["sessions"]
            if s.author_id == user.pk
        ],
        "my_forgiveness_checkins": [
            {
                "distance": c.distance,
                "getting_even": c.even,
                "goodwill": c.goodwill,
                "at": when(c.created),
            }
            for c in part["checkins"]
            if c.author_id == user.pk
        ],
    }
