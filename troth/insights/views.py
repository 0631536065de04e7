from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from troth.checkins.audit import subscale_label
from troth.checkins.stats import SUBSCALES
from troth.insights import trends
from troth.insights.charts import Series, bar_chart, has_data, line_chart
from troth.lib.http import AuthedRequest
from troth.repair.models import Phase
from troth.spaces.models import current_membership

PERIODS = (6, 12)


def _label(month: trends.Month) -> str:
    return dateformat.format(month.first, "M")


def _long(month_first) -> str:
    return dateformat.format(month_first, "F Y")


def _summary_of(name: str, values: list, months: list[trends.Month], fmt) -> str:
    """One sentence: where a series started and where it is now."""
    points = [(m, v) for m, v in zip(months, values, strict=True) if v is not None]
    if not points:
        return _("%(name)s: nothing to show in these months.") % {"name": name}
    first_month, first = points[0]
    last_month, last = points[-1]
    if len(points) == 1:
        return _("%(name)s: %(value)s in %(month)s, the only month with data.") % {
            "name": name,
            "value": fmt(last),
            "month": _long(last_month.first),
        }
    return _("%(name)s: %(first)s in %(first_month)s, %(last)s in %(last_month)s.") % {
        "name": name,
        "first": fmt(first),
        "first_month": _long(first_month.first),
        "last": fmt(last),
        "last_month": _long(last_month.first),
    }


def _mean_fmt(value) -> str:
    return f"{value:.1f}"


def _percent_fmt(value) -> str:
    return f"{value:.0f}%"


def _months_asked(request: AuthedRequest) -> int:
    """The period in months from the query string, or the first if it is
    missing or not one offered."""
    try:
        count = int(request.GET.get("months", PERIODS[0]))
    except ValueError:
        count = PERIODS[0]
    return count if count in PERIODS else PERIODS[0]


def _pulse_section(user, partner, months, labels, you: str) -> dict:
    """Daily pulse, per subscale: mine, and my partner's only if shared."""
    mine = trends.pulse_months(viewer=user, subject=user, months=months)
    theirs = (
        trends.pulse_months(viewer=user, subject=partner, months=months)
        if partner is not None
        else None
    )
    show_theirs = theirs is not None and theirs.enough
    return {
        "mine": mine,
        "theirs": theirs,
        "show_theirs": show_theirs,
        "pulse_charts": _pulse_charts(
            mine, theirs if show_theirs else None, partner, months, labels, you
        ),
        "pulse_rows": _pulse_rows(
            mine, theirs if show_theirs else None, partner, months, you
        ),
        "subscales": [subscale_label(s) for s in SUBSCALES],
        "subscale_keys": list(SUBSCALES),
    }


def _pulse_charts(mine, theirs, partner, months, labels, you: str) -> list[dict]:
    """One line chart per subscale; `theirs` is None unless it is shown."""
    charts = []
    for name in SUBSCALES:
        label = subscale_label(name)
        series = []
        if mine.enough:
            series.append(Series(you, [m.means[name] for m in mine.months]))
        if theirs is not None:
            series.append(Series(str(partner), [m.means[name] for m in theirs.months]))
        if not series:
            continue
        summary = " ".join(
            _summary_of(s.name, s.values, months, _mean_fmt) for s in series
        )
        charts.append(
            {
                "name": name,
                "label": label,
                "series": series,
                "summary": summary,
                "svg": line_chart(
                    uid=f"pulse-{name}",
                    title=_("%(subscale)s, monthly mean (1 to 7)")
                    % {"subscale": label},
                    desc=summary,
                    labels=labels,
                    series=series,
                    low=1,
                    high=7,
                    ticks=[1, 4, 7],
                ),
            }
        )
    return charts


def _pulse_rows(mine, theirs, partner, months, you: str) -> list[dict]:
    """The pulse table: a row per month and person with days to show;
    `theirs` is None unless it is shown."""
    rows = []
    for i, m in enumerate(months):
        for who, pulses in ((you, mine), (str(partner), theirs)):
            if pulses is None or not pulses.enough or not pulses.months[i].days:
                continue
            rows.append(
                {
                    "month": m,
                    "who": who,
                    "days": pulses.months[i].days,
                    "means": [pulses.months[i].means[s] for s in SUBSCALES],
                }
            )
    return rows


def _promise_section(space, people, months, labels, you: str) -> dict:
    """Promises: kept share per month, each partner."""
    per_person = {p.pk: trends.promise_months(space, p, months) for p, _n in people}
    promise_series = [
        Series(name, [f.kept_percent for f in per_person[person.pk]])
        for person, name in people
    ]
    promise_table = [
        {"month": m, "cells": [per_person[p.pk][i] for p, _n in people]}
        for i, m in enumerate(months)
    ]
    promise_summary = " ".join(
        _summary_of(
            _("Your kept share")
            if s.name == you
            else _("%(name)s's kept share") % {"name": s.name},
            s.values,
            months,
            _percent_fmt,
        )
        for s in promise_series
    )
    promise_svg = has_data(promise_series) and line_chart(
        uid="promises-kept",
        title=_("Kept share of promises, by month"),
        desc=promise_summary,
        labels=labels,
        series=promise_series,
        low=0,
        high=100,
        ticks=[0, 50, 100],
        fmt=lambda v: f"{v:.0f}%",
    )
    return {
        "promise_svg": promise_svg,
        "promise_summary": promise_summary,
        "promise_table": promise_table,
        "promise_series": promise_series,
    }


