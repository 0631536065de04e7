"""The parts of the insights page, and how the page asks for them.

Every section of `/insights/` comes from the feature that owns its figures,
through that app's `insights.py` (found by troth.lib.hooks, like the audit's
`audit.py`); this module only says what a section is made of, and the page
draws every section the same way. An app's `insights.py` provides:

- `ORDER` (an int): where its section goes on the page;
- `section(period) -> Section | None`: its section for the period asked
  (None when it has nothing to show, as the repair path without a repair);
- optionally `how_context() -> dict`: numbers the "How the insights are
  computed" page quotes.

Each section runs a fixed number of queries, so the page's count does not
grow with data (troth/insights/tests/test_insights.py).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import ModuleType
from typing import Any, Literal

from django.urls import get_script_prefix, reverse
from django.utils import dateformat
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # not in the stubs
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from troth.insights.charts import Series, bar_chart, has_data, line_chart
from troth.insights.trends import Month
from troth.lib.hooks import app_modules


def contributors() -> list[ModuleType]:
    """The apps' `insights.py` modules, in the order of their sections."""
    return sorted(app_modules("insights"), key=lambda module: module.ORDER)


@dataclass(frozen=True)
class Period:
    """What every section is computed for: the viewer, their space, and the
    months asked, oldest first, in the viewer's time zone."""

    user: Any
    space: Any
    partner: Any | None
    months: list[Month]
    now: dt.datetime

    @cached_property
    def you(self) -> str:
        return str(_("You"))

    @cached_property
    def labels(self) -> list[str]:
        """Each month's short name, for a chart's axis."""
        return [dateformat.format(m.first, "M") for m in self.months]

    @cached_property
    def people(self) -> list[tuple[Any, str]]:
        """The viewer ("You") and their partner, each with the name shown."""
        partner = self.partner
        return [(self.user, self.you)] + (
            [(partner, str(partner))] if partner is not None else []
        )


@dataclass(frozen=True)
class Note:
    """A paragraph of a section: `text` is escaped unless it is safe."""

    text: str
    css: str = "muted"
    testid: str = ""


