"""The promise figures (docs/figures/promises-figures.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from troth.promises import services
from troth.promises.builders import build_promise
from troth.promises.models import State
from troth.promises.stats import (
    promise_figures,
    trailing_figures,
    trailing_figures_by_person,
)
from troth.promises.tests.helpers import make_promise

pytestmark = pytest.mark.django_db


def promise(space, author, promisee, *, days_ago, state, renegotiated=False):
    now = timezone.now()
    due_at = now - dt.timedelta(days=days_ago)
    return build_promise(
        space,
        author,
        to=promisee,
        text="x",
        due_date=due_at.date(),
        due_time=due_at.time(),
        tz="UTC",
        made_at=now,
        state=state,
        renegotiations=1 if renegotiated else 0,
    )


def test_it_counts_each_outcome_in_the_window(space, alice, bob):
    for state in (State.KEPT, State.KEPT, State.KEPT, State.NOT_QUITE, State.MISSED):
        promise(space, alice, bob, days_ago=5, state=state)
    promise(space, alice, bob, days_ago=6, state=State.KEPT, renegotiated=True)
    promise(space, alice, bob, days_ago=7, state=State.DONE)
    promise(space, alice, bob, days_ago=8, state=State.CANCELLED)  # never counted
    promise(space, alice, bob, days_ago=40, state=State.MISSED)  # outside 30 days
    promise(space, alice, bob, days_ago=-2, state=State.KEPT)  # kept early, not due
    promise(space, bob, alice, days_ago=3, state=State.MISSED)  # Bob's, not Alice's
    figures = trailing_figures(space, alice, 30)
    assert (figures.due, figures.kept, figures.not_quite, figures.missed) == (
        7,
        4,
        1,
        1,
    )
    assert figures.renegotiated == 1
    assert figures.waiting == 1
    assert figures.settled == 6
    assert figures.kept_percent == 67
    ninety = trailing_figures(space, alice, 90)
    assert (ninety.due, ninety.missed) == (8, 2)


def test_nothing_settled_shows_no_share(space, alice, bob):
    figures = trailing_figures(space, alice, 30)
    assert figures.due == 0
    assert figures.kept_share is None and figures.kept_percent is None
    promise(space, alice, bob, days_ago=1, state=State.DONE)
    figures = trailing_figures(space, alice, 30)
    assert figures.due == 1 and figures.kept_share is None


def test_it_is_one_query_for_a_calendar_month(
    space, alice, bob, django_assert_num_queries
):
    for days in range(100):
        promise(space, alice, bob, days_ago=days, state=State.KEPT)
    now = timezone.now()
    with django_assert_num_queries(1):
        figures = promise_figures(space, alice, now - dt.timedelta(days=30), now)
    assert figures.due == 30


def test_both_partners_and_both_windows_are_one_query_with_the_same_figures(
    space, alice, bob, django_assert_num_queries
):
    # Every state, in and out of each window, kept ahead of time or not.
    for days in (-2, 1, 5, 29, 31, 40, 89, 91, 120):
        for state in (State.KEPT, State.NOT_QUITE, State.MISSED, State.DONE):
            promise(space, alice, bob, days_ago=days, state=state)
        promise(space, bob, alice, days_ago=days, state=State.CANCELLED)
        promise(space, bob, alice, days_ago=days, state=State.KEPT, renegotiated=True)
    early = promise(space, alice, bob, days_ago=-5, state=State.KEPT)
    early.settled_at = timezone.now() - dt.timedelta(days=2)
    early.save()
    now = timezone.now()
    with django_assert_num_queries(1):
        found = trailing_figures_by_person(space, [alice, bob], (30, 90), now)
    for person in (alice, bob):
        for days in (30, 90):
            assert found[person.pk][days] == trailing_figures(space, person, days, now)
    assert found[alice.pk][90].due > found[alice.pk][30].due > 0


def test_it_counts_a_promise_kept_ahead_of_its_due_time_at_once(space, alice, bob):
    early = make_promise(space, alice, text="Book the train", days=3)
    services.promise_mark_done(promise=early, by=alice)
    services.promise_confirm(promise=early, by=bob, kept=True)
    figures = trailing_figures(space, alice, 30)
    assert (figures.due, figures.kept, figures.settled) == (1, 1, 1)
    assert figures.kept_percent == 100


def test_a_settled_promise_counts_once_in_the_period_it_settled_or_fell_due_first(
    space, alice, bob
):
    now = timezone.now()
    # Kept ten days ago, due five days ago: it counts ten days ago only.
    kept = promise(space, alice, bob, days_ago=5, state=State.KEPT)
    kept.settled_at = now - dt.timedelta(days=10)
    kept.save()
    # Missed: the clock settles it after its due time, so it counts when due.
    missed = promise(space, alice, bob, days_ago=20, state=State.MISSED)
    missed.settled_at = now - dt.timedelta(days=19, hours=23)
    missed.save()

    def counts(start_days, end_days):
        f = promise_figures(
            space,
            alice,
            now - dt.timedelta(days=start_days),
            now - dt.timedelta(days=end_days),
        )
        return f.kept, f.missed

    assert counts(12, 8) == (1, 0)
    assert counts(7, 0) == (0, 0)
    assert counts(21, 19) == (0, 1)
    assert counts(30, 0) == (1, 1)


def test_the_figures_count_exactly_the_settled_promises_the_list_shows(
    space, alice, bob, alice_client
):
    now = timezone.now()
    cases = [
        ("kept ahead", -3, -0.1, State.KEPT),  # due later, kept an hour ago
        ("kept on time", 4, 4.1, State.KEPT),
        ("not quite", 6, 6.2, State.NOT_QUITE),
        ("missed lately", 10, 9.9, State.MISSED),
        ("kept long ago", 45, 46, State.KEPT),  # counts 46 days ago: history
        ("cancelled", 2, 3, State.CANCELLED),  # never counted
    ]
    for text, due_days_ago, settled_days_ago, state in cases:
        p = promise(space, alice, bob, days_ago=due_days_ago, state=state)
        p.text = text
        p.settled_at = now - dt.timedelta(days=abs(settled_days_ago))
        p.save()
    make_promise(space, alice, text="still open", days=2)

    listed = alice_client.get("/promises/?show=mine").text
    shown = {text for text, *_ in cases if f">{text}<" in listed}
    assert shown == {"kept ahead", "kept on time", "not quite", "missed lately"}
    assert ">still open<" in listed
    figures = trailing_figures(space, alice, 30)
    assert (figures.kept, figures.not_quite, figures.missed) == (2, 1, 1)
    assert figures.settled == len(shown)
