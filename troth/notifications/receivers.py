"""What the notifications app does when another app records something
(found by `troth.lib.hooks.app_modules("receivers")`; spaces calls it and
never imports notifications)."""

from __future__ import annotations

from troth.notifications.tasks import deliver_activity


def activity_recorded(activity) -> None:
    """Enqueue the notification of an activity meant for someone other than
    its author. Called inside the transaction that saved the activity, so the
    task is enqueued (or rolled back) with it."""
    if (
        activity.recipient_id is not None
        and activity.recipient_id != activity.author_id
    ):
        deliver_activity.enqueue(activity.pk)
