"""Where a repair stands: its plan's progress, and (for the hurt partner
alone) the trend of their forgiveness check-ins.

The figures are counts, defined in docs/figures/repair-plan-progress.md and
docs/figures/forgiveness-checkins.md. The monthly audit can call
`repair_progress` and `repairs_in_period`; neither ever reads anyone's
private notes, log or check-ins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from troth.agreements.models import Status as AgreementStatus
from troth.promises.models import Promise, State
from troth.repair.models import (
    ApologyAnswer,
    ApologyVersion,
    ForgivenessCheckin,
    PlanItem,
    Repair,
)


def plan_items(repair: Repair, viewer) -> list[PlanItem]:
    """The plan items `viewer` may see, with their promise or agreement."""
    return list(
        PlanItem.objects.visible_to(viewer)
        .filter(repair=repair)
        .select_related("promise__author", "agreement", "author")
    )


@dataclass
class PromiseCounts:
    """Occurrences of the plan's promises whose due time has come, by how
    they went, plus those still ahead."""

    kept: int = 0
    not_quite: int = 0
    missed: int = 0
    waiting: int = 0  # marked done, not yet confirmed; or just past due
    upcoming: int = 0  # not due yet
    cancelled: int = 0

    @property
    def due(self) -> int:
        return self.kept + self.not_quite + self.missed + self.waiting

    @property
    def settled(self) -> int:
        return self.kept + self.not_quite + self.missed


@dataclass
class RepairProgress:
    repair: Repair
    phase: str
    step: str
    resolved: bool
    heard: bool
    apology_versions: int
    latest_answer: str | None
    items: list[PlanItem] = field(default_factory=list)
    promises: PromiseCounts = field(default_factory=PromiseCounts)
    agreements: dict[str, int] = field(default_factory=dict)


def _count(counts: PromiseCounts, promise: Promise, now: dt.datetime) -> None:
    state = promise.state
    if state == State.CANCELLED:
        counts.cancelled += 1
    elif state == State.KEPT:
        counts.kept += 1
    elif state == State.NOT_QUITE:
        counts.not_quite += 1
    elif state == State.MISSED:
        counts.missed += 1
    elif state == State.DONE or promise.due_at <= now:
        counts.waiting += 1
    else:
        counts.upcoming += 1


def repair_progress(
    repair: Repair, viewer, *, now: dt.datetime | None = None
) -> RepairProgress:
    """Where `repair` stands, as `viewer` may see it: the phase, whether
    the hurt partner felt heard, how many apology versions and the latest
    answer, and the plan: each promise's occurrences by outcome (a
    repeating promise counts each time that has come) and each agreement
    by status. A fixed number of queries."""
    now = now or timezone.now()
    items = plan_items(repair, viewer)
    counts = PromiseCounts()
    series_ids = set()
    for item in items:
        promise = item.promise
        if promise is None:
            continue
        if promise.series_id:
            series_ids.add(promise.series_id)
        else:
            _count(counts, promise, now)
    if series_ids:
        occurrences = Promise.objects.visible_to(viewer).filter(
            series_id__in=series_ids
        )
        upcoming_seen: set[int | None] = set()
        for occurrence in occurrences.order_by("due_at"):
            if occurrence.due_at > now and occurrence.state == State.OPEN:
                # Only the next time of a repeating promise is "upcoming".
                if occurrence.series_id in upcoming_seen:
                    continue
                upcoming_seen.add(occurrence.series_id)
            _count(counts, occurrence, now)
    agreements: dict[str, int] = dict.fromkeys(AgreementStatus.values, 0)
    for item in items:
        if item.agreement is not None:
            agreements[item.agreement.status] += 1
    versions = ApologyVersion.objects.visible_to(viewer).filter(repair=repair).count()
    latest = (
        ApologyAnswer.objects.visible_to(viewer)
        .filter(repair=repair)
        .order_by("-created", "-id")
        .values_list("answer", flat=True)
        .first()
    )
    return RepairProgress(
        repair=repair,
        phase=repair.phase,
        step=repair.step,
        resolved=not repair.is_open,
        heard=repair.is_heard,
        apology_versions=versions,
        latest_answer=latest,
        items=items,
        promises=counts,
        agreements=agreements,
    )


def repairs_in_period(
    *, space, viewer, start: dt.datetime, end: dt.datetime
) -> list[RepairProgress]:
    """Every repair of `space` that was open at some moment of [start, end),
    with its progress as `viewer` may see it."""
    repairs = (
        Repair.objects.visible_to(viewer)
        .filter(space=space, created__lt=end)
        .exclude(resolved_at__lt=start)
        .select_related("hurt", "other", "space")
    )
    return [repair_progress(repair, viewer) for repair in repairs]


# Forgiveness check-ins: the hurt partner's own trend

SCALES = ("distance", "even", "goodwill")
CHART_WIDTH = 320
CHART_HEIGHT = 150
CHART_PAD = 24


@dataclass
class Trend:
    checkins: list[ForgivenessCheckin]
    lines: dict[str, str]  # SVG polyline points per scale
    points: dict[str, list[tuple[float, float]]]
    first: dict[str, int]
    latest: dict[str, int]
    y_ticks: list[tuple[int, float]]

    @property
    def count(self) -> int:
        return len(self.checkins)


def forgiveness_trend(checkins: list[ForgivenessCheckin]) -> Trend | None:
    """Chart geometry for the check-ins, oldest to newest, evenly spaced:
    it shows their order, not the gaps between them. Nothing is averaged,
    smoothed or scored (docs/figures/forgiveness-checkins.md)."""
    ordered = sorted(checkins, key=lambda c: (c.created, c.pk))
    if not ordered:
        return None
    inner_w = CHART_WIDTH - 2 * CHART_PAD
    inner_h = CHART_HEIGHT - 2 * CHART_PAD

    def x(i: int) -> float:
        if len(ordered) == 1:
            return CHART_PAD + inner_w / 2
        return CHART_PAD + inner_w * i / (len(ordered) - 1)

    def y(value: int) -> float:
        return CHART_PAD + inner_h * (7 - value) / 6

    points = {
        scale: [
            (round(x(i), 1), round(y(getattr(c, scale)), 1))
            for i, c in enumerate(ordered)
        ]
        for scale in SCALES
    }
    return Trend(
        checkins=ordered,
        points=points,
        lines={
            s: " ".join(f"{px},{py}" for px, py in pts) for s, pts in points.items()
        },
        first={s: getattr(ordered[0], s) for s in SCALES},
        latest={s: getattr(ordered[-1], s) for s in SCALES},
        y_ticks=[(v, round(y(v), 1)) for v in (1, 4, 7)],
    )
