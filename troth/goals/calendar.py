"""The adventure's place on the shared calendar (troth/schedule).

Filled in once the calendar's public service is available."""

from __future__ import annotations


def sync_adventure(goal, *, by) -> None:
    return None
