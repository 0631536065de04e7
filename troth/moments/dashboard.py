"""Moments on the dashboard: the partner's recent moments still waiting to
be acknowledged, and a way to note one. Two queries."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import ngettext

from troth.lib.needs import Need
from troth.lib.time import local_today
from troth.moments.models import Moment

RECENT_DAYS = 14
SHOWN = 3


def cards(request, membership) -> list[dict]:
    user = request.user
    space = membership.space
    if not space.is_open:
        return []
    since = local_today(user.tz) - timedelta(days=RECENT_DAYS)
    waiting = Moment.objects.to_acknowledge(user).filter(
        space=space, occurred_on__gte=since
    )
    shown = list(waiting.select_related("author")[:SHOWN])
    count = len(shown) if len(shown) < SHOWN else waiting.count()
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
