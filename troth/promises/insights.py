"""Promises kept on the insights page, month by month (found by
troth.lib.hooks; see troth/insights/sections.py for the contract).

Each month's figure is `promise_figures`, the one the promises page and the
audit use (docs/figures/insights-trends.md)."""

from __future__ import annotations

from django.utils import dateformat
from django.utils.html import format_html
from django.utils.translation import gettext as _

from troth.insights.charts import Series
from troth.insights.sections import (
    Chart,
    Period,
    Section,
    Table,
    month_name,
    percent_fmt,
    summary_of,
)
from troth.insights.trends import Month
from troth.promises.stats import PromiseFigures, promise_figures_by_period

ORDER = 20


def promise_months(
    space, people, months: list[Month]
) -> dict[int, list[PromiseFigures]]:
    """`promise_figures` of each person (by pk) for each month. One query."""
    return promise_figures_by_period(space, people, [(m.start, m.end) for m in months])


def section(period: Period) -> Section:
    """Promises: kept share per month, each partner."""
    per_person = promise_months(
        period.space, [p for p, _n in period.people], period.months
    )
    if not any(f.due or f.settled for fs in per_person.values() for f in fs):
        return Section(
            key="promises",
            title=_("Promises kept"),
            waiting=_(
                "When a promise comes due and is settled, the share kept each "
                "month appears here."
            ),
        )
    return Section(
        key="promises",
        title=_("Promises kept"),
        charts=[_chart(period, per_person)],
        table=_table(period, per_person),
        story=_story(period, per_person[period.user.pk]),
    )


def _story(period: Period, mine: list[PromiseFigures]) -> str:
    """The viewer's kept share in the first and the last month with
    anything settled, as counts ("kept 5 of 8 in July 2026 and 9 of 11 in
    December 2026"); "" with fewer than two such months."""
    settled = [
        (m, f)
        for m, f in zip(period.months, mine, strict=True)
        if f.kept_percent is not None
    ]
    if len(settled) < 2:
        return ""
    (first_month, first), (last_month, last) = settled[0], settled[-1]
    return _(
        "Of the promises you settled, you kept %(first_kept)s of %(first_settled)s "
        "in %(first_month)s and %(last_kept)s of %(last_settled)s in %(last_month)s."
    ) % {
        "first_kept": first.kept,
        "first_settled": first.settled,
        "first_month": dateformat.format(first_month.first, "F Y"),
        "last_kept": last.kept,
        "last_settled": last.settled,
        "last_month": dateformat.format(last_month.first, "F Y"),
    }


def _chart(period: Period, per_person: dict[int, list[PromiseFigures]]) -> Chart:
    """Each partner's kept share, a line a person, from 0 to 100%."""
    series = [
        Series(name, [f.kept_percent for f in per_person[person.pk]])
        for person, name in period.people
    ]
    summary = " ".join(
        summary_of(
            _("Your kept share")
            if s.name == period.you
            else _("%(name)s's kept share") % {"name": s.name},
            s.values,
            period.months,
            percent_fmt,
        )
        for s in series
    )
    return Chart(
        kind="line",
        uid="promises-kept",
        title=_("Kept share of promises, by month"),
        labels=period.labels,
        series=series,
        summary=summary,
        low=0,
        high=100,
        ticks=[0, 50, 100],
        fmt=lambda v: f"{v:.0f}%",
    )


def _table(period: Period, per_person: dict[int, list[PromiseFigures]]) -> Table:
    """A row a month, a column a partner: the counts, then the share."""
    people = period.people
    return Table(
        testid="promises-table",
        caption=_("Promises kept, by month"),
        head=[_("Month")] + [name for _p, name in people],
        rows=[
            (_month_heading(month), [_cell(per_person[p.pk][i]) for p, _n in people])
            for i, month in enumerate(period.months)
        ],
    )


def _month_heading(month: Month) -> str:
    if not month.partial:
        return month_name(month)
    return format_html(
        '{} <span class="muted">({})</span>', month_name(month), _("so far")
    )


def _cell(figures: PromiseFigures) -> str:
    """The counts first, the share after: a bare percentage reads like a
    score (item 21 of issue 10)."""
    if figures.kept_percent is None:
        return _("nothing settled")
    return _("kept %(kept)s of %(settled)s (%(percent)s%%)") % {
        "kept": figures.kept,
        "settled": figures.settled,
        "percent": figures.kept_percent,
    }
