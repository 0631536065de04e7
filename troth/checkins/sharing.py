"""What a person shares through check-ins: their daily pulse, if they chose
to. Statuses are messages to the partner, not something shared over time,
so they are not listed (they expire on their own)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.checkins.models import PulseSettings
from troth.checkins.services import pulse_sharing_stop
from troth.lib.sharing import SharedItem

KEY = "pulse"


def shared_by(user, space) -> list[SharedItem]:
    if not PulseSettings.objects.filter(user=user, share=True).exists():
        return []
    return [
        SharedItem(
            group=_("Daily pulse"),
            label=_("Your daily pulse answers and notes"),
            key=KEY,
            detail=_("All days, past and future, while sharing is on"),
        )
    ]


def stop(user, space, key: str) -> bool:
    if key != KEY or not PulseSettings.objects.filter(user=user, share=True).exists():
        return False
    pulse_sharing_stop(user=user)
    return True


def stop_all(user, space) -> int:
    return 1 if stop(user, space, KEY) else 0
