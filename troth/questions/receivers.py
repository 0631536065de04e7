"""What the daily question does when someone joins or leaves a space
(found by `troth.lib.hooks.app_modules("receivers")`; spaces calls it and
never imports questions)."""

from __future__ import annotations

from troth.questions.services import round_clock_reset

# Who is in the space changed: its shared day may begin at another moment,
# or it may now have both partners (or no longer).
MEMBERS_CHANGED = {"space.created", "space.joined", "space.left"}


def activity_recorded(activity) -> None:
    """Have the daily job look at the space again on its next tick."""
    if activity.verb in MEMBERS_CHANGED:
        round_clock_reset(space_ids=[activity.space_id])
