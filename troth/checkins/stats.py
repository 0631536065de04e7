"""Pulse trends, computed one way for every page that shows them.

The derivation is docs/figures/pulse-trends.md; keep the two in step. The
insights and the monthly audit reuse `pulse_trend` and `pulse_answered_days`.

Every function reads pulses through `visible_to(viewer)`: asking for a
partner's trend returns nothing unless that partner shares their pulse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Count

from troth.checkins.models import Pulse
from troth.lib.periods import week_start

# The four subscales and the items that make each. Responsiveness is the
# mean of the two items about feeling understood and cared for.
SUBSCALES: dict[str, tuple[str, ...]] = {
    "predictability": ("predictability",),
    "dependability": ("dependability",),
    "faith": ("faith",),
    "responsiveness": ("understood", "cared_for"),
}
# Momentary ratings settle after about two weeks (RESEARCH.md): no trend is
# shown before a person has answered on this many days.
TREND_MIN_DAYS = 14
DOC = "pulse-trends.md"


def day_score(pulse: Pulse, subscale: str) -> float | None:
    """One day's value on a subscale: the mean of its answered items, or
    None when none of them was answered that day. `pulse` may be any row
    with the items as attributes (a named `values_list` row reads fastest)."""
    items = SUBSCALES[subscale]
    if len(items) == 1:
        # The mean of one answer is that answer.
        return getattr(pulse, items[0])
    values = [getattr(pulse, item) for item in items]
    values = [v for v in values if v is not None]
    return exact_mean(values) if values else None


def exact_mean(values: list) -> float:
    """`statistics.mean`, the same value of the same type, without its
    exact fractions where whole numbers need none (every answer is one):
    a page reads thousands of days
    (troth/insights/tests/test_grouped_months.py)."""
    if all(type(v) is int for v in values):
        whole, rest = divmod(sum(values), len(values))
        # A whole mean stays an int, as statistics.mean keeps it; any other
        # is the correctly rounded quotient, as statistics.mean gives it.
        return whole if not rest else sum(values) / len(values)
    return mean(values)


def subscale_means(pulses: list[Pulse]) -> dict[str, float | None]:
    """Each subscale's plain mean of the day scores of `pulses` (rounded to
    two places; None where no day has one)."""
    result: dict[str, float | None] = {}
    for subscale in SUBSCALES:
        scores = [s for p in pulses if (s := day_score(p, subscale)) is not None]
        result[subscale] = round(exact_mean(scores), 2) if scores else None
    return result


class EnoughDays:
    """A person's pulse, shown as a trend only once they answered on enough
    days (`total_days`, ever)."""

    total_days: int

    @property
    def enough(self) -> bool:
        """Whether a trend may be shown: at least 14 answered days."""
        return self.total_days >= TREND_MIN_DAYS

    @property
    def days_to_go(self) -> int:
        return max(0, TREND_MIN_DAYS - self.total_days)


@dataclass(frozen=True)
class PulseWeek:
    """One week (Monday to Sunday) of a person's pulse."""

    start: dt.date
    days: int  # answered days in this week
    means: dict[str, float | None]


@dataclass(frozen=True)
class PulseTrend(EnoughDays):
    """A person's pulse over [start, end], both days included."""

    start: dt.date
    end: dt.date
    answered_days: int  # answered days in the period
    total_days: int  # answered days ever, up to `end`
    means: dict[str, float | None]  # per subscale, over the period
    weeks: list[PulseWeek] = field(default_factory=list)


def pulse_answered_days(*, viewer, subject, until: dt.date | None = None) -> int:
    """How many days `subject` answered the pulse (up to `until`), as far
    as `viewer` may see. One query."""
    pulses = Pulse.objects.visible_to(viewer).filter(author=subject)
    if until is not None:
        pulses = pulses.filter(day__lte=until)
    return pulses.count()


def pulse_answered_days_of(
    *, viewer, subjects, until: dt.date | None = None
) -> dict[int, int]:
    """`pulse_answered_days` of each of `subjects`, by pk. One query,
    whatever the number of subjects."""
    pulses = Pulse.objects.visible_to(viewer).filter(
        author__in=[s.pk for s in subjects]
    )
    if until is not None:
        pulses = pulses.filter(day__lte=until)
    counts = dict(
        pulses.order_by()
        .values("author")
        .annotate(n=Count("pk"))
        .values_list("author", "n")
    )
    return {s.pk: counts.get(s.pk, 0) for s in subjects}


def pulse_trend(*, viewer, subject, start: dt.date, end: dt.date) -> PulseTrend:
    """Per-subscale means for `subject`'s pulse from `start` to `end`, over
    the whole period and week by week. Two queries, whatever the period.

    A day counts when at least one item was answered; a subscale's mean is
    over the days on which it was answered; skipped days are simply absent
    (never counted as low). Weeks start on Monday."""
    visible = Pulse.objects.visible_to(viewer).filter(author=subject)
    pulses = list(visible.filter(day__gte=start, day__lte=end).order_by("day"))
    total = visible.filter(day__lte=end).count()
    return trend_from(pulses, total, start, end)


def trend_from(pulses: list[Pulse], total: int, start, end) -> PulseTrend:
    """The trend of pulses already read, in day order (`total`: the days
    answered up to `end`): weekly and overall subscale means."""
    by_week: dict[dt.date, list[Pulse]] = {}
    for pulse in pulses:
        by_week.setdefault(week_start(pulse.day), []).append(pulse)
    weeks = [
        PulseWeek(start=monday, days=len(days), means=subscale_means(days))
        for monday, days in sorted(by_week.items())
    ]
    return PulseTrend(
        start=start,
        end=end,
        answered_days=len(pulses),
        total_days=total,
        means=subscale_means(pulses),
        weeks=weeks,
    )
