"""The server-drawn charts: accessible, honest about gaps, and safe with
whatever names people choose."""

from __future__ import annotations

from troth.insights.charts import Series, bar_chart, line_chart


def test_a_line_chart_is_one_named_and_described_image():
    svg = line_chart(
        uid="pulse-faith",
        title="Faith, monthly mean",
        desc="You: 5.0 in June, 5.5 in July.",
        labels=["Jun", "Jul"],
        series=[Series("You", [5.0, 5.5])],
        low=1,
        high=7,
        ticks=[1, 4, 7],
    )
    assert svg.startswith('<svg class="chart"')
    assert 'role="img"' in svg
    assert 'aria-labelledby="chart-pulse-faith-title chart-pulse-faith-desc"' in svg
    assert '<title id="chart-pulse-faith-title">Faith, monthly mean</title>' in svg
    assert (
        '<desc id="chart-pulse-faith-desc">You: 5.0 in June, 5.5 in July.</desc>' in svg
    )
    assert "<script" not in svg and "style=" not in svg


def test_a_missing_month_breaks_the_line_instead_of_dropping_to_zero():
    svg = line_chart(
        uid="x",
        title="t",
        desc="d",
        labels=["a", "b", "c", "d", "e"],
        series=[Series("You", [5, 6, None, 4, 5])],
        low=1,
        high=7,
        ticks=[1, 7],
    )
    assert svg.count("<polyline") == 2
    assert svg.count("<circle") == 4


def test_the_second_series_is_marked_by_more_than_colour():
    svg = line_chart(
        uid="x",
        title="t",
        desc="d",
        labels=["a", "b"],
        series=[Series("You", [5, 6]), Series("Bob", [4, 4])],
        low=1,
        high=7,
        ticks=[1, 7],
    )
    assert 'class="line series-0"' in svg and 'class="line series-1"' in svg


def test_names_and_labels_are_escaped():
    svg = bar_chart(
        uid="x",
        title="<b>Moments</b>",
        desc='Sam "& co"',
        labels=["<Jun>"],
        series=[Series("x", [3])],
    )
    assert "<b>" not in svg and "<Jun>" not in svg
    assert "&lt;b&gt;Moments&lt;/b&gt;" in svg
    assert "&lt;Jun&gt;" in svg


def test_bars_start_at_zero_and_scale_to_a_round_top():
    svg = bar_chart(
        uid="x",
        title="t",
        desc="d",
        labels=["a", "b"],
        series=[Series("Moments", [0, 7])],
    )
    # 7 rounds up to 10: ticks 0, 5, 10; a zero value draws a flat bar.
    assert ">10</text>" in svg and ">5</text>" in svg and ">0</text>" in svg
    assert 'height="0.0"' in svg