def _plain(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class Chart:
    """A chart of monthly series, described in words by `summary`.

    A bar chart starts at zero; a line chart spans `low` to `high` with
    `ticks`. With a `label`, the chart has a heading of its own (one of
    several in a section) and is drawn even with nothing to show; without,
    the summary is its caption and an empty chart gives way to a sentence."""

    kind: Literal["line", "bar"]
    uid: str
    title: str
    labels: list[str]
    series: list[Series]
    summary: str
    low: float = 0
    high: float = 100
    ticks: Sequence[float] = ()
    fmt: Callable[[float], str] = _plain
    label: str = ""
    testid: str = ""

    @cached_property
    def svg(self) -> SafeString | None:
        if not (self.label or has_data(self.series)):
            return None
        # Every chart is named, described, and drawn over labels; a line
        # chart also has its scale.
        drawn: dict[str, Any] = {
            "uid": self.uid,
            "title": self.title,
            "desc": self.summary,
            "labels": self.labels,
            "series": self.series,
        }
        if self.kind == "bar":
            return bar_chart(**drawn)
        return line_chart(
            **drawn, low=self.low, high=self.high, ticks=list(self.ticks), fmt=self.fmt
        )


@dataclass(frozen=True)
class Table:
    """A chart's numbers. `head` names every column, the first one the rows'
    headings; each row is its heading and its cells."""

    testid: str
    caption: str
    head: list[str]
    rows: list[tuple[str, list[str]]]
    note: str = ""

    # The head's and the body's cells, written here rather than by two
    # nested template loops: a year's tables are some six hundred cells,
    # and as template variables they were a fifth of the page's rendering.
    # Each value is shown as `{{ value }}` shows it.

    @cached_property
    def head_cells(self) -> SafeString:
        # Safe: shown() escapes every value; the rest is literal markup.
        return mark_safe(  # nosec B308 B703
            "".join(f'<th scope="col">{shown(name)}</th>' for name in self.head)
        )

    @cached_property
    def body_rows(self) -> SafeString:
        # Safe: shown() escapes every value; the rest is literal markup.
        return mark_safe(  # nosec B308 B703
            "\n".join(
                f'<tr><th scope="row">{shown(heading)}</th>'
                + "".join(f"<td>{shown(cell)}</td>" for cell in cells)
                + "</tr>"
                for heading, cells in self.rows
            )
        )


def shown(value: Any) -> str:
    """A value as a template's `{{ value }}` shows it, as markup: in the
    current time zone, localized, escaped unless it is safe."""
    if type(value) is str:
        # What conditional_escape does to a plain string, without its
        # wrappers: a table's cells are mostly plain strings.
        return html.escape(value)
    return conditional_escape(localize(template_localtime(value)))


@dataclass(frozen=True)
class Section:
    """One card of the page. `key` is its id, the anchor of its explanation
    on the "how" page and, with "insight-", its test id; `derivation` names
    its page in docs/figures/.

    `story` is one plain sentence saying what changed, built from the
    section's own figures (never a score or a judgement); the page opens
    with the first few (`opening`). `waiting`, for a section with nothing
    recorded yet, says what will appear and when, in place of an empty
    chart and a table of zeros. The first chart is shown; any others are
    folded with the table under "The numbers"."""

    key: str
    title: str
    notes: list[Note] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    table: Table | None = None
    after: list[Note] = field(default_factory=list)
    derivation: str = "insights-trends"
    story: str = ""
    waiting: str = ""

    @property
    def chart(self) -> Chart | None:
        return self.charts[0] if self.charts else None

    @property
    def more_charts(self) -> list[Chart]:
        return self.charts[1:]

    @property
    def derivation_url(self) -> str:
        return _derivation_url(get_script_prefix(), self.derivation)


@lru_cache(maxsize=64)
def _derivation_url(prefix: str, slug: str) -> str:
    """A derivation page's URL, reversed once per process (and script
    prefix): every section links to one."""
    return reverse("figure_derivation", args=[slug])


# The page opens with at most this many sentences, one per section.
OPENING_SENTENCES = 3


def opening(sections: list[Section]) -> list[str]:
    """The sentences the page opens with: the `story` of the first sections
    that have one, in the sections' order, at most OPENING_SENTENCES."""
    return [s.story for s in sections if s.story][:OPENING_SENTENCES]


# Helpers for the apps' sections


def month_name(month: Month) -> str:
    """A month as a table's row heading: "Mar 2026"."""
    return _month_in(month.first, "M Y", get_language())


def blocktranslated(message: str, **values) -> SafeString:
    """A translated sentence with its values escaped and its own wording
    left as written, as `{% blocktranslate %}` does."""
    # Safe: the message is Troth's own wording; every value is escaped.
    return mark_safe(  # nosec
        message % {name: conditional_escape(v) for name, v in values.items()}
    )


def summary_of(name: str, values: list, months: list[Month], fmt) -> str:
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
            "month": _long(last_month),
        }
    return _("%(name)s: %(first)s in %(first_month)s, %(last)s in %(last_month)s.") % {
        "name": name,
        "first": fmt(first),
        "first_month": _long(first_month),
        "last": fmt(last),
        "last_month": _long(last_month),
    }


def _long(month: Month) -> str:
    return _month_in(month.first, "F Y", get_language())


@lru_cache(maxsize=1024)
def _month_in(first: dt.date, fmt: str, language: str | None) -> str:
    """A month's name in `fmt` and the language active (which the key
    names, as a month's name changes with it and nothing else): asked for
    some sixty times a page, for the same dozen months. (`fmt` is a
    pattern, not a format setting's name, so date_format's lookup would
    give it back unchanged.)"""
    return dateformat.format(first, fmt)


def moved(name: str, values: list, months: list[Month], fmt) -> str:
    """One sentence of a story: a series' first and last months with data
    ("Your kept share: 60% in July 2026, 82% in December 2026."), or ""
    with fewer than two such months. It says where the figure was and is,
    never whether that is better or worse."""
    points = [(m, v) for m, v in zip(months, values, strict=True) if v is not None]
    if len(points) < 2:
        return ""
    return summary_of(name, values, months, fmt)


def mean_fmt(value) -> str:
    return f"{value:.1f}"


def percent_fmt(value) -> str:
    return f"{value:.0f}%"
