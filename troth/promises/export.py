"""Promises in the personal export (see troth/lib/export.py).

    {"promises": [{"id", "role": "promiser"|"promisee", "text", "due_date",
                   "due_time", "time_zone", "due_at", "state",
                   "renegotiations", "repeats", "made",
                   "history": [{"when", "who": "me"|"partner"|"troth",
                                "what", "note", "old_text", "new_text",
                                "old_due_date", "old_due_time",
                                "new_due_date", "new_due_time"}]}]}

Promises are always shared between the two partners, so each person's
export holds every promise either of them made in a space they can read.
"""

from __future__ import annotations

from django.db.models import Prefetch

from troth.lib.export import when
from troth.promises.models import Promise, PromiseEvent


def _who(actor_id, user) -> str:
    if actor_id is None:
        return "troth"
    return "me" if actor_id == user.pk else "partner"


def export(user) -> dict:
    promises = (
        Promise.objects.visible_to(user)
        .select_related("series")
        .prefetch_related(
            Prefetch("events", queryset=PromiseEvent.objects.order_by("created", "id"))
        )
        .order_by("due_at", "id")
    )
    return {
        "promises": [
            {
                "id": p.pk,
                "role": "promiser" if p.author_id == user.pk else "promisee",
                "text": p.text,
                "due_date": when(p.due_date),
                "due_time": p.due_time.isoformat() if p.due_time else None,
                "time_zone": p.tz,
                "due_at": when(p.due_at),
                "state": p.state,
                "renegotiations": p.renegotiations,
                "repeats": p.series.describe() if p.series else None,
                "made": when(p.created),
                "history": [
                    {
                        "when": when(e.created),
                        "who": _who(e.actor_id, user),
                        "what": e.kind,
                        "note": e.note or "",
                        "old_text": e.old_text or "",
                        "new_text": e.new_text or "",
                        "old_due_date": when(e.old_due_date),
                        "old_due_time": e.old_due_time.isoformat()
                        if e.old_due_time
                        else None,
                        "new_due_date": when(e.new_due_date),
                        "new_due_time": e.new_due_time.isoformat()
                        if e.new_due_time
                        else None,
                    }
                    for e in p.events.all()
                ],
            }
            for p in promises
        ]
    }
