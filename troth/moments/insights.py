"""Moments and disagreements on the insights page, side by side, month by
month (found by troth.lib.hooks; see troth/insights/sections.py for the
contract).

The moments are `moments_by_period`, as the viewer sees them; beside them,
the disagreements of the shared log, `conflicts_by_month`, so the two can be
read together (docs/figures/insights-trends.md)."""

from __future__ import annotations

import datetime as dt

from django.utils import dateformat
from django.utils.translation import gettext as _

from troth.conflicts.stats import conflicts_by_month
from troth.insights.charts import Series
from troth.insights.sections import Chart, Period, Section, Table, month_name
from troth.insights.trends import Month, add_months
from troth.moments.stats import moments_by_period

ORDER = 40


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


def section(period: Period) -> Section:
    """Moments and disagreements, side by side."""
    moments = moment_months(period.user, period.space, period.months)
    conflicts = conflict_months(period.space, period.months, period.user.tz)
    if not any(m.total for m in moments) and not any(c.shared for c in conflicts):
        return Section(
            key="moments-conflicts",
            title=_("Moments and disagreements"),
            waiting=_(
                "When you note a moment, or you both share your view of a "
                "disagreement, they appear here month by month."
            ),
        )
    summary = _(
        "Over these months: %(moments)s moments you can see, and %(conflicts)s "
        "disagreements in your shared log, %(repaired)s of them repaired."
    ) % {
        "moments": sum(m.total for m in moments),
        "conflicts": sum(c.shared for c in conflicts),
        "repaired": sum(c.repaired for c in conflicts),
    }
    return Section(
        key="moments-conflicts",
        title=_("Moments and disagreements"),
        story=_story(period.months, moments),
        charts=[
            Chart(
                kind="bar",
                uid="moments-conflicts",
                title=_("Moments and disagreements, by month"),
                labels=period.labels,
                series=[
                    Series(_("Moments"), [m.total for m in moments]),
                    Series(
                        _("Disagreements (shared log)"), [c.shared for c in conflicts]
                    ),
                ],
                summary=summary,
            )
        ],
        table=Table(
            testid="mc-table",
            caption=_("Moments and disagreements, by month"),
            head=[_("Month"), _("Moments"), _("Disagreements"), _("Repaired")],
            rows=[
                (month_name(month), [str(m.total), str(c.shared), str(c.repaired)])
                for month, m, c in zip(period.months, moments, conflicts, strict=True)
            ],
        ),
    )


def _story(months: list[Month], moments) -> str:
    """The moments the viewer can see in the last full month and in the
    month before it; "" when both are none."""
    if len(moments) < 3:
        return ""
    before, last = moments[-3].total, moments[-2].total
    if not (before or last):
        return ""
    return _(
        "Moments you can see: %(last)s from %(last_month)s, %(before)s from "
        "%(before_month)s."
    ) % {
        "last": last,
        "last_month": dateformat.format(months[-2].first, "F"),
        "before": before,
        "before_month": dateformat.format(months[-3].first, "F"),
    }
