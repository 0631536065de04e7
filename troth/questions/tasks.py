"""The daily question: put one to every open space with both partners."""

from __future__ import annotations

from django.db.models import Count, Q
from django.tasks import task

from troth.questions.services import round_for_day
from troth.spaces.models import Space


@task()
def assign_daily_questions() -> int:
    """Make today's round for every space that has none yet. Idempotent:
    `round_for_day` makes at most one daily round per space and day.
    Returns how many spaces have today's round."""

    spaces = (
        Space.objects.filter(closed_at__isnull=True)
        .annotate(n=Count("memberships", filter=Q(memberships__left_at__isnull=True)))
        .filter(n__gte=2)
    )
    done = 0
    for space in spaces.iterator(chunk_size=200):
        if round_for_day(space=space) is not None:
            done += 1
    return done
