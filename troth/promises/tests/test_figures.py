"""The promise figures (docs/figures/promises-figures.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from troth.promises.models import Promise, State
from troth.promises.stats import promise_figures, trailing_figures

pytestmark = pytest.mark.django_db


def promise(space, author, promisee, *, days_ago, state, renegotiated=False):
    now = timezone.now()
    due_at = now - dt.timedelta(days=days_ago)
    p = Promise(
        space=space,
        author=author,
        promisee=promisee,
        state=state,
        renegotiations=1 if renegotiated else 0,
    )
    p.set_terms(text="x", due_date=due_at.date(), due_time=due_at.time(), tz="UTC")
    p.save()
    return p


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
