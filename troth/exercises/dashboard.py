"""The exercises card: what's planned, what waits for my word on how it
went, and one exercise to try. One query whatever the history."""

from __future__ import annotations

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.exercises import library
from troth.exercises.models import Session
from troth.exercises.views import waiting_for_log
from troth.lib.compiled import compiled
from troth.lib.needs import Need


def cards(request, membership) -> list[dict]:
    """One query: the next planned session and the two latest waiting for
    my word are picked by subqueries, each row saying which it is."""
    user = request.user
    space = membership.space
    sessions = Session.objects.visible_to(user).in_space(space)
    # Each subquery is compiled once, though it both picks rows and marks them.
    next_one = Q(
        pk__in=compiled(
            sessions.planned()
            .filter(starts_at__gt=timezone.now())
            .order_by("starts_at", "id")
            .values("pk")[:1]
        )
    )
    latest = Q(pk__in=compiled(waiting_for_log(user, space).values("pk")[:2]))
    rows = list(
        sessions.filter(next_one | latest)
        .annotate(
            is_next=ExpressionWrapper(next_one, output_field=BooleanField()),
            is_waiting=ExpressionWrapper(latest, output_field=BooleanField()),
        )
        .order_by("-starts_at", "-id")
    )
    upcoming = next((session for session in rows if session.is_next), None)
    waiting = [session for session in rows if session.is_waiting]
    suggestion = library.suggestion_for(timezone.localdate())
    return [
        {
            "template": "exercises/card.html",
            "order": 80,
            "card": {
                "upcoming": upcoming,
                "waiting": waiting,
                "suggestion": suggestion,
            },
            "needs": [
                Need(
                    _("How did “%(title)s” go for you?") % {"title": session.title},
                    reverse("exercises:log", args=[session.pk]),
                )
                for session in waiting
            ],
        }
    ]
