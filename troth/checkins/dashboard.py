"""Two cards: the partner's latest status (live) with one-tap statuses, and
today's pulse prompt. Whether the pulse is answered, and the partner's
latest status and when it ends, are Today's facts; the status itself is
fetched only while it is live (one query then, none otherwise)."""

from __future__ import annotations

from django.utils import timezone

from troth.checkins.models import Pulse, Status
from troth.checkins.views import partner_statuses, shown_status
from troth.lib.compiled import compiled
from troth.lib.time import local_today
from troth.spaces.dashboard import exists, today_facts, value_of


def facts(request, membership) -> dict:
    user = request.user
    answered = Pulse.objects.filter(author=user, day=local_today(user.tz))
    # The latest is compiled once for both facts that ask of it.
    latest = compiled(partner_statuses(user, membership.space).values("pk")[:1])
    return {
        "checkins_pulse_answered": exists(answered),
        "checkins_status_latest": value_of(Status.objects.filter(pk__in=latest), "pk"),
        "checkins_status_ends": value_of(
            Status.objects.filter(pk__in=latest), "expires_at"
        ),
    }


def _partner_status(request, membership) -> dict:
    """As `troth.checkins.views.partner_status` (same ETag, so the poll
    answers 304 until something changes), from Today's facts."""
    known = today_facts(request, membership)
    latest = known["checkins_status_latest"]
    ends = known["checkins_status_ends"]
    status = None
    if latest is not None and ends > timezone.now():
        status = Status.objects.select_related("author").filter(pk=latest).first()
    return shown_status(request, latest or 0, status)


def cards(request, membership) -> list[dict]:
    space = membership.space
    answered = today_facts(request, membership)["checkins_pulse_answered"]
    return [
        {
            "template": "checkins/card.html",
            "order": 5,
            # The partner's status leads; before they join, a small tile.
            "place": "top" if space.partner_of(request.user) else "tile",
            "card": {
                **_partner_status(request, membership),
                "can_send": space.is_open,
            },
        },
        {
            "template": "checkins/card_pulse.html",
            "order": 30,
            "place": "lead",
            "card": {"answered": bool(answered)},
        },
    ]
