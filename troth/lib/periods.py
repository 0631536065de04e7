"""Weeks and months as periods of days: where one starts, and which ones
cover a span. Figures counted by week or by month group their rows by
these starts (ISO weeks, from Monday)."""

from __future__ import annotations

import datetime as dt


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week `day` falls in (ISO weeks)."""
    return day - dt.timedelta(days=day.weekday())


def next_month(day: dt.date) -> dt.date:
    """The first day of the month after the one `day` falls in."""
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


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
            cursor = next_month(cursor)
        return starts
    raise ValueError("period is 'week' or 'month'")
