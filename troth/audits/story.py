"""The audit page as a short story: a few plain sentences on what the month's
figures say, and one chart per section (issue 12).

Everything here is read from the audit's own snapshot, compared with the
audit before (`troth.audits.figures.compare`): no new query, no new figure.
A sentence says what a figure is and what it was, never whether that is
better or worse, and never adds figures into a score
(docs/figures/audit-figures.md, "The story").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from troth.audits.figures import Compared, Table
from troth.insights.charts import Series, has_data, hbar_chart

# The page opens with at most this many sentences.
SENTENCES = 3


def _counts(part, whole) -> str:
    return _("%(part)s of %(whole)s") % {"part": part, "whole": whole}


def _before(text: str) -> str:
    return _("%(value)s in the audit before") % {"value": text}


def story(compared: list[Compared], names: dict[str, str], viewer: str) -> list[str]:
    """At most SENTENCES sentences, in this order, each only when its
    figures are in the snapshot and not all nothing: promises kept of those
    settled (each partner, the viewer first), moments noticed about each
    other, ritual dates that happened, disagreements in the shared log and
    how many were repaired. Each says the audit before's figure in brackets
    when there was one. With none of them, one sentence saying so."""
    by_key = {c.row.key: c for c in compared}
    sentences = [
        s
        for s in (
            _promises(compared, names, viewer),
            _moments(compared),
            _rituals(by_key),
            _conflicts(by_key),
        )
        if s
    ]
    if not sentences:
        return [
            _(
                "Little was recorded in the weeks this audit covers, so there is "
                "not much to tell yet. The numbers are below."
            )
        ]
    return sentences[:SENTENCES]


def _promises(compared, names, viewer) -> str:
    shares = [c for c in compared if c.row.key.endswith(".kept_share")]
    shares.sort(key=lambda c: c.row.who != viewer)
    parts = []
    for c in shares:
        if not c.row.whole:
            continue
        who = (
            _("you")
            if c.row.who == viewer
            else names.get(c.row.who) or _("a former partner")
        )
        text = _("%(who)s kept %(counts)s") % {
            "who": who,
            "counts": _counts(c.row.part, c.row.whole),
        }
        b = c.before
        if b is not None and b.whole:
            text += f" ({_before(_counts(b.part, b.whole))})"
        parts.append(text)
    if not parts:
        return ""
    return _("Of the promises settled, %(parts)s.") % {"parts": _("; ").join(parts)}


def _moments(compared) -> str:
    found = [c for c in compared if c.row.key.startswith("moments.")]
    if not found:
        return ""
    now = sum(c.row.value or 0 for c in found)
    had_before = [c.before for c in found if c.before is not None]
    before = sum(b.value or 0 for b in had_before)
    if not (now or before):
        return ""
    text = _("Moments you noticed about each other: %(n)s") % {"n": now}
    if had_before:
        text += f" ({_before(str(before))})"
    return text + "."


def _rituals(by_key) -> str:
    dates, happened = by_key.get("rituals.occurrences"), by_key.get("rituals.happened")
    if dates is None or happened is None or not dates.row.value:
        return ""
    text = _("Ritual dates that happened: %(counts)s") % {
        "counts": _counts(happened.row.value, dates.row.value)
    }
    if dates.before is not None and happened.before is not None:
        text += f" ({_before(_counts(happened.before.value, dates.before.value))})"
    return text + "."


def _conflicts(by_key) -> str:
    shared, repaired = by_key.get("conflicts.shared"), by_key.get("conflicts.repaired")
    if shared is None or repaired is None:
        return ""
    before = shared.before.value if shared.before is not None else None
    if not (shared.row.value or before):
        return ""
    text = _(
        "Disagreements in your shared log: %(n)s, %(repaired)s of them repaired"
    ) % {
        "n": shared.row.value,
        "repaired": repaired.row.value,
    }
    if before is not None and repaired.before is not None:
        was = _("%(n)s, %(repaired)s repaired") % {
            "n": before,
            "repaired": repaired.before.value,
        }
        text += f" ({_before(was)})"
    return text + "."


@dataclass(frozen=True)
class SectionChart:
    """A section of the audit: its one chart (None when it has no count to
    draw) and its table, folded under "The numbers"."""

    table: Table
    svg: SafeString | None
    series: list[Series]


def section_charts(tables: list[Table], has_previous: bool) -> list[SectionChart]:
    """One chart per section: its counts (not its means or shares, which
    its table holds), a bar per partner where the figures are each
    partner's, else this audit's bar beside the audit before's."""
    out = []
    for index, table in enumerate(tables):
        # A table with a column per partner draws their own lines only (a
        # figure about both, such as all the goals' steps, stays in the
        # table).
        lines = [
            line
            for line in table.lines
            if any(c is not None and c.row.kind == "count" for c in line.cells)
            and line.together == (not table.columns)
        ]
        if table.columns:
            series = [
                Series(
                    name,
                    [
                        c.row.value if (c := line.cells[i]) is not None else None
                        for line in lines
                    ],
                )
                for i, name in enumerate(table.columns)
            ]
        else:
            series = [
                Series(
                    _("This audit"),
                    [c.row.value if (c := line.cells[0]) else None for line in lines],
                )
            ]
            if has_previous:
                series.append(
                    Series(
                        _("The audit before"),
                        [
                            c.before.value
                            if (c := line.cells[0]) and c.before is not None
                            else None
                            for line in lines
                        ],
                    )
                )
        svg = None
        if lines and has_data(series):
            labels = [line.metric for line in lines]
            desc = " ".join(
                f"{label}: {_shown(series, i)}." for i, label in enumerate(labels)
            )
            svg = hbar_chart(
                uid=f"audit-{index}",
                title=table.section,
                desc=desc,
                labels=labels,
                series=series,
            )
        out.append(SectionChart(table=table, svg=svg, series=series))
    return out


def _shown(series: list[Series], i: int) -> str:
    return ", ".join(
        f"{s.name} {'–' if s.values[i] is None else s.values[i]}" for s in series
    )
