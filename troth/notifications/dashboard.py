"""Notifications on Today: no card, one first step (how to be told)."""

from __future__ import annotations

from django.db.models import Exists
from django.utils.translation import gettext_lazy

from troth.notifications.models import NotificationSettings
from troth.spaces.firstrun import Step


def cards(request, membership) -> list[dict]:
    return []


def first_steps(membership) -> list[Step]:
    """For the first-run checklist: settings saved once count as chosen."""
    chosen = NotificationSettings.objects.filter(user_id=membership.user_id)
    return [
        Step(
            "notifications",
            gettext_lazy("How you want to be told"),
            "notifications:settings",
            50,
            Exists(chosen),
        )
    ]
