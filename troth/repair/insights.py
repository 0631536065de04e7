"""The repair path on the insights page, month by month (found by
troth.lib.hooks; see troth/insights/sections.py for the contract).

Written here because the repair app's other figures say where a repair
stands now (`troth.repair.progress`), not how it moved month by month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from troth.insights.charts import Series
from troth.insights.sections import (
    Chart,
    Note,
    Period,
    Section,
    Table,
    blocktranslated,
    month_name,
)
from troth.insights.trends import Month
from troth.repair.models import EventKind, Phase, Repair, RepairEvent

ORDER = 50


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


def _empty() -> dict[str, int]:
    return {"steps": 0, "heard": 0, "apologies": 0, "phases": 0, "plan": 0}


def repair_months(viewer, space, months: list[Month]) -> RepairMonths | None:
    """Steps on the couple's repair paths per month, from each repair's
    shared history (`troth.repair.models.RepairEvent`, which never mentions
    a private note, check-in or therapy log); None when no repair path was
    open in these months, so the page shows no repair section. Two queries."""

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
        bucket = counts.setdefault(first, _empty())
        bucket["steps"] += 1
        if kind == EventKind.HEARD:
            bucket["heard"] += 1
        elif kind in (EventKind.APOLOGY, EventKind.REVISED):
            bucket["apologies"] += 1
        elif kind == EventKind.PHASE:
            bucket["phases"] += 1
        elif kind == EventKind.PLAN:
            bucket["plan"] += 1
    return RepairMonths(
        months=[
            RepairMonth(first=m.first, **counts.get(m.first, _empty())) for m in months
        ],
        open_phases=[r["phase"] for r in repairs if r["status"] == "open"],
    )


def section(period: Period) -> Section | None:
    """Repair: only for a couple with a repair path in these months."""
    repair = repair_months(period.user, period.space, period.months)
    if repair is None:
        return None
    summary = _("%(steps)s steps on your repair path over these months.") % {
        "steps": repair.steps
    }
    phases = ", ".join(str(Phase(p).label) for p in repair.open_phases)
    if phases:
        summary += " " + _("Where it stands now: %(phases)s.") % {"phases": phases}
    return Section(
        key="repair",
        title=_("Repair"),
        story=summary,
        charts=[
            Chart(
                kind="bar",
                uid="repair",
                title=_("Steps on your repair path, by month"),
                labels=period.labels,
                series=[Series(_("Steps"), [m.steps for m in repair.months])],
                summary=summary,
            )
        ],
        table=_table(repair, period),
        after=[
            Note(
                format_html(
                    '{} <a href="{}">{}</a>',
                    blocktranslated(
                        _(
                            "How the plan's promises are going is on the repair plan itself."
                        )
                    ),
                    reverse("repair:index"),
                    _("Your repair path"),
                )
            )
        ],
    )


def _table(repair: RepairMonths, period: Period) -> Table:
    return Table(
        testid="repair-table",
        caption=_("Steps on your repair path, by month"),
        head=[
            _("Month"),
            _("Steps"),
            _("Felt heard"),
            _("Apologies"),
            _("Phase moves"),
            _("Added to the plan"),
        ],
        rows=[
            (
                month_name(month),
                [
                    str(r.steps),
                    str(r.heard),
                    str(r.apologies),
                    str(r.phases),
                    str(r.plan),
                ],
            )
            for month, r in zip(period.months, repair.months, strict=True)
        ],
    )
