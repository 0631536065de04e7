"""The goals card: reflections waiting for me, my steps due soon, and the
next adventure. The tile shows the first of these there is, so whether
each is there is one of Today's facts and only that one is read: one
query at most, whatever the history."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.goals.models import Goal, Kind, Milestone, Reflection, Status
from troth.lib.needs import Need
from troth.spaces.dashboard import built_once, exists, today_facts

SHOWN = 3
SOON_DAYS = 7
REFLECT_DAYS = 60  # how long a finished goal keeps asking for a reflection


def _to_reflect(user, space):
    return (
        Goal.objects.visible_to(user)
        .in_space(space)
        .finished()
        .filter(finished_at__gte=timezone.now() - timedelta(days=REFLECT_DAYS))
        .exclude(Exists(Reflection.objects.filter(goal=OuterRef("pk"), author=user)))
        .order_by("-finished_at")
    )


def _my_steps(user, space):
    today = timezone.localdate()
    return (
        Milestone.objects.visible_to(user)
        .filter(
            space=space,
            owner=user,
            done_at__isnull=True,
            goal__status=Status.ACTIVE,
            target_date__lte=today + timedelta(days=SOON_DAYS),
        )
        .order_by("target_date", "id")
    )


def _next_adventure(user, space):
    return (
        Goal.objects.visible_to(user)
        .in_space(space)
        .active()
        .filter(kind=Kind.ADVENTURE, target_date__gte=timezone.localdate())
        .order_by("target_date", "start_time", "id")
    )


def _built(request, membership, rows) -> QuerySet:
    return built_once(
        request, f"goals{rows.__name__}", lambda: rows(request.user, membership.space)
    )


def facts(request, membership) -> dict:
    return {
        "goals_to_reflect": exists(_built(request, membership, _to_reflect)),
        "goals_my_steps": exists(_built(request, membership, _my_steps)),
        "goals_next_adventure": exists(_built(request, membership, _next_adventure)),
    }


def cards(request, membership) -> list[dict]:
    known = today_facts(request, membership)
    to_reflect: list = []
    my_steps: list = []
    next_adventure = None
    # Every goal to reflect on waits for the person (the needs); otherwise
    # the tile names one thing, the first there is.
    if known["goals_to_reflect"]:
        to_reflect = list(_built(request, membership, _to_reflect)[:SHOWN])
    elif known["goals_my_steps"]:
        my_steps = list(
            _built(request, membership, _my_steps).select_related("goal")[:SHOWN]
        )
    elif known["goals_next_adventure"]:
        next_adventure = _built(request, membership, _next_adventure).first()
    return [
        {
            "template": "goals/card.html",
            "order": 70,
            "card": {
                "to_reflect": to_reflect,
                "my_steps": my_steps,
                "next_adventure": next_adventure,
                "today": timezone.localdate(),
            },
            "needs": [
                Need(
                    _("A few words about “%(title)s”?") % {"title": goal.title},
                    reverse("goals:reflect", args=[goal.pk]),
                )
                for goal in to_reflect
            ],
        }
    ]
