"""Time zones and local days: the one way Troth turns an instant into a
person's or a couple's date, and a wall-clock time back into an instant.

Instants are stored in UTC; what a person sees (today, this month, 21:00)
is read in their own zone. This module imports nothing from the apps: it
takes zone names, tzinfos, or anything with a `tz` (a user), so every app
can use it without a cycle.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import Protocol

from django.utils import timezone

UTC = zoneinfo.ZoneInfo("UTC")


class Zoned(Protocol):
    """Anything that lives in a time zone: a user, an event."""

    @property
    def tz(self) -> dt.tzinfo: ...


def zone(name: str | None) -> zoneinfo.ZoneInfo:
    """The zone called `name`, or UTC when no zone has that name.

    A name stored before tzdata dropped it, or an empty one, must not turn a
    page into an error: the person sees UTC until they pick a zone again.
    """
    try:
        return zoneinfo.ZoneInfo(name or "")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def local_today(tz: dt.tzinfo, now: dt.datetime | None = None) -> dt.date:
    """The date on the calendar in `tz` at `now` (the present by default)."""
    return (now or timezone.now()).astimezone(tz).date()


def space_today(partners: Iterable[Zoned], now: dt.datetime) -> dt.date:
    """The couple's day: the earliest of the partners' local dates.

    A day arrives for the couple when it has arrived for both, so neither is
    ever shown "tomorrow" while it is still today for them
    (docs/figures/question-day.md). With no partner it is `now`'s own date.
    """
    dates = [now.astimezone(p.tz).date() for p in partners]
    return min(dates) if dates else now.date()


def space_day_start(partners: Iterable[Zoned], day: dt.date) -> dt.datetime:
    """The instant `day` has begun for every partner: the latest of their
    local midnights (the rule of `space_today`, in the other direction).
    With no partner it is UTC midnight."""
    starts = [local_instant(day, dt.time.min, p.tz) for p in partners]
    return max(starts) if starts else local_instant(day, dt.time.min, dt.UTC)


def month_start(month: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """The first instant of the calendar month of `month` in `tz` (aware,
    in `tz`)."""
    return dt.datetime(month.year, month.month, 1, tzinfo=tz)


def local_instant(day: dt.date, at: dt.time, tz: dt.tzinfo) -> dt.datetime:
    """The UTC instant the clock in `tz` shows `at` on `day`.

    A time skipped by a DST change (02:30 on the spring-forward night) is
    read with the offset before the change, so it lands an hour later on the
    clock; a repeated time (the autumn night) means its first occurrence.
    """
    return dt.datetime.combine(day, at, tzinfo=tz).astimezone(dt.UTC)


def wall_time_exists(day: dt.date, at: dt.time, tz: dt.tzinfo) -> bool:
    """Whether the clock in `tz` ever shows `at` on `day` (it does not in the
    hour skipped in spring)."""
    naive = dt.datetime.combine(day, at)
    back = naive.replace(tzinfo=tz).astimezone(dt.UTC).astimezone(tz)
    return back.replace(tzinfo=None) == naive


def local_days(
    start: dt.datetime, end: dt.datetime, tz: dt.tzinfo
) -> tuple[dt.date, dt.date]:
    """The first and last local day of [start, end) in `tz`."""
    last = (end - dt.timedelta(microseconds=1)).astimezone(tz)
    return start.astimezone(tz).date(), last.date()
