"""The figures of a monthly trust audit: computed once, when the audit is
drafted, and kept as a JSON snapshot on the audit.

Every figure comes from the feature that owns it, through its `audit.py`
(found by troth.lib.hooks, like the dashboard's cards and the export's
parts); this module only gathers them for a period and turns the snapshot
into rows to show and compare. The derivation of each is
docs/figures/audit-figures.md.

The audit is one document both partners read, so nothing in it may be
something only one of them can see. Each figure about a partner is
therefore computed *as the other partner sees it*: a pulse that is not
shared contributes nothing, a moment counts only if it reached the partner,
a conflict only once both shared a view of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import ModuleType

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from troth.lib.hooks import app_modules

VERSION = 1
DOC = "audit-figures.md"


def contributors() -> list[ModuleType]:
    """The apps' `audit.py` modules, in the order their figures are drafted.

    Each provides `ORDER` (an int), `figures(space, partners, *, start,
    end, now) -> dict` (its part of the snapshot under its own top-level
    key(s), or an empty dict when it has nothing to say) and `rows(figures,
    people, add)` (its part shown as rows, see `_Rows`); optionally
    `ROWS_ORDER`, where its rows go if not at `ORDER`, and `context`, see
    `page_context`."""
    return sorted(app_modules("audit"), key=lambda module: module.ORDER)


def draft_figures(
    space, *, start: dt.datetime, end: dt.datetime, now: dt.datetime | None = None
) -> dict:
    """Every figure of the audit of `space` for [start, end), as JSON-ready
    data. A fixed number of queries whatever the history: about twenty for
    two partners (benchmarks/audit.py times it on three years of data)."""
    now = now or timezone.now()
    partners = list(space.partners)
    figures: dict = {"version": VERSION, "people": [str(p.pk) for p in partners]}
    for module in contributors():
        figures.update(module.figures(space, partners, start=start, end=end, now=now))
    return figures


# Showing and comparing a snapshot


@dataclass(frozen=True)
class Row:
    """One figure of an audit, ready to show and to compare."""

    key: str  # stable across audits, e.g. "promises.12.kept"
    section: str
    label: str  # complete, e.g. "Alice: kept" (for exports)
    value: float | int | None
    kind: str = "count"  # "count", "mean" (1-7), "percent"
    metric: str = ""  # without the person, e.g. "Kept"
    who: str = ""  # the person's id for a figure about one partner
    # A share's counts: `part` of `whole` (kept of settled).
    part: int | None = None
    whole: int | None = None

    @property
    def counts(self) -> str:
        """A share as the counts it comes from ("9 of 11"): a share alone
        ("82%") reads like the score Troth does not give. Non-breaking
        spaces keep "9 of 11" on one line in a phone's narrow column."""
        counts = _("%(part)s of %(whole)s") % {"part": self.part, "whole": self.whole}
        return counts.replace(" ", "\u00a0")

    @property
    def shown(self) -> str:
        if self.value is None:
            return "–"
        if self.kind == "mean":
            return f"{self.value:.1f}"
        if self.kind == "percent":
            if self.whole is not None:
                return _("%(counts)s, %(percent)s%%") % {
                    "counts": self.counts,
                    "percent": self.value,
                }
            return f"{self.value}%"
        return str(self.value)


@dataclass(frozen=True)
class Compared:
    row: Row
    before: Row | None

    @property
    def change(self) -> float | int | None:
        if self.before is None or self.before.value is None or self.row.value is None:
            return None
        diff = self.row.value - self.before.value
        return round(diff, 2) if isinstance(diff, float) else diff

    @property
    def change_shown(self) -> str:
        change = self.change
        if change is None:
            return ""
        if self.row.kind == "percent" and self.row.whole is not None:
            # Not "−18 points": see `beside`.
            return ""
        if change == 0:
            return _("same")
        sign = "+" if change > 0 else "−"
        size = abs(change)
        if self.row.kind == "mean":
            text = f"{size:.1f}"
        elif self.row.kind == "percent":
            text = ngettext("%(n)s point", "%(n)s points", size) % {"n": size}
        else:
            text = str(size)
        return f"{sign}{text}"

    @property
    def beside(self) -> str:
        """What the audit pages show beside a figure: the change, or for a
        share the counts of the audit before ("before: 9 of 11"), since a
        difference in percentage points reads like a score."""
        before = self.before
        if (
            self.row.kind == "percent"
            and self.row.whole is not None
            and before is not None
            and before.value is not None
            and before.whole is not None
        ):
            return _("before: %(counts)s") % {"counts": before.counts}
        return self.change_shown


