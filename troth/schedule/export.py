"""The calendar's part of the personal export (see troth/lib/export.py and
docs/export.md): everything the person put in their calendar, what their
partner shared with them (a busy-only event as busy time only), their
answers about rituals, and the same calendar as an .ics file."""

from __future__ import annotations

from troth.lib.export import when
from troth.schedule import ics
from troth.schedule.models import Event, RitualMark

# For the export page: `export_ics(user)` returns the .ics file's bytes.
export_ics = ics.export_ics
ICS_FILENAME = "troth-calendar.ics"


def _times(event: Event) -> dict:
    return {
        "all_day": event.all_day,
        "start": when(event.start.date() if event.all_day else event.start),
        "end": when(event.end.date() if event.all_day else event.end),
        "time_zone": event.time_zone,
        "repeats": event.rrule,
        "extra_dates": list(event.rdates),
    }


def _changes(event: Event) -> list[dict]:
    return [
        {
            "original_start": when(change.original),
            "cancelled": change.cancelled,
            "start": when(change.start),
            "end": when(change.end),
            **(
                {}
                if event.redacted
                else {
                    "title": change.title,
                    "place": change.location,
                    "note": change.note,
                }
            ),
        }
        for change in event.changes.all()
    ]


def export(user) -> dict:
    mine, shared_with_me = [], []
    for event in ics.events_for(user):
        if event.author_id == user.pk:
            mine.append(
                {
                    "kind": event.kind,
                    "title": event.title,
                    "place": event.location,
                    "note": event.note,
                    "visibility": event.visibility,
                    "uid": event.uid,
                    "created": when(event.created),
                    **_times(event),
                    "changed_dates": _changes(event),
                }
            )
        elif event.redacted:
            shared_with_me.append(
                {
                    "busy": True,
                    "author": str(event.author),
                    **_times(event),
                    "changed_dates": _changes(event),
                }
            )
        else:
            shared_with_me.append(
                {
                    "busy": False,
                    "kind": event.kind,
                    "author": str(event.author),
                    "title": event.title,
                    "place": event.location,
                    "note": event.note,
                    **_times(event),
                    "changed_dates": _changes(event),
                }
            )
    answers = [
        {
            "ritual_uid": mark.event.uid,
            "date": when(mark.original),
            "happened": mark.happened,
            "answered": when(mark.marked_at),
        }
        for mark in RitualMark.objects.filter(
            user=user, event__in=Event.objects.visible_to(user)
        ).select_related("event")
    ]
    return {
        "events": mine,
        "shared_with_me": shared_with_me,
        "ritual_answers": answers,
    }
