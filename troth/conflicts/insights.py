""" "Your own data" on the insights page: the couple's logged disagreements
set against their trust pulse (found by troth.lib.hooks; see
troth/insights/sections.py for the contract).

The couple's last twelve 30-day months, each with their trust pulse (from
`troth.checkins`, shared pulses only) and their count of disagreements in the
shared log, and the months with a higher trust pulse compared with the
others. docs/figures/insights-own-data.md has every rule and its reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import statistics
from dataclasses import dataclass, field

from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from troth.checkins.models import Pulse
from troth.checkins.stats import day_score, exact_mean
from troth.conflicts.stats import first_shared_at, shared_conflicts
from troth.insights.sections import Note, Period, Section, Table, blocktranslated
from troth.lib.time import space_day_start, space_today

ORDER = 60

TRUST_SUBSCALES = ("predictability", "dependability", "faith")
# Months of 30 days, at least this many of them, each with at least
# MIN_PULSE_DAYS answered days of a shared pulse.
OWN_DATA_MONTHS = 6
OWN_DATA_LOOKBACK = 12
WINDOW_DAYS = 30
MIN_PULSE_DAYS = 7


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


def _trust_day(pulse) -> float | None:
    """A day's trust value: the mean of its predictability, dependability
    and faith day scores (the three parts of trust in Rempel, Holmes and
    Zanna 1985), of those answered."""
    scores = [
        s for name in TRUST_SUBSCALES if (s := day_score(pulse, name)) is not None
    ]
    return exact_mean(scores) if scores else None


def _trust_by_window(partners, edges: list[dt.date]) -> dict:
    """Each partner's trust values by window index, from their shared days
    read as the other partner reads them; only partners with any. One
    query."""
    seen = functools.reduce(
        operator.or_,
        (
            Pulse.objects.visible_to(
                next(p for p in partners if p.pk != person.pk)
            ).filter(author=person, day__gte=edges[0], day__lt=edges[-1])
            for person in partners
        ),
    )
    values: dict[int, dict[int, list[float]]] = {p.pk: {} for p in partners}
    rows = seen.order_by().values_list("author", "day", *TRUST_SUBSCALES, named=True)
    for pulse in rows:
        value = _trust_day(pulse)
        if value is None:
            continue
        index = (pulse.day - edges[0]).days // WINDOW_DAYS
        values[pulse.author].setdefault(index, []).append(value)
    return {person: values[person.pk] for person in partners if values[person.pk]}


def own_data(space, now: dt.datetime) -> OwnData:
    """The couple's last twelve 30-day months, each with their trust pulse
    and their count of disagreements in the shared log, and the comparison
    of the months with a higher trust pulse against the others.

    The same for both partners: only shared pulses count (each read as the
    other partner reads it), and only the shared log. Four queries, whatever
    the length of the log."""
    partners = list(space.partners)
    result = OwnData()
    if len(partners) < 2:
        return result
    today = space_today(partners, now)
    edges = [
        today - dt.timedelta(days=WINDOW_DAYS * n)
        for n in range(OWN_DATA_LOOKBACK, -1, -1)
    ]
    per_person = _trust_by_window(partners, edges)
    result.sharers = list(per_person)
    # Conflicts: the shared log of these months, and when it began.
    bounds = [space_day_start(partners, d) for d in edges]
    logged = shared_conflicts(space, start=bounds[0], end=bounds[-1])
    first_logged = first_shared_at(space, before=bounds[0]) or (
        logged[0].occurred_at if logged else None
    )
    result.has_conflicts = first_logged is not None
    for i in range(OWN_DATA_LOOKBACK):
        start, end = bounds[i], bounds[i + 1]
        person_values = [
            statistics.mean(days[i])
            for days in per_person.values()
            if len(days.get(i, [])) >= MIN_PULSE_DAYS
        ]
        couple_pulse = (
            round(statistics.mean(person_values), 2) if person_values else None
        )
        result.windows.append(
            Window(
                first=edges[i],
                last=edges[i + 1] - dt.timedelta(days=1),
                pulse=couple_pulse,
                conflicts=sum(1 for c in logged if start <= c.occurred_at < end),
                counted=couple_pulse is not None
                and first_logged is not None
                and end > first_logged,
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


def how_context() -> dict:
    return {
        "own_months": OWN_DATA_MONTHS,
        "min_pulse_days": MIN_PULSE_DAYS,
        "lookback": OWN_DATA_LOOKBACK,
    }


def section(period: Period) -> Section:
    """Your own data: the comparison, or what it still needs."""
    own = own_data(period.space, period.now)
    return Section(
        key="own-data",
        title=_("Your own data: trust pulse and disagreements"),
        notes=_notes(own),
        table=_table(own) if own.sharers else None,
        derivation="insights-own-data",
    )


def _notes(own: OwnData) -> list[Note]:
    if not own.sharers:
        return [
            Note(
                _(
                    "This comparison needs at least one shared pulse: it uses only "
                    "what you both can see. If one of you shares the daily pulse, it "
                    "appears here after six months."
                ),
                css="",
                testid="own-data-needs-pulse",
            )
        ]
    if not own.has_conflicts:
        return [
            Note(
                _(
                    "This comparison needs disagreements in your shared log (both of "
                    "you shared your view). With none, there is nothing to set your "
                    "pulse against."
                ),
                css="",
                testid="own-data-needs-conflicts",
            )
        ]
    if not own.ready:
        return [Note(_wait(own), css="", testid="own-data-wait")]
    if own.all_same:
        return [
            Note(
                _(
                    "Your trust pulse was the same every month, so there is nothing to compare."
                ),
                css="",
                testid="own-data-same",
            )
        ]
    return [
        Note(_result(own), css="", testid="own-data-result"),
        Note(
            blocktranslated(
                _(
                    "This is your own data from %(total)s months, not a general finding "
                    "about couples. With so few months, a difference would show at most "
                    "that the two went together for you, never that one caused the "
                    "other: a hard month can lower the pulse and bring disagreements at "
                    "once, and logging habits change. Read it as something to talk "
                    "about, not a verdict."
                ),
                total=len(own.counted),
            ),
            css="notice",
            testid="own-data-caveat",
        ),
    ]


def _wait(own: OwnData) -> str:
    n = own.months_to_go
    return blocktranslated(
        ngettext(
            "You have %(have)s of the %(need)s months this needs. About one more "
            "month of shared pulses and logged disagreements, and it appears here.",
            "You have %(have)s of the %(need)s months this needs. About %(n)s more "
            "months of shared pulses and logged disagreements, and it appears here.",
            n,
        ),
        have=len(own.counted),
        need=OWN_DATA_MONTHS,
        n=n,
    )


def _result(own: OwnData) -> str:
    n = len(own.higher)
    return blocktranslated(
        ngettext(
            "In the month when your trust pulse was higher, you logged %(higher)s "
            "disagreements in your shared log; in the other %(others)s months, "
            "%(lower)s a month on average.",
            "In the %(n)s months when your trust pulse was higher, you logged "
            "%(higher)s disagreements a month on average in your shared log; in the "
            "other %(others)s months, %(lower)s.",
            n,
        ),
        higher=floatformat(own.higher_mean, 1),
        lower=floatformat(own.lower_mean, 1),
        others=len(own.lower),
        n=n,
    )


def _table(own: OwnData) -> Table:
    return Table(
        testid="own-data-table",
        caption=_("Trust pulse and disagreements, by 30-day month"),
        head=[_("30 days"), _("Trust pulse"), _("Disagreements"), _("Counted")],
        rows=[
            (
                f"{formats.date_format(w.first, 'j M')} – "
                f"{formats.date_format(w.last, 'j M Y')}",
                [
                    "–" if w.pulse is None else floatformat(w.pulse, 1),
                    str(w.conflicts),
                    _("yes") if w.counted else _("no"),
                ],
            )
            for w in own.windows
        ],
        note=_(
            "A month counts when a shared pulse was answered on at least %(d)s of "
            "its days, and it is not before your first logged disagreement."
        )
        % {"d": MIN_PULSE_DAYS},
    )
