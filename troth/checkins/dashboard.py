"""Two cards: the partner's latest status (live) with one-tap statuses, and
today's pulse prompt. One query of their own (the status), whatever the
history; whether the pulse is answered is one of Today's facts."""

from __future__ import annotations

from troth.checkins.models import Pulse
from troth.checkins.views import partner_status
from troth.lib.time import local_today
from troth.spaces.dashboard import exists, today_facts


def facts(request, membership) -> dict:
    user = request.user
    answered = Pulse.objects.filter(author=user, day=local_today(user.tz))
    return {"checkins_pulse_answered": exists(answered)}


def cards(request, membership) -> list[dict]:
    space = membership.space
    answered = today_facts(request, membership)["checkins_pulse_answered"]
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
            "card": {"answered": bool(answered)},
        },
    ]
