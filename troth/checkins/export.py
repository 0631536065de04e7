"""Check-ins in the personal export (see troth/lib/export.py).

    {"statuses": [{"from": "me"|"partner", "kind", "text", "eta",
                   "late_minutes", "until", "sent", "expires"}],
     "pulses": [{"from": "me"|"partner", "day", "predictability",
                 "dependability", "faith", "understood", "cared_for",
                 "note"}],
     "pulse_settings": {"share", "remind_at"}}

A partner's pulses appear only if they share them; statuses are always
shared with the partner.
"""

from __future__ import annotations

from troth.checkins.models import ITEMS, Pulse, PulseSettings, Status
from troth.lib.export import when


def export(user) -> dict:
    statuses = [
        {
            "from": "me" if s.author_id == user.pk else "partner",
            "kind": s.kind,
            "text": s.text or "",
            "eta": when(s.eta),
            "late_minutes": s.late_minutes,
            "until": when(s.until),
            "sent": when(s.created),
            "expires": when(s.expires_at),
        }
        for s in Status.objects.visible_to(user).order_by("created", "id")
    ]
    pulses = [
        {
            "from": "me" if p.author_id == user.pk else "partner",
            "day": when(p.day),
            **{item: getattr(p, item) for item in ITEMS},
            "note": p.note or "",
        }
        for p in Pulse.objects.visible_to(user).order_by("day", "author_id")
    ]
    prefs = PulseSettings.for_user(user)
    return {
        "statuses": statuses,
        "pulses": pulses,
        "pulse_settings": {
            "share": prefs.share,
            "remind_at": prefs.remind_at.isoformat() if prefs.remind_at else None,
        },
    }
