"""An adventure's place on the shared calendar.

Through the calendar's own public service (troth/schedule/services.py), so
the event behaves like any other: the partner sees it, its reminders and
feed work, and it can be changed from the calendar too. The event belongs
to the adventure's planner, who is also the only one who changes the
adventure's date.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from troth.schedule import services as schedule
from troth.schedule.models import EventVisibility
from troth.schedule.recurrence import floating_utc
from troth.schedule.services import EventFields

# How long a timed adventure blocks on the calendar when only its start is
# known; it can be changed on the calendar.
TIMED_LENGTH = timedelta(hours=3)


def _fields(goal, by):
    if goal.start_time is None:
        start = floating_utc(goal.target_date)
        end = floating_utc(goal.target_date + timedelta(days=1))
        all_day = True
    else:
        start = datetime.combine(goal.target_date, goal.start_time, tzinfo=by.tz)
        end = start + TIMED_LENGTH
        all_day = False
    return EventFields(
        title=goal.title,
        start=start,
        end=end,
        time_zone=by.timezone,
        all_day=all_day,
        note=_("An adventure you planned together in Troth."),
        visibility=EventVisibility.SHARED,
    )


def sync_adventure(goal, *, by) -> None:
    """Create, move or remove the adventure's shared event so it matches the
    adventure's date. Runs inside the caller's transaction: if the calendar
    refuses, nothing of the step is kept."""

    event = goal.event if goal.event_id else None
    if event is not None and event.author_id != by.pk:
        # Someone else's event (it can only be the planner's): leave it.
        return
    if goal.target_date is None:
        if event is not None:
            schedule.event_delete(event=event, by=by)
            goal.event = None
            goal.save(update_fields=["event"])
        return
    fields = _fields(goal, by)
    if event is None:
        goal.event = schedule.event_create(
            space=goal.space, author=by, fields=fields, announce=False
        )
        goal.save(update_fields=["event"])
    else:
        schedule.event_update(event=event, by=by, fields=fields)
