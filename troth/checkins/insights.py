"""The daily pulse on the insights page, month by month (found by
troth.lib.hooks; see troth/insights/sections.py for the contract).

A person's pulse means per calendar month, built from the same day scores
and the same averaging as `troth.checkins.stats`
(docs/figures/insights-trends.md): the viewer's own, and their partner's only
while the partner shares it.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from troth.checkins.audit import subscale_label
from troth.checkins.models import ITEMS, Pulse
from troth.checkins.stats import (
    SUBSCALES,
    EnoughDays,
    pulse_answered_days_of,
)
from troth.insights.charts import Series
from troth.insights.sections import (
    Chart,
    Note,
    Period,
    Section,
    Table,
    blocktranslated,
    mean_fmt,
    month_name,
    moved,
    summary_of,
)
from troth.insights.trends import Month, add_months

ORDER = 10


@dataclass(frozen=True)
class PulseMonth:
    first: dt.date
    days: int
    means: dict[str, float | None]


@dataclass
class PulseSeries(EnoughDays):
    subject: object
    total_days: int  # answered days ever, as the viewer may see them
    months: list[PulseMonth] = field(default_factory=list)


# Where each subscale's items sit in a row of answers in ITEMS order.
_POSITIONS = tuple(
    tuple(ITEMS.index(item) for item in items) for items in SUBSCALES.values()
)


class MonthSums:
    """One person's month of pulses, summed in one pass: `means()` is
    `subscale_means` of the same days, the same value of the same type
    (troth/checkins/tests/test_insights_means.py), without a `day_score`
    and an `exact_mean` per day and subscale (a page reads a year of days).

    Answers are whole numbers (1 to 7), so a day score is whole or a half
    (the mean of two answers): twice it is a whole number, and the sums
    are exact. `exact_mean` of whole scores is int when it divides, else
    the correctly rounded quotient; with any half among them it is
    `statistics.mean`, the correctly rounded float of the exact sum over
    the count: both are that quotient of whole numbers."""

    __slots__ = ("days", "counts", "twice", "halves")

    def __init__(self) -> None:
        self.days = 0
        self.counts = [0] * len(_POSITIONS)
        self.twice = [0] * len(_POSITIONS)  # twice the sum of day scores
        self.halves = [False] * len(_POSITIONS)  # a day score was a half

    def add(self, answers) -> None:
        """Add one day: `answers` in ITEMS order (None where skipped)."""
        self.days += 1
        for i, positions in enumerate(_POSITIONS):
            if len(positions) == 1:
                value = answers[positions[0]]
                if value is None:
                    continue
                self.counts[i] += 1
                self.twice[i] += 2 * value
                continue
            values = [v for p in positions if (v := answers[p]) is not None]
            if not values:
                continue
            # day_score: the mean of the answered items, one or two.
            total = sum(values)
            self.counts[i] += 1
            if len(values) == 1:
                self.twice[i] += 2 * total
            else:
                self.twice[i] += total
                self.halves[i] = self.halves[i] or bool(total % 2)

    def means(self) -> dict[str, float | None]:
        result: dict[str, float | None] = {}
        for i, name in enumerate(SUBSCALES):
            n, twice = self.counts[i], self.twice[i]
            if not n:
                result[name] = None
            elif self.halves[i]:
                result[name] = round(twice / (2 * n), 2)
            else:
                whole, rest = divmod(twice // 2, n)
                result[name] = round(whole if not rest else twice // 2 / n, 2)
        return result


def month_sums(rows) -> dict:
    """`MonthSums` of each key, from (key, answers in ITEMS order) pairs."""
    groups: dict = {}
    for key, answers in rows:
        sums = groups.get(key)
        if sums is None:
            sums = groups[key] = MonthSums()
        sums.add(answers)
    return groups


def pulse_months(*, viewer, subjects, months: list[Month]) -> dict[int, PulseSeries]:
    """Each subject's pulse means per subscale for each month (by pk), as
    `viewer` may see them (nothing at all for a partner who does not
    share). Two queries, whatever the number of subjects.

    The same rules as `troth.checkins.stats.pulse_trend`: a subscale's day
    score is `day_score`; its month mean is the plain mean of the month's
    day scores; skipped days are absent. Months are the subject's local
    dates (a pulse's day is their local day)."""
    first, last = months[0].first, add_months(months[-1].first, 1)
    pulses = (
        Pulse.objects.visible_to(viewer)
        .filter(author__in=[s.pk for s in subjects], day__gte=first, day__lt=last)
        .order_by("day")
        # Rows, not models: never the note (nothing to decrypt), and a
        # year of days for two people reads in a fraction of the time.
        .values_list("author", "day", *ITEMS)
    )
    totals = pulse_answered_days_of(viewer=viewer, subjects=subjects)
    by_month = month_sums(
        ((pulse[0], pulse[1].replace(day=1)), pulse[2:]) for pulse in pulses
    )
    result = {}
    for subject in subjects:
        series = PulseSeries(subject=subject, total_days=totals[subject.pk])
        for month in months:
            sums = by_month.get((subject.pk, month.first))
            series.months.append(
                PulseMonth(
                    first=month.first,
                    days=sums.days if sums else 0,
                    means=sums.means() if sums else dict.fromkeys(SUBSCALES),
                )
            )
        result[subject.pk] = series
    return result


def section(period: Period) -> Section:
    """Daily pulse, per subscale: mine, and my partner's only if shared."""
    user, partner = period.user, period.partner
    series = pulse_months(
        viewer=user, subjects=[p for p, _n in period.people], months=period.months
    )
    mine = series[user.pk]
    theirs = series[partner.pk] if partner is not None else None
    shown = theirs if theirs is not None and theirs.enough else None
    charts = _charts(mine, shown, period)
    subscale, story = _story(mine, period)
    # The chart shown first is the part the opening sentence names.
    charts.sort(key=lambda chart: chart.uid != f"pulse-{subscale}")
    return Section(
        key="pulse",
        title=_("Daily pulse"),
        notes=_notes(mine, shown, period),
        charts=charts,
        table=_table(mine, shown, period) if charts else None,
        story=story,
    )


def _story(mine: PulseSeries, period: Period) -> tuple[str, str]:
    """The part of the viewer's own pulse whose monthly mean moved most
    between its first and last months with answers, and a sentence with
    those two means; ("", "") before the trend appears, with fewer than two
    such months, or when no part moved."""
    if not mine.enough:
        return "", ""
    widest, subscale, sentence = 0.0, "", ""
    for name in SUBSCALES:
        values = [m.means[name] for m in mine.months]
        points = [v for v in values if v is not None]
        if len(points) < 2 or round(abs(points[-1] - points[0]), 1) <= widest:
            continue
        widest = round(abs(points[-1] - points[0]), 1)
        subscale = name
        sentence = moved(
            _("Of your pulse, %(subscale)s moved the most")
            % {"subscale": subscale_label(name).lower()},
            values,
            period.months,
            mean_fmt,
        )
    return subscale, sentence


def _notes(mine: PulseSeries, shown: PulseSeries | None, period: Period) -> list[Note]:
    notes = [
        Note(
            blocktranslated(
                _(
                    "Monthly means of the days answered, on the 1 to 7 scale. Your "
                    "own pulse is always here for you; your partner's only if they "
                    "share it."
                )
            )
        )
    ]
    if not mine.enough:
        n = mine.days_to_go
        wait = ngettext(
            "The pulse chart appears after about two weeks of answers: one more "
            "day to go.",
            "The pulse chart appears after about two weeks of answers: %(n)s more "
            "days to go.",
            n,
        ) % {"n": n}
        notes.append(
            Note(
                format_html(
                    '{} <a href="{}">{}</a>',
                    wait,
                    reverse("checkins:pulse"),
                    blocktranslated(_("Answer today's pulse")),
                ),
                css="notice",
                testid="pulse-wait",
            )
        )
    if period.partner is not None and shown is None:
        notes.append(
            Note(
                blocktranslated(
                    _(
                        "%(name)s's pulse appears here only if they choose to share "
                        "it, once they have answered on 14 days."
                    ),
                    name=period.partner,
                ),
                testid="partner-pulse-absent",
            )
        )
    return notes


def _charts(
    mine: PulseSeries, theirs: PulseSeries | None, period: Period
) -> list[Chart]:
    """One line chart per subscale; `theirs` is None unless it is shown."""
    charts = []
    for name in SUBSCALES:
        label = subscale_label(name)
        series = []
        if mine.enough:
            series.append(Series(period.you, [m.means[name] for m in mine.months]))
        if theirs is not None:
            series.append(
                Series(str(period.partner), [m.means[name] for m in theirs.months])
            )
        if not series:
            continue
        summary = " ".join(
            summary_of(s.name, s.values, period.months, mean_fmt) for s in series
        )
        charts.append(
            Chart(
                kind="line",
                uid=f"pulse-{name}",
                title=_("%(subscale)s, monthly mean (1 to 7)") % {"subscale": label},
                labels=period.labels,
                series=series,
                summary=summary,
                low=1,
                high=7,
                ticks=[1, 4, 7],
                label=label,
                testid=f"pulse-{name}",
            )
        )
    return charts


def _table(mine: PulseSeries, theirs: PulseSeries | None, period: Period) -> Table:
    """A row per month and person with days to show; `theirs` is None
    unless it is shown."""
    rows = []
    language = get_language()
    for i, month in enumerate(period.months):
        for who, pulses in ((period.you, mine), (str(period.partner), theirs)):
            if pulses is None or not pulses.enough or not pulses.months[i].days:
                continue
            means = [pulses.months[i].means[s] for s in SUBSCALES]
            rows.append(
                (
                    month_name(month),
                    [who, str(pulses.months[i].days)]
                    + ["–" if v is None else _one_place(v, language) for v in means],
                )
            )
    return Table(
        testid="pulse-table",
        caption=_("Daily pulse: monthly means"),
        head=[_("Month"), _("Whose"), _("Days")]
        + [subscale_label(s) for s in SUBSCALES],
        rows=rows,
    )


@functools.lru_cache(maxsize=4096, typed=True)
def _one_place(value: float, language: str | None) -> str:
    """`floatformat(value, 1)`, remembered: a year's table formats dozens
    of means per request, at most 601 different ones (1.00 to 7.00), and
    the result depends only on the value and the active `language` (its
    decimal separator), the key with it."""
    return floatformat(value, 1)
