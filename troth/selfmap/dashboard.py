"""The self-map nudge on the dashboard: what the partner shared lately, and
a question to start from. Two queries, however many entries there are."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from troth.lib.time import local_today
from troth.selfmap.models import Entry
from troth.selfmap.prompts import prompt_of_the_day

RECENT = timedelta(days=14)


def cards(request, membership) -> list[dict]:
    user = request.user
    space = membership.space
    now = timezone.now()
    mine = (
        Entry.objects.visible_to(user)
        .by(user)
        .filter(space=space)
        .aggregate(total=Count("id"), shared=Count("id", filter=Q(visibility="shared")))
    )
    recent_from_partner = (
        Entry.objects.shared_by_partner(user)
        .filter(space=space, shown_at__gte=now - RECENT)
        .count()
    )
    today = local_today(user.tz, now)
    return [
        {
            "template": "selfmap/card.html",
            "order": 40,
            "total": mine["total"],
            "shared": mine["shared"],
            "recent_from_partner": recent_from_partner,
            "prompt": prompt_of_the_day(user.pk, today.toordinal()),
        }
    ]
