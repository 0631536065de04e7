"""The dashboard's own card: who is in the space and how the invitation stands."""

from __future__ import annotations


def cards(request, membership) -> list[dict]:
    space = membership.space
    partner = space.partner_of(request.user)
    former = None
    if not space.is_open:
        former = (
            space.memberships.exclude(user=request.user)
            .select_related("user")
            .order_by("-left_at")
            .first()
        )
    pending = None
    if space.is_open and partner is None:
        pending = space.invitations.pending().order_by("-created").first()
    return [
        {
            "template": "spaces/card_space.html",
            "order": 0,
            "partner": partner,
            "former": former,
            "pending": pending,
        }
    ]
