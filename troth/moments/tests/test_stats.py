"""Counts of moments per period and kind, for the audit and insights."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from troth.moments import services, stats
from troth.moments.models import Moment

pytestmark = pytest.mark.django_db


def on(space, author, day, about="partner", kind="listened", share=False):
    moment = services.moment_create(
        space=space, by=author, about=about, kind=kind, share=share
    )
    Moment.objects.filter(pk=moment.pk).update(occurred_on=day)
    return moment


def test_weekly_counts_split_by_who_noticed_with_empty_weeks(alice, bob, space):
    on(space, alice, dt.date(2026, 11, 2))
    on(space, alice, dt.date(2026, 11, 3))
    on(space, bob, dt.date(2026, 11, 4))
    on(space, alice, dt.date(2026, 11, 5), about="self")
    on(space, bob, dt.date(2026, 11, 5), about="self")  # private to Bob
    on(space, bob, dt.date(2026, 11, 19), about="self", share=True)
    services.moment_acknowledge(
        moment=Moment.objects.filter(author=bob, about="partner").get(),
        by=alice,
        ack="seen",
    )
    with CaptureQueriesContext(connection) as queries:
        weeks = stats.moments_by_period(
            user=alice,
            space=space,
            start=dt.date(2026, 11, 2),
            end=dt.date(2026, 11, 22),
        )
    assert len(queries) == 1
    assert [w.start for w in weeks] == [
        dt.date(2026, 11, 2),
        dt.date(2026, 11, 9),
        dt.date(2026, 11, 16),
    ]
    first, empty, third = weeks
    assert (
        first.noticed_by_me,
        first.noticed_about_me,
        first.my_own,
        first.partner_shared_own,
    ) == (2, 1, 1, 0)
    assert first.acknowledged == 1 and first.total == 4
    assert empty.total == 0
    assert third.partner_shared_own == 1


def test_monthly_counts_and_by_kind(alice, bob, space):
    on(space, alice, dt.date(2026, 10, 30), kind="repaired")
    on(space, alice, dt.date(2026, 11, 1), kind="repaired")
    on(space, bob, dt.date(2026, 11, 2), kind="showed_up")
    months = stats.moments_by_period(
        user=bob,
        space=space,
        start=dt.date(2026, 10, 1),
        end=dt.date(2026, 11, 30),
        period="month",
    )
    assert [(m.start, m.total) for m in months] == [
        (dt.date(2026, 10, 1), 1),
        (dt.date(2026, 11, 1), 2),
    ]
    kinds = stats.moments_by_kind(
        user=bob, space=space, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30)
    )
    assert kinds["repaired"] == 1 and kinds["showed_up"] == 1 and kinds["listened"] == 0
    assert (
        stats.noticed_total(
            user=bob, space=space, start=dt.date(2026, 10, 1), end=dt.date(2026, 11, 30)
        )
        == 3
    )


def test_an_unknown_period_is_an_error():
    with pytest.raises(ValueError):
        stats.period_starts(dt.date(2026, 1, 1), dt.date(2026, 2, 1), "fortnight")
