"""Two gentle reminders per planned exercise, each at most once per person:
a couple of hours before it starts, and a day after it, to say how it went
(only to someone who hasn't). Keys name the session and its time, so reruns,
restarts and second workers add nothing, and a moved time reminds again."""

from __future__ import annotations

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from troth.exercises.models import ExerciseLog, Session
from troth.notifications.models import Notification
from troth.notifications.services import notify
from troth.spaces.models import Membership

BEFORE = timedelta(hours=2)
ASK_AFTER = timedelta(days=1)
ASK_UNTIL = timedelta(days=3)


def _planned_between(after, until) -> list[Session]:
    """Planned sessions of open spaces that start after `after`, until
    `until`."""
    return list(
        Session.objects.planned()
        .filter(
            starts_at__gt=after, starts_at__lte=until, space__closed_at__isnull=True
        )
        .select_related("space")
    )


def _remind(session: Session, people, kind: str, key: str, told: set) -> int:
    """Remind each of `people` of `session`, once per `key`; how many were
    new. Those in `told` already were, and are not tried again."""
    return sum(
        bool(notify(user=user, kind=kind, key=key, target=session, space=session.space))
        for user in people
        if (user.pk, key) not in told
    )


def _soon_key(session: Session) -> str:
    return f"exercise.soon:{session.pk}:{session.starts_at.isoformat()}"


def _ask_key(session: Session) -> str:
    return f"exercise.log_prompt:{session.pk}"


@task()
def remind_exercises() -> int:
    now = timezone.now()
    soon = _planned_between(now, now + BEFORE)
    past = _planned_between(now - ASK_UNTIL, now - ASK_AFTER)
    spaces = {s.space_id for s in soon + past}
    members: dict[int, list] = {}
    for membership in (
        Membership.objects.active().filter(space_id__in=spaces).select_related("user")
    ):
        members.setdefault(membership.space_id, []).append(membership.user)
    logged = set(
        ExerciseLog.objects.filter(session__in=past).values_list(
            "session_id", "author_id"
        )
    )
    # The reminders already given, in one query (by the notifications'
    # unique index), instead of a failing INSERT for each on every tick.
    keys = [_soon_key(s) for s in soon] + [_ask_key(s) for s in past]
    told = (
        set(
            Notification.objects.filter(
                user__in=[u.pk for users in members.values() for u in users],
                key__in=keys,
            ).values_list("user_id", "key")
        )
        if keys
        else set()
    )
    sent = 0
    for session in soon:
        sent += _remind(
            session,
            members.get(session.space_id, []),
            "exercise.soon",
            _soon_key(session),
            told,
        )
    for session in past:
        sent += _remind(
            session,
            [
                user
                for user in members.get(session.space_id, [])
                if (session.pk, user.pk) not in logged
            ],
            "exercise.log_prompt",
            _ask_key(session),
            told,
        )
    return sent
