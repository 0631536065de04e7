"""Moments on the dashboard: the partner's recent moments still waiting to
be acknowledged, and a way to note one. How many wait is one of Today's
facts; the first few are one query, only when some wait."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import ngettext

from troth.lib.needs import Need
from troth.lib.time import local_today
from troth.moments.models import Moment
from troth.spaces.dashboard import built_once, count_of, today_facts

RECENT_DAYS = 14
SHOWN = 3


def _waiting(request, membership):
    def build():
        user = request.user
        since = local_today(user.tz) - timedelta(days=RECENT_DAYS)
        return Moment.objects.to_acknowledge(user).filter(
            space=membership.space, occurred_on__gte=since
        )

    return built_once(request, "moments_waiting", build)


def facts(request, membership) -> dict:
    return {"moments_waiting": count_of(_waiting(request, membership))}


def cards(request, membership) -> list[dict]:
    if not membership.space.is_open:
        return []
    count = today_facts(request, membership)["moments_waiting"]
    shown = []
    if count:
        shown = list(_waiting(request, membership).select_related("author")[:SHOWN])
    return [
        {
            "template": "moments/card.html",
            "order": 30,
            "to_acknowledge": shown,
            "to_acknowledge_count": count,
            "needs": [
                Need(
                    ngettext(
                        "%(n)s moment to acknowledge",
                        "%(n)s moments to acknowledge",
                        count,
                    )
                    % {"n": count},
                    reverse("moments:index"),
                )
            ]
            if count
            else [],
        }
    ]
