"""Moments in a person's export: every moment they noted, the moments their
partner shares with them, and their own private bid log. Never the
partner's private moments, and never the partner's bid log.

Keys:
- `my_moments`: `id`, `about` (partner/self), `kind`, `note`, `occurred_on`,
  `shared`, `created`, `acknowledged_at`, `acknowledgement`.
- `shared_with_me`: the partner's moments I may see: the same keys, with
  `by` instead of `shared` and `created`.
- `my_bid_log`: `occurred_at`, `response` (toward/away/against), `note`.
"""

from __future__ import annotations

from troth.lib.export import when
from troth.moments.models import Bid, Moment


def _moment(moment: Moment, user) -> dict:
    data: dict[str, object] = {
        "id": moment.pk,
        "about": moment.about,
        "kind": moment.kind,
        "note": moment.note or "",
        "occurred_on": when(moment.occurred_on),
        "acknowledged_at": when(moment.acknowledged_at),
        "acknowledgement": moment.ack or None,
    }
    if moment.author_id == user.pk:
        data["shared"] = moment.is_shared
        data["created"] = when(moment.created)
    else:
        data["by"] = str(moment.author)
    return data


def export(user) -> dict:
    moments = (
        Moment.objects.visible_to(user)
        .select_related("author")
        .order_by("occurred_on", "id")
    )
    mine: list[dict] = []
    theirs: list[dict] = []
    for moment in moments:
        (mine if moment.author_id == user.pk else theirs).append(_moment(moment, user))
    bids = [
        {
            "occurred_at": when(bid.occurred_at),
            "response": bid.response,
            "note": bid.note or "",
        }
        for bid in Bid.objects.visible_to(user).order_by("occurred_at", "id")
    ]
    return {"my_moments": mine, "shared_with_me": theirs, "my_bid_log": bids}
