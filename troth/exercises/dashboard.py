"""The exercises card: what's planned, what waits for my word on how it
went, and one exercise to try. Two queries whatever the history."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.exercises import library
from troth.exercises.models import Session
from troth.exercises.views import waiting_for_log
from troth.lib.needs import Need


def cards(request, membership) -> list[dict]:
    user = request.user
    space = membership.space
    upcoming = (
        Session.objects.visible_to(user)
        .in_space(space)
        .planned()
        .filter(starts_at__gt=timezone.now())
        .order_by("starts_at", "id")
        .first()
    )
    waiting = list(waiting_for_log(user, space)[:2])
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
