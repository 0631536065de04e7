"""The numbers behind the insights page, month by month.

Each figure is the one its own feature computes (promises/stats.py,
schedule/stats.py, moments/stats.py, conflicts/stats.py), asked for each
calendar month of the viewer's time zone. Two things are written here
because no feature offers them, and each is documented where it is:

- `pulse_months`: a person's pulse means per calendar month, built from the
  same day scores and the same averaging as `troth.checkins.stats`
  (docs/figures/insights-trends.md);
- `own_data`: how the couple's months with a higher trust pulse compare with
  their logged disagreements (docs/figures/insights-own-data.md).

Every function runs a fixed number of queries, whatever the amount of data.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from troth.checkins.models import ITEMS, Pulse
from troth.checkins.stats import (
    SUBSCALES,
    TREND_MIN_DAYS,
    day_score,
    pulse_answered_days,
)
from troth.conflicts.stats import conflicts_by_month, shared_conflicts
from troth.lib.time import local_today, month_start, space_day_start, space_today
from troth.moments.stats import moments_by_period
from troth.promises.stats import PromiseFigures, promise_figures
from troth.repair.models import EventKind, Repair, RepairEvent
from troth.schedule.stats import FollowThrough, ritual_follow_through

TRUST_SUBSCALES = ("predictability", "dependability", "faith")
# "Your own data": months of 30 days, at least this many of them, each with
# at least MIN_PULSE_DAYS answered days of a shared pulse.
OWN_DATA_MONTHS = 6
OWN_DATA_LOOKBACK = 12
WINDOW_DAYS = 30
MIN_PULSE_DAYS = 7
EVER = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


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


# Pulse


@dataclass(frozen=True)
class PulseMonth:
    first: dt.date
    days: int
    means: dict[str, float | None]


@dataclass
class PulseSeries:
    subject: object
    total_days: int  # answered days ever, as the viewer may see them
    months: list[PulseMonth] = field(default_factory=list)

    @property
    def enough(self) -> bool:
        return self.total_days >= TREND_MIN_DAYS

    @property
    def days_to_go(self) -> int:
        return max(0, TREND_MIN_DAYS - self.total_days)


def _mean(values: list[float]) -> float | None:
    return round(statistics.mean(values), 2) if values else None


def pulse_months(*, viewer, subject, months: list[Month]) -> PulseSeries:
    """`subject`'s pulse means per subscale for each month, as `viewer` may
    see them (nothing at all for a partner who does not share). Two queries.

    The same rules as `troth.checkins.stats.pulse_trend`: a subscale's day
    score is `day_score`; its month mean is the plain mean of the month's
    day scores; skipped days are absent. Months are the subject's local
    dates (a pulse's day is their local day)."""
    first, last = months[0].first, add_months(months[-1].first, 1)
    pulses = list(
        Pulse.objects.visible_to(viewer)
        .filter(author=subject, day__gte=first, day__lt=last)
        .only("day", *ITEMS)  # never the note: nothing to decrypt
        .order_by("day")
    )
    total = pulse_answered_days(viewer=viewer, subject=subject)
    by_month: dict[dt.date, list[Pulse]] = {}
    for pulse in pulses:
        by_month.setdefault(pulse.day.replace(day=1), []).append(pulse)
    series = PulseSeries(subject=subject, total_days=total)
    for month in months:
        days = by_month.get(month.first, [])
        means = {
            name: _mean([s for p in days if (s := day_score(p, name)) is not None])
            for name in SUBSCALES
        }
        series.months.append(PulseMonth(first=month.first, days=len(days), means=means))
    return series


# Promises, rituals, moments, conflicts: the features' own figures per month


def promise_months(space, user, months: list[Month]) -> list[PromiseFigures]:
    """`promise_figures` of `user` for each month. One query a month."""
    return [promise_figures(space, user, m.start, m.end) for m in months]


def ritual_months(space, months: list[Month], now) -> list[FollowThrough]:
    """`ritual_follow_through` for each month. Three queries a month."""
    return [ritual_follow_through(space, m.start, m.end, now=now) for m in months]


def moment_months(viewer, space, months: list[Month]):
    """`moments_by_period` per month, as the viewer sees them. One query."""
    last = add_months(months[-1].first, 1) - dt.timedelta(days=1)
    return moments_by_period(
        user=viewer, space=space, start=months[0].first, end=last, period="month"
    )


def conflict_months(space, months: list[Month], tz):
    """`conflicts_by_month` (the shared log), months in `tz`. One query."""
    return conflicts_by_month(
        space, first_month=months[0].first, last_month=months[-1].first, tz=tz
    )


# Your own data


@dataclass(frozen=True)
class Window:
    """Thirty days of the couple's own data."""

    first: dt.date
    last: dt.date
    pulse: float | None  # the couple's trust pulse, None if not enough answers
    conflicts: int
    counted: bool  # part of the comparison


@dataclass
class OwnData:
    windows: list[Window] = field(default_factory=list)
    sharers: list = field(default_factory=list)
    has_conflicts: bool = False
    higher: list[Window] = field(default_factory=list)
    lower: list[Window] = field(default_factory=list)

    @property
    def counted(self) -> list[Window]:
        return [w for w in self.windows if w.counted]

    @property
    def months_to_go(self) -> int:
        return max(0, OWN_DATA_MONTHS - len(self.counted))

    @property
    def ready(self) -> bool:
        return bool(self.sharers) and self.has_conflicts and not self.months_to_go

    @property
    def median(self) -> float | None:
        values = [w.pulse for w in self.counted if w.pulse is not None]
        return round(statistics.median(values), 2) if values else None

    @property
    def higher_mean(self) -> float | None:
        return _avg([w.conflicts for w in self.higher])

    @property
    def lower_mean(self) -> float | None:
        return _avg([w.conflicts for w in self.lower])

    @property
    def all_same(self) -> bool:
        return self.ready and not self.higher


def _avg(values: list[int]) -> float | None:
    return round(statistics.mean(values), 1) if values else None


def _trust_day(pulse: Pulse) -> float | None:
    """A day's trust value: the mean of its predictability, dependability
    and faith day scores (the three parts of trust in Rempel, Holmes and
    Zanna 1985), of those answered."""
    scores = [
        s for name in TRUST_SUBSCALES if (s := day_score(pulse, name)) is not None
    ]
    return statistics.mean(scores) if scores else None


def own_data(space, now: dt.datetime) -> OwnData:
    """The couple's last twelve 30-day months, each with their trust pulse
    and their count of disagreements in the shared log, and the comparison
    of the months with a higher trust pulse against the others.

    The same for both partners: only shared pulses count (each read as the
    other partner reads it), and only the shared log. Four queries.
    docs/figures/insights-own-data.md has every rule and its reason."""
    partners = list(space.partners)
    result = OwnData()
    if len(partners) < 2:
        return result
    today = space_today(partners, now)
    edges = [
        today - dt.timedelta(days=WINDOW_DAYS * n)
        for n in range(OWN_DATA_LOOKBACK, -1, -1)
    ]
    # Pulse: each partner's shared days, read as the other partner reads them.
    per_person: dict[int, dict[int, list[float]]] = {}
    for person in partners:
        other = next(p for p in partners if p.pk != person.pk)
        rows = (
            Pulse.objects.visible_to(other)
            .filter(author=person, day__gte=edges[0], day__lt=edges[-1])
            .only("day", *ITEMS)
        )
        values: dict[int, list[float]] = {}
        for pulse in rows:
            value = _trust_day(pulse)
            if value is None:
                continue
            index = (pulse.day - edges[0]).days // WINDOW_DAYS
            values.setdefault(index, []).append(value)
        if values:
            per_person[person.pk] = values
            result.sharers.append(person)
    # Conflicts: the whole shared log up to now, to know the first one.
    bounds = [space_day_start(partners, d) for d in edges]
    logged = shared_conflicts(space, start=EVER, end=bounds[-1])
    result.has_conflicts = bool(logged)
    first_logged = logged[0].occurred_at if logged else None
    for i in range(OWN_DATA_LOOKBACK):
        start, end = bounds[i], bounds[i + 1]
        count = sum(1 for c in logged if start <= c.occurred_at < end)
        person_values = [
            statistics.mean(days[i])
            for days in per_person.values()
            if len(days.get(i, [])) >= MIN_PULSE_DAYS
        ]
        couple_pulse = (
            round(statistics.mean(person_values), 2) if person_values else None
        )
        counted = (
            couple_pulse is not None and first_logged is not None and end > first_logged
        )
        result.windows.append(
            Window(
                first=edges[i],
                last=edges[i + 1] - dt.timedelta(days=1),
                pulse=couple_pulse,
                conflicts=count,
                counted=counted,
            )
        )
    # Counted windows all have a pulse, so a ready result has a median.
    median = result.median
    if result.ready and median is not None:
        result.higher = [
            w for w in result.counted if w.pulse is not None and w.pulse > median
        ]
        result.lower = [
            w for w in result.counted if w.pulse is not None and w.pulse <= median
        ]
    return result


# Repair


@dataclass(frozen=True)
class RepairMonth:
    first: dt.date
    steps: int  # every step in the shared history of the couple's repairs
    heard: int  # the hurt partner said "you heard me"
    apologies: int  # apologies sent or revised
    phases: int  # moves to another phase
    plan: int  # promises or agreements added to a plan


@dataclass
class RepairMonths:
    months: list[RepairMonth]
    open_phases: list[str]  # the phase of each repair still open, newest first

    @property
    def steps(self) -> int:
        return sum(m.steps for m in self.months)


def repair_months(viewer, space, months: list[Month]) -> RepairMonths | None:
    """Steps on the couple's repair paths per month, from each repair's
    shared history (`troth.repair.models.RepairEvent`, which never mentions
    a private note, check-in or therapy log); None when no repair path was
    open in these months, so the page shows no repair section. Two queries.

    Written here because the repair app offers where a repair stands now
    (`troth.repair.progress`), not how it moved month by month."""

    start, end = months[0].start, months[-1].end
    repairs = list(
        Repair.objects.visible_to(viewer)
        .filter(space=space, created__lt=end)
        .exclude(resolved_at__lt=start)
        .order_by("-created")
        .values("pk", "phase", "status")
    )
    if not repairs:
        return None
    counts: dict[dt.date, dict[str, int]] = {}
    tz = months[0].start.tzinfo
    for kind, created in RepairEvent.objects.filter(
        repair_id__in=[r["pk"] for r in repairs], created__gte=start, created__lt=end
    ).values_list("kind", "created"):
        first = created.astimezone(tz).date().replace(day=1)
        bucket = counts.setdefault(
            first, {"steps": 0, "heard": 0, "apologies": 0, "phases": 0, "plan": 0}
        )
        bucket["steps"] += 1
        if kind == EventKind.HEARD:
            bucket["heard"] += 1
        elif kind in (EventKind.APOLOGY, EventKind.REVISED):
            bucket["apologies"] += 1
        elif kind == EventKind.PHASE:
            bucket["phases"] += 1
        elif kind == EventKind.PLAN:
            bucket["plan"] += 1
    empty = {"steps": 0, "heard": 0, "apologies": 0, "phases": 0, "plan": 0}
    return RepairMonths(
        months=[
            RepairMonth(first=m.first, **counts.get(m.first, empty)) for m in months
        ],
        open_phases=[r["phase"] for r in repairs if r["status"] == "open"],
    )
