"""The days a page shows and the occurrences on each, in the viewer's zone.

Pure functions over already-expanded occurrences: no queries here.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, npgettext

from troth.schedule.models import Event, OccurrenceChange, RitualMark
from troth.schedule.recurrence import Occurrence, expand, rule_parts
from troth.schedule.steps import DATE_STEPS

type StrOrPromise = str | Promise

# The month grid shows at most this many occurrences in a day's cell; the
# day's link leads to all of them.
MONTH_CELL_LIMIT = 3
AGENDA_DAYS = 30


@dataclass(frozen=True)
class Span:
    """A page of consecutive days (the agenda, the week): `length` days from
    the one `start` gives for the day asked for. Its arrows, `earlier` and
    `later`, move by as many days; `back` leads to the page holding today
    (the URL named `now`). `busy_only`: it lists only the days with
    something on them."""

    name: str
    length: int
    start: Callable[[date], date]
    earlier: StrOrPromise
    later: StrOrPromise
    back: StrOrPromise
    now: str
    busy_only: bool = False


@dataclass
class Day:
    date: date
    occurrences: list[Occurrence] = field(default_factory=list)
    in_period: bool = True
    today: bool = False

    @property
    def shown(self) -> list[Occurrence]:
        return self.occurrences[:MONTH_CELL_LIMIT]

    @property
    def more(self) -> int:
        return max(0, len(self.occurrences) - MONTH_CELL_LIMIT)


def window(
    first: date, last: date, zone: zoneinfo.ZoneInfo
) -> tuple[datetime, datetime]:
    """[midnight of `first`, midnight after `last`) in `zone`."""
    return (
        datetime.combine(first, time(0), zone),
        datetime.combine(last + timedelta(days=1), time(0), zone),
    )


def visible_events(user, start: datetime, end: datetime) -> list[Event]:
    """Events `user` may see that may occur in [start, end), redacted for
    them. Two queries however many events there are."""
    events = (
        Event.objects.visible_to(user)
        .overlapping(start, end)
        .select_related("author")
        .prefetch_related(
            Prefetch("changes", queryset=OccurrenceChange.objects.order_by("original"))
        )
    )
    return [event.redact_for(user) for event in events]


def occurrences_for(user, start: datetime, end: datetime, zone) -> list[Occurrence]:
    return expand(visible_events(user, start, end), start, end, zone)


def marks_for(
    occurrences: list[Occurrence],
) -> dict[tuple[int, datetime], list[RitualMark]]:
    """The answers to "did it happen?" for the ritual occurrences shown.
    One query, or none when no ritual is shown."""
    rituals = [o for o in occurrences if o.event.is_ritual and not o.busy]
    found: dict[tuple[int, datetime], list[RitualMark]] = {}
    if not rituals:
        return found
    originals = [o.original for o in rituals]
    for mark in RitualMark.objects.filter(
        event_id__in={o.event.pk for o in rituals},
        original__gte=min(originals),
        original__lte=max(originals),
    ).select_related("user"):
        found.setdefault((mark.event_id, mark.original), []).append(mark)
    return found


def annotate_marks(occurrences: list[Occurrence], user, now: datetime) -> None:
    """Give each ritual occurrence shown its answers, the viewer's own
    answer, and whether it can be marked yet. One query at most."""
    marks = marks_for(occurrences)
    for occurrence in occurrences:
        found = marks.get((occurrence.event.pk, occurrence.original), [])
        occurrence.marks = found
        occurrence.my_mark = next((m for m in found if m.user_id == user.pk), None)
        # Marking stays open in a closed space: no need to read the space.
        occurrence.can_mark = DATE_STEPS.refusal("mark", occurrence, user, now) is None


def place(days: list[Day], occurrences: list[Occurrence]) -> list[Day]:
    by_date = {day.date: day for day in days}
    for occurrence in occurrences:
        current = occurrence.start.date()
        while current <= occurrence.last_day:
            if current in by_date:
                by_date[current].occurrences.append(occurrence)
            current += timedelta(days=1)
    return days


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_days(first: date, today: date) -> list[Day]:
    """The weeks (Monday first) that hold the month starting at `first`."""
    start = first - timedelta(days=first.weekday())
    last = add_months(first, 1) - timedelta(days=1)
    end = last + timedelta(days=6 - last.weekday())
    return [
        Day(
            date=start + timedelta(days=n),
            in_period=(start + timedelta(days=n)).month == first.month,
            today=start + timedelta(days=n) == today,
        )
        for n in range((end - start).days + 1)
    ]


def weeks(days: list[Day]) -> list[list[Day]]:
    return [days[i : i + 7] for i in range(0, len(days), 7)]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


AGENDA = Span(
    "agenda",
    AGENDA_DAYS,
    lambda day: day,
    gettext_lazy("Earlier"),
    gettext_lazy("Later"),
    gettext_lazy("Back to today"),
    "schedule:index",
    busy_only=True,
)
WEEK = Span(
    "week",
    7,
    week_start,
    gettext_lazy("Previous week"),
    gettext_lazy("Next week"),
    gettext_lazy("This week"),
    "schedule:week_now",
)


def days_from(first: date, count: int, today: date) -> list[Day]:
    return [
        Day(date=first + timedelta(days=n), today=first + timedelta(days=n) == today)
        for n in range(count)
    ]


WEEKDAY_NAMES = {
    "MO": 0,
    "TU": 1,
    "WE": 2,
    "TH": 3,
    "FR": 4,
    "SA": 5,
    "SU": 6,
}


def describe_repeat(event: Event) -> str:
    """How an event repeats, in words."""
    if not event.is_recurring:
        return ""
    parts = rule_parts(event)
    if not parts:
        return _("On several dates")
    freq = str(parts["FREQ"][0])
    interval = int(parts.get("INTERVAL", [1])[0])
    unit = {
        # A context of their own: "Every day" alone is another entry (a
        # repeat choice), and a catalogue holds one entry per msgid.
        "DAILY": lambda n: npgettext("interval", "Every day", "Every %(n)s days", n),
        "WEEKLY": lambda n: npgettext("interval", "Every week", "Every %(n)s weeks", n),
        "MONTHLY": lambda n: npgettext(
            "interval", "Every month", "Every %(n)s months", n
        ),
        "YEARLY": lambda n: npgettext("interval", "Every year", "Every %(n)s years", n),
    }.get(freq)
    text = _("Repeats") if unit is None else unit(interval) % {"n": interval}
    days = [str(day) for day in parts.get("BYDAY", [])]
    plain_days = all(day in WEEKDAY_NAMES for day in days)
    custom = (
        bool(set(parts) - {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"})
        or not plain_days
        or (days and freq != "WEEKLY")
    )
    if custom:
        text = _("%(every)s (a rule from an imported calendar)") % {"every": text}
    elif days:
        monday = date(2024, 1, 1)
        names = [
            date_format(monday + timedelta(days=WEEKDAY_NAMES[day]), "l")
            for day in days
        ]
        text = _("%(every)s on %(days)s") % {"every": text, "days": ", ".join(names)}
    if "COUNT" in parts:
        count = int(parts["COUNT"][0])
        text = ngettext("%(every)s, once", "%(every)s, %(n)s times", count) % {
            "every": text,
            "n": count,
        }
    elif "UNTIL" in parts:
        until = parts["UNTIL"][0]
        if isinstance(until, datetime):
            until = until.astimezone(event.tz).date()
        text = _("%(every)s, until %(date)s") % {
            "every": text,
            "date": date_format(until, "DATE_FORMAT"),
        }
    return text
