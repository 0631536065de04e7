"""The goals card: reflections waiting for me, my steps due soon, and the
next adventure. Three queries whatever the history."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.goals.models import Goal, Kind, Milestone, Reflection, Status
from troth.lib.needs import Need

SHOWN = 3
SOON_DAYS = 7
REFLECT_DAYS = 60  # how long a finished goal keeps asking for a reflection


def cards(request, membership) -> list[dict]:
    user = request.user
    space = membership.space
    today = timezone.localdate()
    goals = Goal.objects.visible_to(user).in_space(space)
    to_reflect = list(
        goals.finished()
        .filter(finished_at__gte=timezone.now() - timedelta(days=REFLECT_DAYS))
        .exclude(Exists(Reflection.objects.filter(goal=OuterRef("pk"), author=user)))
        .order_by("-finished_at")[:SHOWN]
    )
    my_steps = list(
        Milestone.objects.visible_to(user)
        .filter(
            space=space,
            owner=user,
            done_at__isnull=True,
            goal__status=Status.ACTIVE,
            target_date__lte=today + timedelta(days=SOON_DAYS),
        )
        .select_related("goal")
        .order_by("target_date", "id")[:SHOWN]
    )
    next_adventure = (
        goals.active()
        .filter(kind=Kind.ADVENTURE, target_date__gte=today)
        .order_by("target_date", "start_time", "id")
        .first()
    )
    return [
        {
            "template": "goals/card.html",
            "order": 70,
            "card": {
                "to_reflect": to_reflect,
                "my_steps": my_steps,
                "next_adventure": next_adventure,
                "today": today,
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
