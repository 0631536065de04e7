"""The self-map nudge on the dashboard: what the partner shared lately, and
a question to start from. Three counts, all among Today's facts: no query
of its own, however many entries there are."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from troth.lib.time import local_today
from troth.selfmap.models import Entry
from troth.selfmap.prompts import prompt_of_the_day
from troth.spaces.dashboard import count_of, today_facts

RECENT = timedelta(days=14)


def facts(request, membership) -> dict:
    user = request.user
    space = membership.space
    mine = Entry.objects.visible_to(user).by(user).filter(space=space)
    from_partner = Entry.objects.shared_by_partner(user).filter(
        space=space, shown_at__gte=timezone.now() - RECENT
    )
    return {
        "selfmap_total": count_of(mine),
        "selfmap_shared": count_of(mine.shared()),
        "selfmap_recent_from_partner": count_of(from_partner),
    }


def cards(request, membership) -> list[dict]:
    user = request.user
    known = today_facts(request, membership)
    today = local_today(user.tz, timezone.now())
    return [
        {
            "template": "selfmap/card.html",
            "order": 40,
            "total": known["selfmap_total"],
            "shared": known["selfmap_shared"],
            "recent_from_partner": known["selfmap_recent_from_partner"],
            "prompt": prompt_of_the_day(user.pk, today.toordinal()),
        }
    ]
