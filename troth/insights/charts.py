"""Small charts drawn on the server as SVG: no JavaScript, no library.

Each chart is an `<svg role="img">` named by its `<title>` and described by
its `<desc>` (which says in words what the chart shows), so a screen reader
announces it as one image with a summary; the page beside it always has the
same numbers as a table. Colours come from classes in troth.css
(`.series-0`, `.series-1`), and the second series is dashed (lines) or
hollow (bars) too,
so the two never differ by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 320
HEIGHT = 180
LEFT = 34  # room for the y-axis labels
RIGHT = 16  # room for half of the last x-axis label
TOP = 10
BOTTOM = 26  # room for the x-axis labels


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]


def _x(i: int, n: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    if n <= 1:
        return LEFT + inner / 2
    return LEFT + inner * i / (n - 1)


def _y(value: float, low: float, high: float) -> float:
    inner = HEIGHT - TOP - BOTTOM
    if high == low:
        return TOP + inner / 2
    return TOP + inner * (1 - (value - low) / (high - low))


def _frame(uid: str, title: str, desc: str, body: list[str]) -> SafeString:
    # Ids start with "chart-": a page's own ids ("rituals-title" for the
    # heading of the rituals section) must never collide with a chart's, or
    # the chart is named by the heading and loses its own name.
    head = format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="chart-{}-title chart-{}-desc" focusable="false">'
        '<title id="chart-{}-title">{}</title><desc id="chart-{}-desc">{}</desc>',
        WIDTH,
        HEIGHT,
        uid,
        uid,
        uid,
        title,
        uid,
        desc,
    )
    # Every text in `body` goes through escape() and the head through
    # format_html; the rest is numbers this module formats itself.
    return mark_safe(head + "".join(body) + "</svg>")  # nosec


def _axes(labels: list[str], ticks: list[float], low: float, high: float, fmt, x_at):
    parts = []
    for tick in ticks:
        y = _y(tick, low, high)
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(fmt(tick))}</text>"
        )
    n = len(labels)
    for i, label in enumerate(labels):
        parts.append(
            f'<text x="{x_at(i, n):.1f}" y="{HEIGHT - 8}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    return parts


def line_chart(
    *,
    uid: str,
    title: str,
    desc: str,
    labels: list[str],
    series: list[Series],
    low: float,
    high: float,
    ticks: list[float],
    fmt=lambda v: f"{v:g}",
) -> SafeString:
    """Lines over `labels` (one point per label); a missing value breaks
    the line rather than being drawn as zero."""
    body = _axes(labels, ticks, low, high, fmt, _x)
    n = len(labels)
    for index, s in enumerate(series):
        css = f"series-{index % 2}"
        run: list[str] = []
        runs: list[list[str]] = []
        dots = []
        for i, value in enumerate(s.values):
            if value is None:
                if run:
                    runs.append(run)
                run = []
                continue
            x, y = _x(i, n), _y(value, low, high)
            run.append(f"{x:.1f},{y:.1f}")
            dots.append(f'<circle class="dot {css}" cx="{x:.1f}" cy="{y:.1f}" r="3"/>')
        if run:
            runs.append(run)
        for points in runs:
            if len(points) > 1:
                body.append(
                    f'<polyline class="line {css}" points="{" ".join(points)}"/>'
                )
        body.extend(dots)
    return _frame(uid, title, desc, body)


def _bar_x(i: int, n: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + inner * (i + 0.5) / max(n, 1)


def bar_chart(
    *,
    uid: str,
    title: str,
    desc: str,
    labels: list[str],
    series: list[Series],
    high: float | None = None,
    fmt=lambda v: f"{v:g}",
) -> SafeString:
    """Side-by-side bars per label, from zero."""
    values = [v for s in series for v in s.values if v is not None]
    top = high if high is not None else max([*values, 1])
    top = _nice(top)
    ticks = [0, top / 2, top] if top >= 2 else [0, top]
    body = _axes(labels, ticks, 0, top, fmt, _bar_x)
    n = len(labels)
    inner = WIDTH - LEFT - RIGHT
    slot = inner / max(n, 1)
    width = slot * 0.7 / max(len(series), 1)
    for index, s in enumerate(series):
        css = f"series-{index % 2}"
        for i, value in enumerate(s.values):
            if value is None:
                continue
            x = LEFT + slot * i + slot * 0.15 + width * index
            y = _y(value, 0, top)
            body.append(
                f'<rect class="bar {css}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{width:.1f}" height="{max(_y(0, 0, top) - y, 0):.1f}"/>'
            )
    return _frame(uid, title, desc, body)


def has_data(series: list[Series]) -> bool:
    """Whether there is anything to draw: some value that is not missing
    and not zero. An empty chart says nothing a sentence can't."""
    return any(v for s in series for v in s.values if v is not None)


def _nice(value: float) -> float:
    """A round upper bound for an axis: 1, 2, 4, 5, 10, 20, 40, 50, ..."""
    if value <= 1:
        return 1
    magnitude = 1
    while magnitude * 10 < value:
        magnitude *= 10
    for step in (1, 2, 4, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


# Rows of a horizontal bar chart: the label on a line of its own, then one
# bar per series with its value at its end, so long labels never overlap on
# a phone (the audit's sections: troth/audits/story.py).
HBAR_LABEL = 16
HBAR_BAR = 14
HBAR_GAP = 4
HBAR_GROUP_GAP = 10
HBAR_VALUE_ROOM = 40


def hbar_chart(
    *,
    uid: str,
    title: str,
    desc: str,
    labels: list[str],
    series: list[Series],
    fmt=lambda v: f"{v:g}",
) -> SafeString:
    """For each label, one bar per series from zero, all on one scale; a
    missing value has no bar and no number."""
    values = [v for s in series for v in s.values if v is not None]
    top = _nice(max([*values, 1]))
    inner = WIDTH - HBAR_VALUE_ROOM
    body: list[str] = []
    y = 0.0
    for i, label in enumerate(labels):
        y += HBAR_LABEL
        body.append(f'<text x="0" y="{y - 4:.1f}">{escape(label)}</text>')
        for index, s in enumerate(series):
            value = s.values[i]
            if value is not None:
                width = max(inner * value / top, 1.5 if value else 0)
                body.append(
                    f'<rect class="bar series-{index % 2}" x="1" y="{y:.1f}" '
                    f'width="{width:.1f}" height="{HBAR_BAR - 2}"/>'
                    f'<text x="{width + 6:.1f}" y="{y + HBAR_BAR - 4:.1f}">'
                    f"{escape(fmt(value))}</text>"
                )
            y += HBAR_BAR + HBAR_GAP
        y += HBAR_GROUP_GAP
    height = round(max(y, 1))
    head = format_html(
        '<svg class="chart chart-rows" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="chart-{}-title chart-{}-desc" focusable="false">'
        '<title id="chart-{}-title">{}</title><desc id="chart-{}-desc">{}</desc>',
        WIDTH,
        height,
        uid,
        uid,
        uid,
        title,
        uid,
        desc,
    )
    # Every text in `body` goes through escape(), the head through
    # format_html; the rest is numbers formatted here.
    return mark_safe(head + "".join(body) + "</svg>")  # nosec
