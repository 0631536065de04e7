"""The exercises tests' own steps, taken through the services as a person
takes them now. Sessions and logs already in the past come from
troth/exercises/builders.py, as the demo's do."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from troth.exercises import services
from troth.exercises.models import Session


def plan(space, author, *, exercise="mirror-then-swap", in_hours: float = 48):
    return services.session_schedule(
        space=space,
        author=author,
        exercise=exercise,
        starts_at=timezone.now() + timedelta(hours=in_hours),
    )


def past(session, *, hours_ago: float = 2):
    """Move a planned session into the past, as time would."""
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=hours_ago)
    )
    session.refresh_from_db()
    return session


def local(hours: float) -> str:
    return (timezone.localtime() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")
