"""The months the insights page is drawn over.

Every figure on the page is the one its own feature computes, asked for each
calendar month of the viewer's time zone, through the feature's
`insights.py` (troth/insights/sections.py); this module only says what those
months are (docs/figures/insights-trends.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from troth.lib.time import local_today, month_start


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Month:
    first: dt.date  # first day of the month
    start: dt.datetime  # its first moment in the viewer's zone
    end: dt.datetime  # the first moment of the next month
    partial: bool  # the month in progress


def recent_months(now: dt.datetime, tz, count: int) -> list[Month]:
    """The last `count` calendar months in `tz`, oldest first, the month in
    progress last."""
    this = local_today(tz, now).replace(day=1)
    months = []
    for n in range(count - 1, -1, -1):
        first = add_months(this, -n)
        start = month_start(first, tz)
        end = month_start(add_months(first, 1), tz)
        months.append(Month(first=first, start=start, end=end, partial=n == 0))
    return months
