"""The notifications app's answer to what other apps announce (connected in
`NotificationsConfig.ready()`)."""

from __future__ import annotations

from troth.notifications.tasks import deliver_activity


def activity_recorded(sender, *, activity, **kwargs) -> None:
    """Enqueue the notification of an activity meant for someone other than
    its author. Called inside the transaction that saved the activity, so the
    task is enqueued (or rolled back) with it."""
    if (
        activity.recipient_id is not None
        and activity.recipient_id != activity.author_id
    ):
        deliver_activity.enqueue(activity.pk)
