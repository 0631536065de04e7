"""Six months of calendar for the demo couple: Alex in London, Sam in Berlin.

A Friday date night (mostly kept, one date moved, one called off), a Sunday
walk, shared plans, one busy-only event each, and one private one. Rows are
made directly rather than through the services, so building the demo sends
no notifications.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils.translation import gettext as _
from icalendar import vRecur

from troth.schedule.builders import (
    build_all_day,
    build_change,
    build_event,
    build_mark,
    build_reminder,
)
from troth.schedule.models import Event, EventVisibility, RitualMark
from troth.schedule.recurrence import expand, occurrence_at

SHARED, BUSY, PRIVATE = (
    EventVisibility.SHARED,
    EventVisibility.BUSY,
    EventVisibility.PRIVATE,
)


def _next_weekday(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _created(demo) -> datetime:
    """When an event went in: in the couple's first days with Troth."""
    return demo.start + timedelta(hours=demo.rng.randint(4, 60))


def _timed(demo, author, day: date, at: time, hours: float, **extra) -> Event:
    start = datetime.combine(day, at, author.tz)
    return build_event(
        demo.space,
        author,
        start=start,
        end=start + timedelta(hours=hours),
        at=_created(demo),
        **extra,
    )


def _all_day(demo, author, first: date, days: int, **extra) -> Event:
    return build_all_day(
        demo.space, author, first=first, days=days, at=_created(demo), **extra
    )


def _marks(demo, ritual: Event, *, kept: float, skip_last: bool = True) -> None:
    """Answers for the ritual's past dates: mostly both agree."""
    rng = demo.rng
    past = [
        o
        for o in expand([ritual], ritual.start, demo.now, demo.alex.tz)
        if o.end <= demo.now and not (o.change is not None and o.change.cancelled)
    ]
    marks = []
    for index, occurrence in enumerate(past):
        last = index == len(past) - 1
        roll = rng.random()
        happened = roll < kept
        answers = {demo.alex: happened, demo.sam: happened}
        if kept <= roll < kept + 0.04:
            answers[demo.sam] = not happened  # remembered differently
        if rng.random() < 0.08 or (last and skip_last):
            answers.pop(demo.sam)  # Sam hasn't answered yet
        if rng.random() < 0.05 and not last:
            answers.pop(demo.alex, None)
        for person, said in answers.items():
            marks.append(
                build_mark(
                    ritual,
                    occurrence.original,
                    person,
                    happened=said,
                    at=occurrence.end + timedelta(hours=rng.randint(1, 30)),
                    save=False,
                )
            )
    RitualMark.objects.bulk_create(marks)


def _change(ritual: Event, weeks_ago: int, demo, *, move: timedelta | None) -> None:
    occurrences = expand([ritual], ritual.start, demo.now, ritual.tz)
    if len(occurrences) <= weeks_ago:
        return
    occurrence = occurrences[-weeks_ago]
    if occurrence_at(ritual, occurrence.original, ritual.tz) is None:
        return
    build_change(ritual, occurrence.original, move=move)


def populate(demo) -> None:
    begin = demo.start.astimezone(demo.alex.tz).date()
    today = demo.now.astimezone(demo.alex.tz).date()
    date_night, walk = _rituals(demo, begin)
    _shared_plans(demo, today)
    _busy_and_private(demo, begin, today)
    demo.extra["schedule"] = {"date_night": date_night, "walk": walk}


def _rituals(demo, begin: date) -> tuple[Event, Event]:
    """The Friday date night and the Sunday walk, with their answers."""
    alex, sam = demo.alex, demo.sam
    date_night = _timed(
        demo,
        alex,
        _next_weekday(begin, 4),
        time(19, 30),
        2.5,
        title=_("Date night"),
        note=_("Phones in the drawer. Take turns choosing the plan."),
        kind=Event.Kind.RITUAL,
        visibility=SHARED,
        rrule=vRecur(freq="WEEKLY").to_ical().decode(),
    )
    _change(date_night, 9, demo, move=timedelta(days=1))  # moved to Saturday
    _change(date_night, 5, demo, move=None)  # called off: Sam was ill
    _marks(demo, date_night, kept=0.86)

    walk = _timed(
        demo,
        sam,
        _next_weekday(begin, 6),
        time(10, 0),
        1,
        title=_("Sunday walk"),
        location=_("Along the river, or a call if we're apart"),
        kind=Event.Kind.RITUAL,
        visibility=SHARED,
        rrule=vRecur(freq="WEEKLY").to_ical().decode(),
    )
    _marks(demo, walk, kept=0.72)
    build_reminder(walk, alex, minutes=30)
    return date_night, walk


def _shared_plans(demo, today: date) -> None:
    """One-off plans both see, past and coming, and two all-day ones."""
    alex, sam = demo.alex, demo.sam
    shared_plans = [
        (
            alex,
            -150,
            time(19, 0),
            3,
            _("Dinner at Priya and Tom's"),
            _("Bring dessert"),
        ),
        (sam, -121, time(14, 0), 2, _("Furniture shopping"), ""),
        (alex, -88, time(18, 30), 2, _("Cinema: the new documentary"), "Picturehouse"),
        (sam, -61, time(12, 0), 2, _("Lunch with Sam's parents"), ""),
        (alex, -33, time(20, 0), 2, _("Concert"), _("Tickets are in Alex's email")),
        (
            sam,
            -12,
            time(9, 0),
            1,
            _("Couples counselling"),
            _("Bring the list we wrote"),
        ),
        (
            alex,
            4,
            time(19, 0),
            3,
            _("Friends over for dinner"),
            _("Cook the lentil stew"),
        ),
        (sam, 11, time(9, 0), 1, _("Couples counselling"), ""),
        (alex, 23, time(18, 0), 2, _("Visit Grandma"), ""),
    ]
    for author, offset, at, hours, title, note in shared_plans:
        _timed(
            demo,
            author,
            today + timedelta(days=offset),
            at,
            hours,
            title=title,
            note=note,
            visibility=SHARED,
        )
    _all_day(
        demo,
        alex,
        today + timedelta(days=-70),
        3,
        title=_("Weekend in the Lake District"),
        location="Keswick",
        visibility=SHARED,
    )
    _all_day(
        demo,
        sam,
        today + timedelta(days=40),
        1,
        title=_("Lena's birthday"),
        note=_("Sam's sister. Call in the morning."),
        visibility=SHARED,
        rrule=vRecur(freq="YEARLY").to_ical().decode(),
    )


def _busy_and_private(demo, begin: date, today: date) -> None:
    alex, sam = demo.alex, demo.sam
    # One busy-only event each: the partner sees the time, nothing else.
    _timed(
        demo,
        alex,
        _next_weekday(begin, 1),
        time(18, 0),
        1,
        title=_("Therapy session"),
        location=_("Dr Okafor's practice"),
        visibility=BUSY,
        rrule=vRecur(freq="WEEKLY", interval=2).to_ical().decode(),
    )
    _timed(
        demo,
        sam,
        today + timedelta(days=6),
        time(11, 0),
        1.5,
        title=_("Job interview"),
        location=_("Video call"),
        visibility=BUSY,
    )
    # And one private one.
    _timed(
        demo,
        alex,
        today + timedelta(days=15),
        time(12, 30),
        1,
        title=_("Pick up the anniversary present"),
        visibility=PRIVATE,
    )
