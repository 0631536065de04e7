"""repair_progress and the forgiveness trend (docs/figures)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from troth.promises.services import promise_mark_done
from troth.repair import services
from troth.repair.models import ForgivenessCheckin
from troth.repair.progress import forgiveness_trend, repair_progress, repairs_in_period
from troth.repair.tests.factories import answered, opened

pytestmark = pytest.mark.django_db


def test_progress_counts_the_plan_and_never_reads_private_things(alice, bob, space):
    repair = answered(space, bob, alice)
    today = timezone.now().date()
    services.plan_promise_add(
        repair=repair,
        by=alice,
        text="Weekly talk.",
        due_date=today + dt.timedelta(days=1),
        repeat="weekly",
        weekdays=[(today + dt.timedelta(days=1)).weekday()],
    )
    item = services.plan_promise_add(
        repair=repair,
        by=alice,
        text="Book a session.",
        due_date=today + dt.timedelta(days=3),
    )
    services.plan_agreement_add(
        repair=repair,
        by=alice,
        title="Openness",
        clauses=["I tell you."],
        ends_on=today + dt.timedelta(days=30),
    )
    services.forgiveness_checkin(repair=repair, by=bob, distance=5, even=2, goodwill=3)
    progress = repair_progress(repair, alice)
    assert progress.heard and progress.apology_versions == 1
    assert progress.latest_answer == "helps"
    assert len(progress.items) == 3
    # The weekly promise shows only its next time; the single one its own.
    assert progress.promises.upcoming == 2 and progress.promises.due == 0
    assert progress.agreements["proposed"] == 1
    later = timezone.now() + dt.timedelta(days=2, hours=1)
    promise_mark_done(promise=item.promise, by=alice, now=later)
    assert repair_progress(repair, alice, now=later).promises.waiting == 2


def test_repairs_in_period_include_those_open_during_it(alice, bob, space):
    now = timezone.now()
    old = opened(space, bob, alice)
    services.repair_resolve(repair=old, by=bob, now=now - dt.timedelta(days=40))
    current = opened(space, bob, alice)
    found = repairs_in_period(
        space=space,
        viewer=alice,
        start=now - dt.timedelta(days=30),
        end=now + dt.timedelta(days=1),
    )
    assert [p.repair for p in found] == [current]


def test_the_trend_shows_each_check_in_in_order_without_scoring(alice, bob, space):
    assert forgiveness_trend([]) is None
    repair = opened(space, bob, alice)
    base = timezone.now() - dt.timedelta(days=30)
    for i, values in enumerate([(7, 5, 1), (4, 4, 4), (1, 1, 7)]):
        services.forgiveness_checkin(
            repair=repair,
            by=bob,
            distance=values[0],
            even=values[1],
            goodwill=values[2],
            now=base + dt.timedelta(days=i * 10),
        )
    trend = forgiveness_trend(list(ForgivenessCheckin.objects.all()))
    assert trend.count == 3
    assert trend.first == {"distance": 7, "even": 5, "goodwill": 1}
    assert trend.latest == {"distance": 1, "even": 1, "goodwill": 7}
    xs = [x for x, _ in trend.points["distance"]]
    assert xs == sorted(xs) and xs[1] - xs[0] == xs[2] - xs[1]  # evenly spaced
    top, bottom = trend.points["distance"][0][1], trend.points["distance"][2][1]
    assert top < bottom  # 7 is drawn higher than 1
    single = forgiveness_trend(list(ForgivenessCheckin.objects.all()[:1]))
    assert single.points["even"][0][0] == 160.0  # centred
