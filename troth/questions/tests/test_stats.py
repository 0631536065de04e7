"""Counts of questions per period, for the audit and insights."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from troth.questions import services, stats
from troth.questions.builders import build_round

pytestmark = pytest.mark.django_db


def round_on(space, day):
    return build_round(space, day, key="1.past.1", level=1)


def test_monthly_counts_never_count_an_unrevealed_partner_answer(alice, bob, space):
    together = round_on(space, dt.date(2026, 10, 3))
    services.answer_create(round=together, by=alice, text="a")
    services.answer_create(round=together, by=bob, text="b")
    passed = round_on(space, dt.date(2026, 10, 9))
    services.round_pass(round=passed, by=alice)
    waiting = round_on(space, dt.date(2026, 11, 2))
    services.answer_create(round=waiting, by=bob, text="only bob")
    with CaptureQueriesContext(connection) as queries:
        months = stats.questions_by_period(
            user=alice,
            space=space,
            start=dt.date(2026, 9, 1),
            end=dt.date(2026, 11, 30),
        )
    assert len(queries) == 1
    sept, october, november = months
    assert sept.asked == 0
    assert (
        october.asked,
        october.answered_together,
        october.passed,
        october.i_answered,
    ) == (2, 1, 1, 1)
    # Bob answered in November, but nothing in Alice's figures says so.
    assert (november.asked, november.answered_together, november.i_answered) == (
        1,
        0,
        0,
    )
    assert november.still_open == 1
    bobs = stats.questions_by_period(
        user=bob, space=space, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30)
    )
    assert bobs[0].i_answered == 1


def test_weekly_counts_and_totals(alice, bob, space, carol, other_space):
    for day in (dt.date(2026, 11, 2), dt.date(2026, 11, 8), dt.date(2026, 11, 9)):
        round = round_on(space, day)
        services.answer_create(round=round, by=alice, text="a")
        services.answer_create(round=round, by=bob, text="b")
    weeks = stats.questions_by_period(
        user=alice,
        space=space,
        start=dt.date(2026, 11, 2),
        end=dt.date(2026, 11, 15),
        period="week",
    )
    assert [(w.start, w.answered_together) for w in weeks] == [
        (dt.date(2026, 11, 2), 2),
        (dt.date(2026, 11, 9), 1),
    ]
    assert (
        stats.answered_together_total(
            user=alice,
            space=space,
            start=dt.date(2026, 11, 1),
            end=dt.date(2026, 11, 30),
        )
        == 3
    )
    assert (
        stats.answered_together_total(
            user=carol,
            space=space,
            start=dt.date(2026, 11, 1),
            end=dt.date(2026, 11, 30),
        )
        == 0
    )
