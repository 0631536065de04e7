"""Promises kept on the insights page, month by month (found by
troth.lib.hooks; see troth/insights/sections.py for the contract).

Each month's figure is `promise_figures`, the one the promises page and the
audit use (docs/figures/insights-trends.md)."""

from __future__ import annotations

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
from troth.promises.stats import PromiseFigures, promise_figures

ORDER = 20


def promise_months(space, user, months: list[Month]) -> list[PromiseFigures]:
    """`promise_figures` of `user` for each month. One query a month."""
    return [promise_figures(space, user, m.start, m.end) for m in months]


def section(period: Period) -> Section:
    """Promises: kept share per month, each partner."""
    per_person = {
        p.pk: promise_months(period.space, p, period.months) for p, _n in period.people
    }
    return Section(
        key="promises",
        title=_("Promises kept"),
        charts=[_chart(period, per_person)],
        table=_table(period, per_person),
    )


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