class _Rows:
    """What each app's `rows(figures, people, add)` adds its rows through:
    `add.mine(...)` for a figure about one partner, `add.ours(...)` for one
    about both."""

    def __init__(self, names: dict[str, str]):
        self.names = names
        self.out: list[Row] = []

    def name(self, uid: str) -> str:
        return self.names.get(uid) or str(_("A former partner"))

    def mine(
        self, key, section, metric, value, uid, *, kind="count", part=None, whole=None
    ):
        self.out.append(
            Row(
                key,
                str(section),
                f"{self.name(uid)}: {metric}",
                value,
                kind=kind,
                metric=str(metric),
                who=uid,
                part=part,
                whole=whole,
            )
        )

    def ours(self, key, section, metric, value, kind="count"):
        self.out.append(
            Row(key, str(section), str(metric), value, kind=kind, metric=str(metric))
        )


def rows(figures: dict, names: dict[str, str]) -> list[Row]:
    """The snapshot as labelled rows, in the order the audit shows them:
    each app's `rows` in its `ROWS_ORDER` (or `ORDER`). `names` maps user
    ids (as strings) to display names."""
    add = _Rows(names)
    people = figures.get("people", [])
    shown = sorted(
        contributors(), key=lambda module: getattr(module, "ROWS_ORDER", module.ORDER)
    )
    for module in shown:
        module.rows(figures, people, add)
    return add.out


def page_context(figures: dict, names: dict[str, str]) -> dict:
    """What apps add to the audit page beyond their rows (the pulse's weekly
    tables), from each app's optional `context(figures, names)`."""
    context: dict = {}
    for module in contributors():
        if hasattr(module, "context"):
            context.update(module.context(figures, names))
    return context


def compare(
    current: dict, previous: dict | None, names: dict[str, str]
) -> list[Compared]:
    """Each figure of `current` beside the same figure of the audit before
    (None where that audit had no such figure, or there was none)."""
    return compare_rows(rows(current, names), rows(previous, names) if previous else [])


def compare_rows(current: list[Row], previous: list[Row]) -> list[Compared]:
    """`compare` of two audits' rows, for a page that shows each audit both
    as itself and as the one before another (its rows made once)."""
    before = {row.key: row for row in previous}
    return [Compared(row=row, before=before.get(row.key)) for row in current]


def sections(compared: list[Compared]) -> list[tuple[str, list[Compared]]]:
    """Group compared rows by section, keeping their order."""
    grouped: dict[str, list[Compared]] = {}
    for item in compared:
        grouped.setdefault(item.row.section, []).append(item)
    return list(grouped.items())


@dataclass
class Line:
    """One metric of a section: one cell per partner, or one for both."""

    metric: str
    cells: list[Compared | None]
    together: bool


@dataclass
class Table:
    section: str
    columns: list[str]  # the partners' names; empty when all is shared
    lines: list[Line]


def tables(compared: list[Compared], names: dict[str, str]) -> list[Table]:
    """Each section as a table with a column per partner where figures are
    per partner (Promises: Alice | Bob), which halves its length on a phone."""
    out = []
    for section, items in sections(compared):
        people = list(dict.fromkeys(c.row.who for c in items if c.row.who))
        lines: dict[tuple[str, bool], Line] = {}
        for item in items:
            together = not item.row.who
            key = (item.row.metric, together)
            if key not in lines:
                lines[key] = Line(
                    metric=item.row.metric,
                    cells=[None] if together else [None] * len(people),
                    together=together,
                )
            index = 0 if together else people.index(item.row.who)
            lines[key].cells[index] = item
        out.append(
            Table(
                section=section,
                columns=[
                    names.get(uid) or str(_("A former partner")) for uid in people
                ],
                lines=list(lines.values()),
            )
        )
    return out