def _ritual_section(space, months, labels, now) -> dict:
    """Ritual dates, and how many happened."""
    rituals = trends.ritual_months(space, months, now)
    ritual_series = [
        Series(_("Ritual dates"), [r.occurrences for r in rituals]),
        Series(_("Happened"), [r.happened for r in rituals]),
    ]
    ritual_summary = _(
        "%(happened)s of %(dates)s ritual dates happened over these months, by your answers."
    ) % {
        "happened": sum(r.happened for r in rituals),
        "dates": sum(r.occurrences for r in rituals),
    }
    ritual_svg = has_data(ritual_series) and bar_chart(
        uid="rituals",
        title=_("Ritual dates and how many happened, by month"),
        desc=ritual_summary,
        labels=labels,
        series=ritual_series,
    )
    return {
        "ritual_svg": ritual_svg,
        "ritual_summary": ritual_summary,
        "ritual_rows": list(zip(months, rituals, strict=True)),
        "ritual_series": ritual_series,
    }


def _moments_conflicts_section(user, space, months, labels, tz) -> dict:
    """Moments and disagreements, side by side."""
    moments = trends.moment_months(user, space, months)
    conflicts = trends.conflict_months(space, months, tz)
    mc_series = [
        Series(_("Moments"), [m.total for m in moments]),
        Series(_("Disagreements (shared log)"), [c.shared for c in conflicts]),
    ]
    mc_summary = _(
        "Over these months: %(moments)s moments you can see, and %(conflicts)s "
        "disagreements in your shared log, %(repaired)s of them repaired."
    ) % {
        "moments": sum(m.total for m in moments),
        "conflicts": sum(c.shared for c in conflicts),
        "repaired": sum(c.repaired for c in conflicts),
    }
    mc_svg = has_data(mc_series) and bar_chart(
        uid="moments-conflicts",
        title=_("Moments and disagreements, by month"),
        desc=mc_summary,
        labels=labels,
        series=mc_series,
    )
    return {
        "mc_svg": mc_svg,
        "mc_summary": mc_summary,
        "mc_rows": list(zip(months, moments, conflicts, strict=True)),
        "mc_series": mc_series,
    }


def _repair_section(user, space, months, labels) -> dict:
    """Repair: only for a couple with a repair path in these months."""
    repair = trends.repair_months(user, space, months)
    repair_svg = repair_summary = None
    repair_series = []
    if repair is not None:
        repair_series = [Series(_("Steps"), [m.steps for m in repair.months])]
        phases = ", ".join(str(Phase(p).label) for p in repair.open_phases)
        repair_summary = _("%(steps)s steps on your repair path over these months.") % {
            "steps": repair.steps
        }
        if phases:
            repair_summary += " " + _("Where it stands now: %(phases)s.") % {
                "phases": phases
            }
        repair_svg = has_data(repair_series) and bar_chart(
            uid="repair",
            title=_("Steps on your repair path, by month"),
            desc=repair_summary,
            labels=labels,
            series=repair_series,
        )
    return {
        "repair": repair,
        "repair_svg": repair_svg,
        "repair_summary": repair_summary,
        "repair_series": repair_series,
        "repair_rows": list(zip(months, repair.months, strict=True)) if repair else [],
    }


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    """Trends over the last months, each drawn, tabled and summarised, with
    a link to how it is computed. A fixed number of queries for a period,
    however much data there is."""
    membership = current_membership(request)
    if membership is None:
        return redirect("home")
    user = request.user
    space = membership.space
    count = _months_asked(request)
    now = timezone.now()
    tz = user.tz
    months = trends.recent_months(now, tz, count)
    labels = [_label(m) for m in months]
    partner = space.partner_of(user)
    you = str(_("You"))
    people = [(user, you)] + ([(partner, str(partner))] if partner else [])
    context = {
        "count": count,
        "periods": PERIODS,
        "months": months,
        "partner": partner,
        "people": [name for _p, name in people],
        "own_months": trends.OWN_DATA_MONTHS,
        "min_pulse_days": trends.MIN_PULSE_DAYS,
    }
    context |= _pulse_section(user, partner, months, labels, you)
    context |= _promise_section(space, people, months, labels, you)
    context |= _ritual_section(space, months, labels, now)
    context |= _moments_conflicts_section(user, space, months, labels, tz)
    context["own"] = trends.own_data(space, now)
    context |= _repair_section(user, space, months, labels)
    return render(request, "insights/index.html", context)


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    """How each insight is computed (docs/figures/insights-trends.md and
    docs/figures/insights-own-data.md)."""
    return render(
        request,
        "insights/how.html",
        {
            "own_months": trends.OWN_DATA_MONTHS,
            "min_pulse_days": trends.MIN_PULSE_DAYS,
            "lookback": trends.OWN_DATA_LOOKBACK,
        },
    )
