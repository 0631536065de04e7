"""Two gentle reminders per planned exercise, each at most once per person:
a couple of hours before it starts, and a day after it, to say how it went
(only to someone who hasn't). Keys name the session and its time, so reruns,
restarts and second workers add nothing, and a moved time reminds again."""

from __future__ import annotations

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from troth.exercises.models import ExerciseLog, Session
from troth.notifications.services import notify
from troth.spaces.models import Membership

BEFORE = timedelta(hours=2)
ASK_AFTER = timedelta(days=1)
ASK_UNTIL = timedelta(days=3)


@task()
def remind_exercises() -> int:
    now = timezone.now()
    soon = list(
        Session.objects.planned()
        .filter(
            starts_at__gt=now,
            starts_at__lte=now + BEFORE,
            space__closed_at__isnull=True,
        )
        .select_related("space")
    )
    past = list(
        Session.objects.planned()
        .filter(
            starts_at__lte=now - ASK_AFTER,
            starts_at__gt=now - ASK_UNTIL,
            space__closed_at__isnull=True,
        )
        .select_related("space")
    )
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
    sent = 0
    for session in soon:
        for user in members.get(session.space_id, []):
            sent += bool(
                notify(
                    user=user,
                    kind="exercise.soon",
                    key=f"exercise.soon:{session.pk}:{session.starts_at.isoformat()}",
                    target=session,
                    space=session.space,
                )
            )
    for session in past:
        for user in members.get(session.space_id, []):
            if (session.pk, user.pk) in logged:
                continue
            sent += bool(
                notify(
                    user=user,
                    kind="exercise.log_prompt",
                    key=f"exercise.log_prompt:{session.pk}",
                    target=session,
                    space=session.space,
                )
            )
    return sent
