"""What a person shares in exercises: logs of how an exercise went.
Planned exercises are for both partners and always shared, like the
calendar event they come with; they are not listed here."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.exercises.models import ExerciseLog
from troth.exercises.services import log_stop
from troth.lib.sharing import SharedItem


def _shared(user, space):
    return (
        ExerciseLog.objects.by(user)
        .in_space(space)
        .shared()
        .select_related("session")
        .order_by("-created", "-id")
    )


def shared_by(user, space) -> list[SharedItem]:
    return [
        SharedItem(
            group=_("Exercises"),
            label=_("How “%(title)s” went for you") % {"title": log.session.title},
            key=f"log:{log.pk}",
        )
        for log in _shared(user, space)
    ]


def stop(user, space, key: str) -> bool:
    kind, _sep, raw = key.partition(":")
    if kind != "log" or not raw.isdigit():
        return False
    log = _shared(user, space).filter(pk=int(raw)).first()
    if log is None:
        return False
    log_stop(log=log, by=user)
    return True


def stop_all(user, space) -> int:
    stopped = 0
    for log in _shared(user, space):
        log_stop(log=log, by=user)
        stopped += 1
    return stopped
