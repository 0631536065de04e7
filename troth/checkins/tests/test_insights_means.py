"""The insights page's monthly pulse means are summed in one pass
(`troth.checkins.insights.MonthSums`); every month must be what
`subscale_means` gives for the same days, in value and in type (an int
mean and a float one can print differently)."""

from __future__ import annotations

import itertools
import random
from collections import namedtuple

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.utils import translation

from troth.checkins.insights import _POSITIONS, MonthSums, _one_place
from troth.checkins.models import ITEMS
from troth.checkins.stats import SUBSCALES, subscale_means

Row = namedtuple("Row", ITEMS)  # type: ignore[misc]
ANSWERS = (None, 1, 2, 3, 4, 5, 6, 7)


def _sums(days: list[Row]) -> MonthSums:
    sums = MonthSums()
    for day in days:
        sums.add(tuple(day))
    return sums


def _same(days: list[Row]) -> None:
    got, expected = _sums(days).means(), subscale_means(days)  # type: ignore[arg-type]
    assert [(k, v, type(v)) for k, v in got.items()] == [
        (k, v, type(v)) for k, v in expected.items()
    ]
    assert _sums(days).days == len(days)


def test_a_day_score_is_whole_or_a_half():
    """The sums are exact only while no subscale has more than two items."""
    assert all(1 <= len(positions) <= 2 for positions in _POSITIONS)
    assert len(_POSITIONS) == len(SUBSCALES)


def test_no_days_means_none():
    _same([])


def test_every_single_day():
    for answers in itertools.product(ANSWERS, repeat=len(ITEMS)):
        _same([Row(*answers)])


def test_every_pair_of_days_on_the_two_item_subscale():
    pairs = list(itertools.product(ANSWERS, repeat=2))
    for (a, b), (c, d) in itertools.product(pairs, repeat=2):
        _same([Row(4, 5, 6, a, b), Row(None, 7, 1, c, d)])


def test_months_of_random_days():
    rng = random.Random(14)
    for size in list(range(1, 40)) * 40:
        skip = rng.random()
        days = [
            Row(*(None if rng.random() < skip else rng.randint(1, 7) for _ in ITEMS))
            for _ in range(size)
        ]
        _same(days)


def test_the_table_formats_a_mean_as_floatformat_does_in_every_language() -> None:
    means: list[float] = list(range(1, 8))
    means += [round(hundredths / 100, 2) for hundredths in range(100, 701)]
    means += [round(sum(x) / len(x), 2) for x in ([1, 2, 2], [3, 4, 4], [5, 6, 6, 6])]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for mean in means:
                assert _one_place(mean, code) == floatformat(mean, 1)
