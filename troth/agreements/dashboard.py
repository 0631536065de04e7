"""The agreements card: what waits for my answer, what is paused, what is
due for review. One query, however many agreements there are, and only
when there is an agreement (one of Today's facts)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import ngettext

from troth.agreements.models import REMIND_BEFORE, Agreement, Status, VersionState
from troth.lib.needs import Need
from troth.lib.time import local_today
from troth.spaces.dashboard import built_once, exists, today_facts


def _current(request, membership):
    return built_once(
        request,
        "agreements_current",
        lambda: (
            Agreement.objects.visible_to(request.user)
            .filter(space=membership.space)
            .current()
        ),
    )


def facts(request, membership) -> dict:
    return {"agreements_current": exists(_current(request, membership))}


def cards(request, membership) -> list[dict]:
    me = request.user
    if not today_facts(request, membership)["agreements_current"]:
        return []
    agreements = list(
        _current(request, membership)
        .annotate(
            n_waiting=Count(
                "clause_versions",
                filter=Q(clause_versions__state=VersionState.PENDING)
                & ~Q(clause_versions__author=me),
                distinct=True,
            )
        )
        .order_by("-updated", "-id")
    )
    if not agreements:
        return []
    today = local_today(me.tz)
    soon = today + REMIND_BEFORE + dt.timedelta(days=7)
    renewal_waiting = [
        a for a in agreements if a.has_renewal and a.renewal_by_id != me.pk
    ]
    waiting = [a for a in agreements if a.n_waiting] + renewal_waiting
    context = {
        "active": sum(1 for a in agreements if a.status == Status.ACTIVE),
        "waiting": waiting,
        "paused": [a for a in agreements if a.status == Status.PAUSED],
        "review": [
            a
            for a in agreements
            if a.review_on and a.status != Status.PROPOSED and a.review_on <= soon
        ],
    }
    # The dashboard includes the card's template with the whole dict as
    # `card`; the context is also under "card" for a layout that passes it.
    needs = (
        [
            Need(
                ngettext(
                    "An agreement waits for your answer",
                    "%(n)s agreements wait for your answer",
                    len(waiting),
                )
                % {"n": len(waiting)},
                waiting[0].get_absolute_url()
                if len(waiting) == 1
                else reverse("agreements:index"),
            )
        ]
        if waiting
        else []
    )
    return [
        {
            "template": "agreements/card.html",
            "order": 40,
            "card": context,
            "needs": needs,
            **context,
        }
    ]
