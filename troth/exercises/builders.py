"""Builders for exercise sessions and what each partner logged after one,
for the demo and the tests alike (see troth/spaces/builders.py for what a
builder is). Each records the activity the matching service would."""

from __future__ import annotations

from datetime import datetime

from troth.exercises import calendar
from troth.exercises.models import ExerciseLog, Session
from troth.lib.content import Visibility
from troth.spaces.builders import build_activity


def build_session(
    space,
    author,
    *,
    exercise: str,
    starts_at: datetime,
    at: datetime,
    in_calendar: bool = False,
) -> Session:
    """A session of `exercise` that `author` planned at `at`; with
    `in_calendar`, on the shared calendar too, as a coming one is."""
    session = Session.objects.create(
        space=space,
        author=author,
        visibility=Visibility.SHARED,
        exercise=exercise,
        starts_at=starts_at,
        created=at,
    )
    if in_calendar:
        session.event = calendar.add_event(session, by=author)
        session.save(update_fields=["event"])
    build_activity(space, author, "exercise.scheduled", session, at=at)
    return session


def build_log(
    session: Session, author, *, outcome: str, note: str, shared: bool, at: datetime
) -> ExerciseLog:
    """How the session went for `author`, written at `at`."""
    visibility = Visibility.SHARED if shared else Visibility.PRIVATE
    log = ExerciseLog.objects.create(
        space=session.space,
        author=author,
        session=session,
        outcome=outcome,
        note=note,
        visibility=visibility,
        created=at,
    )
    build_activity(
        session.space, author, "exercise.logged", log, at=at, visibility=visibility
    )
    return log
