"""A planned exercise's shared event on the calendar, made through the
calendar's own public service (troth/schedule/services.py). The event
belongs to whoever planned the exercise."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext as _

from troth.schedule import services as schedule
from troth.schedule.models import EventVisibility

SHORTEST = timedelta(minutes=15)


def add_event(session, *, by):
    item = session.item
    length = max(timedelta(minutes=item.minutes), SHORTEST)
    return schedule.event_create(
        space=session.space,
        author=by,
        fields=schedule.EventFields(
            title=str(item.title),
            start=session.starts_at,
            end=session.starts_at + length,
            time_zone=by.timezone,
            note=_("An exercise for the two of you, from Troth's library."),
            visibility=EventVisibility.SHARED,
        ),
        # The exercise's own notice tells the partner; one is enough.
        announce=False,
    )


def remove_event(session, *, by) -> None:
    event = session.event if session.event_id else None
    if event is not None and event.author_id == by.pk:
        schedule.event_delete(event=event, by=by)
