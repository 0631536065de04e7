"""Two cards: the partner's latest status (live) with one-tap statuses, and
today's pulse prompt. Two queries in all, whatever the history."""

from __future__ import annotations

from troth.checkins.models import Pulse
from troth.checkins.views import partner_status
from troth.lib.time import local_today


def cards(request, membership) -> list[dict]:
    space = membership.space
    answered = Pulse.objects.filter(
        author=request.user, day=local_today(request.user.tz)
    ).exists()
    return [
        {
            "template": "checkins/card.html",
            "order": 5,
            # The partner's status leads; before they join, a small tile.
            "place": "top" if space.partner_of(request.user) else "tile",
            "card": {**partner_status(request, membership), "can_send": space.is_open},
        },
        {
            "template": "checkins/card_pulse.html",
            "order": 30,
            "place": "lead",
            "card": {"answered": answered},
        },
    ]
