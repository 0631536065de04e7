"""Weeks and months as periods of days: where one starts, and which ones
cover a span. Figures counted by week or by month group their rows by
these starts (ISO weeks, from Monday)."""

from __future__ import annotations

import datetime as dt


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week `day` falls in (ISO weeks)."""
    return day - dt.timedelta(days=day.weekday())


def period_starts(start: dt.date, end: dt.date, period: str) -> list[dt.date]:
    """Every week (Mondays) or month (first days) that overlaps [start, end]."""
    if period == "week":
        first = week_start(start)
        return [
            first + dt.timedelta(weeks=n)
            for n in range((week_start(end) - first).days // 7 + 1)
        ]
    if period == "month":
        starts, cursor = [], start.replace(day=1)
        while cursor <= end:
            starts.append(cursor)
            cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
        return starts
    raise ValueError("period is 'week' or 'month'")
