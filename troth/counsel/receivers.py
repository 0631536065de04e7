"""What the counsel app does when another app records something (found by
`troth.lib.hooks.app_modules("receivers")`): a partner leaving closes the
space, and with it every window onto it, in the same transaction."""

from __future__ import annotations

from troth.counsel.services import windows_close_in


def activity_recorded(activity) -> None:
    if activity.verb == "space.left":
        windows_close_in(space=activity.space, now=activity.created)
