"""Rituals kept on the insights page, month by month (found by
troth.lib.hooks; see troth/insights/sections.py for the contract).

Each month's figure is `ritual_follow_through`, the one the audit uses
(docs/figures/insights-trends.md)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.insights.charts import Series
from troth.insights.sections import (
    Chart,
    Period,
    Section,
    Table,
    blocktranslated,
    month_name,
)
from troth.insights.trends import Month
from troth.schedule.stats import FollowThrough, ritual_follow_through_by_period

ORDER = 30


def ritual_months(space, months: list[Month], now) -> list[FollowThrough]:
    """`ritual_follow_through` for each month. Three queries in all."""
    return ritual_follow_through_by_period(
        space, [(m.start, m.end) for m in months], now=now
    )


def section(period: Period) -> Section:
    """Ritual dates, and how many happened."""
    rituals = ritual_months(period.space, period.months, period.now)
    if not any(r.occurrences for r in rituals):
        return Section(
            key="rituals",
            title=_("Rituals kept"),
            waiting=_(
                "When a shared ritual on your calendar has had its first date, how "
                "many dates happened each month appears here."
            ),
        )
    summary = _(
        "%(happened)s of %(dates)s ritual dates happened over these months, by your answers."
    ) % {
        "happened": sum(r.happened for r in rituals),
        "dates": sum(r.occurrences for r in rituals),
    }
    return Section(
        key="rituals",
        title=_("Rituals kept"),
        story=summary,
        charts=[
            Chart(
                kind="bar",
                uid="rituals",
                title=_("Ritual dates and how many happened, by month"),
                labels=period.labels,
                series=[
                    Series(_("Ritual dates"), [r.occurrences for r in rituals]),
                    Series(_("Happened"), [r.happened for r in rituals]),
                ],
                summary=summary,
            )
        ],
        table=Table(
            testid="rituals-table",
            caption=_("Rituals, by month"),
            head=[
                _("Month"),
                _("Dates"),
                _("Happened"),
                blocktranslated(_("Didn't")),
                _("Not answered"),
            ],
            rows=[
                (
                    month_name(month),
                    [
                        str(r.occurrences),
                        str(r.happened),
                        str(r.did_not),
                        str(r.unmarked),
                    ],
                )
                for month, r in zip(period.months, rituals, strict=True)
            ],
        ),
    )
