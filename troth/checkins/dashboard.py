"""Two cards: the partner's latest status (live) with one-tap statuses, and
today's pulse prompt. Whether the pulse is answered, and the partner's
latest status itself, are Today's facts: the card costs no query of its own."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from troth.checkins.models import Pulse, Status
from troth.checkins.views import partner_statuses, shown_status
from troth.lib.time import local_today
from troth.spaces.dashboard import exists, row_of, today_facts

# What the status line shows (checkins/index.html#partner_status).
STATUS_FIELDS = (
    "pk",
    "author_id",
    "kind",
    "eta",
    "late_minutes",
    "until",
    "text",
    "created",
    "expires_at",
)


def facts(request, membership) -> dict:
    user = request.user
    answered = Pulse.objects.filter(author=user, day=local_today(user.tz))
    return {
        "checkins_pulse_answered": exists(answered),
        "checkins_status_latest": row_of(
            partner_statuses(user, membership.space), *STATUS_FIELDS
        ),
    }


def _partner_status(request, membership) -> dict:
    """As `troth.checkins.views.partner_status` (same ETag, so the poll
    answers 304 until something changes), from Today's facts."""
    latest = today_facts(request, membership)["checkins_status_latest"]
    status = None
    if latest is not None and latest["expires_at"] > timezone.now():
        status = Status(space=membership.space, **latest)
        partner = membership.space.partner_of(request.user)
        # The author is the partner, whose row the shell has already read.
        if partner is not None and partner.pk == status.author_id:
            status.author = partner
        else:
            status.author = get_user_model().objects.get(pk=status.author_id)
    return shown_status(request, latest["pk"] if latest else 0, status)


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
