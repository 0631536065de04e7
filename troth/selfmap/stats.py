"""Figures about the self map, for the audit and insights.

Counts only: never titles or words. What a person shares is counted from
the viewer's side through `visible_to`, so the partner's private entries
are never counted. One query each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q

from troth.selfmap.models import Entry, EntryVersion, Kind, Response


@dataclass(frozen=True)
class SelfMapCounts:
    mine: dict[str, int]  # my entries, by kind
    mine_shared: dict[str, int]  # of those, shared with my partner
    partner_shared: dict[str, int]  # what my partner shares with me, by kind

    @property
    def total_mine(self) -> int:
        return sum(self.mine.values())

    @property
    def total_partner_shared(self) -> int:
        return sum(self.partner_shared.values())


def selfmap_counts(*, user, space) -> SelfMapCounts:
    """Entries by kind: mine, mine shared, and what the partner shares."""
    rows = (
        Entry.objects.visible_to(user)
        .filter(space=space)
        .values("kind")
        .annotate(
            mine=Count("id", filter=Q(author=user)),
            mine_shared=Count("id", filter=Q(author=user, visibility="shared")),
            partner_shared=Count("id", filter=~Q(author=user) & Q(visibility="shared")),
        )
        .order_by()
    )
    counts = {
        name: dict.fromkeys(Kind.values, 0)
        for name in ("mine", "mine_shared", "partner_shared")
    }
    for row in rows:
        counts["mine"][row["kind"]] = row["mine"]
        counts["mine_shared"][row["kind"]] = row["mine_shared"]
        counts["partner_shared"][row["kind"]] = row["partner_shared"]
    return SelfMapCounts(**counts)


def shared_changes_between(*, user, space, start: dt.datetime, end: dt.datetime) -> int:
    """How many wordings of the partner's shared entries reached `user`
    between `start` and `end` (new entries shared, and changes)."""
    return (
        EntryVersion.objects.visible_to(user)
        .filter(entry__space=space, shown_at__range=(start, end))
        .exclude(entry__author=user)
        .count()
    )


def responses_between(
    *, user, space, start: dt.datetime, end: dt.datetime
) -> dict[str, int]:
    """Thank-yous and requests to talk given or received by `user`."""
    rows = (
        Response.objects.visible_to(user)
        .filter(space=space, created__range=(start, end))
        .aggregate(
            thanks_given=Count("id", filter=Q(author=user, kind="thanks")),
            thanks_received=Count("id", filter=~Q(author=user) & Q(kind="thanks")),
            talks_asked=Count("id", filter=Q(author=user, kind="talk")),
            talks_received=Count("id", filter=~Q(author=user) & Q(kind="talk")),
        )
    )
    return rows
