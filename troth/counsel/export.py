"""Counsellor windows in the personal export (see troth/lib/export.py).

    {"windows": [
        {"counsellor_name": str, "counsellor_email": str,
         "areas": [str], "pulse_from": ["me"|"partner"],
         "status": str, "days": int, "proposed": ISO 8601,
         "proposed_by": "me"|"partner"|None,
         "opened_on", "ends_on", "renewal_until": ISO 8601 | None,
         "closed": ISO 8601 | None,
         "history": [{"step": str, "by": "me"|"partner"|"counsellor"|None,
                      "when": ISO 8601}],
         "notes": [{"text": str, "created": ISO 8601}],
         "suggestions": [{"exercise": slug, "note": str | None,
                          "created": ISO 8601}],
         "access": [{"area": str, "day": ISO 8601, "at": ISO 8601}]}],
     "as_counsellor": {
        "notes": [{"window": int, "text": str, "created": ISO 8601}],
        "suggestions": [{"window": int, "exercise": slug, "note": str | None,
                         "created": ISO 8601}]}}

A partner's part: the windows of the spaces they can read (as the window
page shows them), with the counsellor's notes and suggestions and the access
log. A counsellor's part: what they wrote in the windows they held. The
invitation's secret is never in it (only its hash is kept).
"""

from __future__ import annotations

from django.db.models import Prefetch

from troth.counsel.models import Access, Note, Suggestion, Window, WindowEvent
from troth.lib.content import partner_space_ids
from troth.lib.export import when


def _who(pk: int | None, user, counsellor_id: int | None) -> str | None:
    if pk is None:
        return None
    if pk == user.pk:
        return "me"
    return "counsellor" if pk == counsellor_id else "partner"


def _window(window, user, rows: dict[str, list]) -> dict:
    """One window as `user` reads it; `rows` its notes, suggestions and
    access log."""
    return {
        "counsellor_name": window.counsellor_name,
        "counsellor_email": window.counsellor_email,
        "areas": list(window.areas),
        "pulse_from": [
            "me" if pk == user.pk else "partner" for pk in window.pulse_from
        ],
        "status": window.status,
        "days": window.days,
        "proposed": when(window.created),
        "proposed_by": _who(window.proposed_by_id, user, None),
        "opened_on": when(window.opened_on),
        "ends_on": when(window.ends_on),
        "renewal_until": when(window.renewal_until),
        "closed": when(window.closed_at),
        "history": [
            {
                "step": event.kind,
                "by": _who(event.actor_id, user, window.counsellor_id),
                "when": when(event.created),
            }
            for event in window.seen_events
        ],
        "notes": [
            {"text": note.text, "created": when(note.created)} for note in rows["notes"]
        ],
        "suggestions": [
            {"exercise": s.exercise, "note": s.note, "created": when(s.created)}
            for s in rows["suggestions"]
        ],
        "access": [
            {"area": row.area, "day": when(row.day), "at": when(row.at)}
            for row in rows["access"]
        ],
    }


def _as_counsellor(user) -> dict:
    notes = Note.objects.filter(author=user).order_by("created", "id")
    suggestions = Suggestion.objects.filter(author=user).order_by("created", "id")
    return {
        "notes": [
            {"window": n.window_id, "text": n.text, "created": when(n.created)}
            for n in notes
        ],
        "suggestions": [
            {
                "window": s.window_id,
                "exercise": s.exercise,
                "note": s.note,
                "created": when(s.created),
            }
            for s in suggestions
        ],
    }


def _by_window(model, ids: list[int]) -> dict[int, list]:
    """The rows of `model` on the windows `ids`, oldest first, per window
    (notes, suggestions and the access log have no reverse relation)."""
    found: dict[int, list] = {}
    for row in model.objects.filter(window_id__in=ids).order_by("id"):
        found.setdefault(row.window_id, []).append(row)
    return found


def export(user) -> dict:
    windows = list(
        Window.objects.filter(space_id__in=partner_space_ids(user))
        .order_by("created", "id")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=WindowEvent.objects.order_by("created", "id"),
                to_attr="seen_events",
            )
        )
    )
    ids = [w.pk for w in windows]
    notes, suggestions, access = (
        _by_window(model, ids) for model in (Note, Suggestion, Access)
    )
    return {
        "windows": [
            _window(
                w,
                user,
                {
                    "notes": notes.get(w.pk, []),
                    "suggestions": suggestions.get(w.pk, []),
                    "access": access.get(w.pk, []),
                },
            )
            for w in windows
        ],
        "as_counsellor": _as_counsellor(user),
    }
