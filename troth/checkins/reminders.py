"""What the pulse reminder does when a person's time zone changes (called
by accounts through `troth.lib.hooks`, see troth/accounts/signals.py)."""

from __future__ import annotations

from troth.checkins.models import LOOK_AT_ONCE, PulseSettings


def timezone_changed(*, user) -> None:
    """Their reminder time now falls at another moment: the job looks at
    them again on its next tick and works it out in the new zone."""
    PulseSettings.objects.filter(user=user, remind_at__isnull=False).update(
        next_remind_at=LOOK_AT_ONCE
    )
