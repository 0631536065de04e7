"""Figures about the conflicts a couple chose to share.

Only conflicts in the shared log count: those both partners shared a view
of. A view someone keeps private never enters a figure, so no figure can
reveal it (docs/figures/conflicts.md has the definitions and edge cases).

Each function runs one query however much history there is, and reads no
encrypted column (nothing is decrypted to count).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from django.db.models import Count

from troth.conflicts.models import ConflictView, Repair
from troth.lib.content import Visibility
from troth.lib.periods import next_month, period_starts
from troth.lib.time import month_start


@dataclass(frozen=True)
class SharedConflict:
    """One conflict in the shared log, reduced to what figures need."""

    conflict_id: int
    occurred_at: datetime
    repaired: bool  # both views say it was repaired
    minutes_to_repair: int | None  # the longer of the two answers, if repaired


@dataclass(frozen=True)
class ConflictFigures:
    shared: int
    repaired: int
    median_minutes_to_repair: float | None


@dataclass(frozen=True)
class ConflictMonth:
    month: date  # the first day of the month
    shared: int
    repaired: int
    median_minutes_to_repair: float | None


def shared_conflicts(space, *, start: datetime, end: datetime) -> list[SharedConflict]:
    """Conflicts of `space` in the shared log that happened in [start, end).

    One query. A conflict is in the shared log when it has a shared view
    from each partner (one view per person per conflict). It counts as
    repaired when both views answer "yes"; its time to repair is then the
    longer of the two answers, because repair is complete when both feel
    it is."""
    rows = (
        ConflictView.objects.filter(
            space=space,
            visibility=Visibility.SHARED,
            # A view is in its conflict's space: said of the conflict too,
            # the conflicts' (space, occurred_at) index reads only this
            # couple's rows.
            conflict__space=space,
            conflict__occurred_at__gte=start,
            conflict__occurred_at__lt=end,
        )
        .order_by()
        .values_list(
            "conflict_id",
            "author_id",
            "conflict__occurred_at",
            "repaired",
            "repair_minutes",
        )
    )
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    result = []
    for conflict_id, views in grouped.items():
        if len({view[1] for view in views}) < 2:
            continue
        repaired = all(view[3] == Repair.YES for view in views)
        minutes = max(view[4] or 0 for view in views) if repaired else None
        result.append(
            SharedConflict(
                conflict_id=conflict_id,
                occurred_at=views[0][2],
                repaired=repaired,
                minutes_to_repair=minutes,
            )
        )
    result.sort(key=lambda item: (item.occurred_at, item.conflict_id))
    return result


def first_shared_at(space, *, before: datetime) -> datetime | None:
    """When the first conflict of `space` in the shared log happened, of
    those before `before` (None: none). One query, counted in the
    database: a shared view from each partner, as `shared_conflicts` says."""
    return (
        ConflictView.objects.filter(
            space=space,
            visibility=Visibility.SHARED,
            conflict__space=space,
            conflict__occurred_at__lt=before,
        )
        .values("conflict_id")
        .annotate(people=Count("author", distinct=True))
        .filter(people__gte=2)
        .order_by("conflict__occurred_at")
        .values_list("conflict__occurred_at", flat=True)
        .first()
    )


def _figures(items: list[SharedConflict]) -> tuple[int, int, float | None]:
    times = [
        item.minutes_to_repair
        for item in items
        if item.repaired and item.minutes_to_repair is not None
    ]
    median = float(statistics.median(times)) if times else None
    return len(items), len(times), median


def conflicts_summary(space, *, start: datetime, end: datetime) -> ConflictFigures:
    """How many conflicts were shared in [start, end), how many of them were
    repaired, and the median time to repair of the repaired ones (minutes;
    None when none was repaired). One query."""
    shared, repaired, median = _figures(shared_conflicts(space, start=start, end=end))
    return ConflictFigures(
        shared=shared, repaired=repaired, median_minutes_to_repair=median
    )


def conflicts_by_month(
    space, *, first_month: date, last_month: date, tz: tzinfo = UTC
) -> list[ConflictMonth]:
    """The figures of `conflicts_summary` for every calendar month from
    `first_month` to `last_month` (both included), months taken in `tz`.
    Months without shared conflicts are included with zeros. One query."""
    months = period_starts(first_month, last_month, "month")
    if not months:
        return []
    items = shared_conflicts(
        space,
        start=month_start(months[0], tz),
        end=month_start(next_month(months[-1]), tz),
    )
    by_month: dict[date, list[SharedConflict]] = defaultdict(list)
    for item in items:
        local = item.occurred_at.astimezone(tz)
        by_month[date(local.year, local.month, 1)].append(item)
    result = []
    for month in months:
        shared, repaired, median = _figures(by_month.get(month, []))
        result.append(
            ConflictMonth(
                month=month,
                shared=shared,
                repaired=repaired,
                median_minutes_to_repair=median,
            )
        )
    return result


def shared_counts_by_month(
    space, *, first_month: date, last_month: date, tz: tzinfo = UTC
) -> dict[date, int]:
    """Shared conflicts per calendar month (first day of month -> count),
    zeros included: what the insights' "your own data" comparison sets
    against the months' trust pulse. One query."""
    return {
        month.month: month.shared
        for month in conflicts_by_month(
            space, first_month=first_month, last_month=last_month, tz=tz
        )
    }


def minutes_in_words(minutes: float | None) -> str:
    """A time to repair in rounded words ("about 3 hours")."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    if minutes is None:
        return ""
    if minutes < 60:
        return _("under an hour")
    if minutes < 36 * 60:
        hours = round(minutes / 60)
        return ngettext("about %(n)d hour", "about %(n)d hours", hours) % {"n": hours}
    days = round(minutes / 1440)
    return ngettext("about %(n)d day", "about %(n)d days", days) % {"n": days}
