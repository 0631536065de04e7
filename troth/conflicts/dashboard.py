"""The dashboard card: disagreements waiting for my view, and a way to log one.

No query of its own: how many wait is one of Today's facts. No reminder and no tally: keeping a
conflict diary can itself weigh on a relationship (RESEARCH.md), so the card
only answers "is anything waiting for me?"."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import ngettext

from troth.conflicts.models import Conflict, ConflictView
from troth.lib.needs import Need
from troth.spaces.dashboard import count_of, today_facts


def facts(request, membership) -> dict:
    user = request.user
    waiting = (
        Conflict.objects.visible_to(user)
        .in_space(membership.space)
        .exclude(author=user)
        .exclude(
            Exists(ConflictView.objects.filter(conflict=OuterRef("pk"), author=user))
        )
    )
    return {"conflicts_waiting": count_of(waiting)}


def cards(request, membership) -> list[dict]:
    waiting = today_facts(request, membership)["conflicts_waiting"]
    return [
        {
            "template": "conflicts/card.html",
            "order": 60,
            "card": {"waiting": waiting},
            "needs": [
                Need(
                    ngettext(
                        "Your partner shared a disagreement: add your view if you want",
                        "Your partner shared %(n)s disagreements: add your view if you want",
                        waiting,
                    )
                    % {"n": waiting},
                    reverse("conflicts:index") + "?show=waiting",
                )
            ]
            if waiting
            else [],
        }
    ]
