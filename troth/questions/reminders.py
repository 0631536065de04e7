"""What the daily question does when a person's time zone changes (called
by accounts through `troth.lib.hooks`, see troth/accounts/signals.py)."""

from __future__ import annotations

from troth.questions.services import round_clock_reset
from troth.spaces.models import Membership


def timezone_changed(*, user) -> None:
    """Their space's next day begins at another moment: the job looks at
    it again on its next tick and works it out with the new zone."""
    round_clock_reset(
        space_ids=Membership.objects.active()
        .filter(user=user)
        .values_list("space_id", flat=True)
    )
