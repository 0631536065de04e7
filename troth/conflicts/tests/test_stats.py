"""The conflict figures, from a fixture worked out by hand.

January and February 2026, alice and bob (and one conflict of carol and
dave that must never count). "S" = shared view, "P" = private view; repair
answers in minutes.

  #  when (UTC)          alice      bob        in log?  repaired (minutes)
  1  Jan  5 12:00        S yes 60   S yes 180  yes      yes (180)
  2  Jan 12 12:00        S yes 15   S partly   yes      no
  3  Jan 20 12:00        S yes 720  P yes 15   no       -
  4  Jan 25 12:00        P yes 60   -          no       -
  5  Jan 28 12:00        S yes 1440 S yes 60   yes      yes (1440)
  6  Feb  2 12:00        S not yet  S yes 60   yes      no
  7  Feb 10 12:00        S yes 4320 S yes 4320 yes      yes (4320)
  8  Jan 31 23:30        S yes 15   S yes 15   yes      yes (15)
     (= Feb 1 00:30 in Berlin)

UTC months: January has #1 #2 #5 #8: 4 shared, 3 repaired, median of
(15, 180, 1440) = 180. February has #6 #7: 2 shared, 1 repaired, median 4320.
Berlin months: January #1 #2 #5: 3 shared, 2 repaired, median of (180, 1440)
= 810. February #6 #7 #8: 3 shared, 2 repaired, median of (15, 4320) = 2167.5.
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime

import pytest

from troth.conflicts import stats
from troth.conflicts.tests.helpers import add, log

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def at(month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def both(space, alice, bob, when, a, b, *, bob_shared=True):
    view = log(space, alice, when=when, shared=True, **a)
    add(view.conflict, bob, shared=bob_shared, **b)


def yes(minutes):
    return {"repaired": "yes", "repair_minutes": minutes}


@pytest.fixture
def history(alice, bob, carol, dave, space, other_space):
    both(space, alice, bob, at(1, 5), yes(60), yes(180))
    both(
        space,
        alice,
        bob,
        at(1, 12),
        yes(15),
        {"repaired": "partly", "repair_minutes": 60},
    )
    both(space, alice, bob, at(1, 20), yes(720), yes(15), bob_shared=False)
    log(space, alice, when=at(1, 25), **yes(60))
    both(space, alice, bob, at(1, 28), yes(1440), yes(60))
    both(
        space,
        alice,
        bob,
        at(2, 2),
        {"repaired": "not_yet", "repair_minutes": None},
        yes(60),
    )
    both(space, alice, bob, at(2, 10), yes(4320), yes(4320))
    both(space, alice, bob, at(1, 31, 23, 30), yes(15), yes(15))
    both(other_space, carol, dave, at(1, 6), yes(15), yes(15))
    return space


def test_the_summary_counts_only_what_both_shared(history):
    january = stats.conflicts_summary(history, start=at(1, 1, 0), end=at(2, 1, 0))
    assert january == stats.ConflictFigures(
        shared=4, repaired=3, median_minutes_to_repair=180.0
    )


def test_the_months_in_utc(history):
    months = stats.conflicts_by_month(
        history, first_month=date(2026, 1, 1), last_month=date(2026, 3, 1)
    )
    assert months == [
        stats.ConflictMonth(date(2026, 1, 1), 4, 3, 180.0),
        stats.ConflictMonth(date(2026, 2, 1), 2, 1, 4320.0),
        stats.ConflictMonth(date(2026, 3, 1), 0, 0, None),
    ]


def test_the_months_in_another_zone(history):
    months = stats.conflicts_by_month(
        history, first_month=date(2026, 1, 1), last_month=date(2026, 2, 1), tz=BERLIN
    )
    assert months == [
        stats.ConflictMonth(date(2026, 1, 1), 3, 2, 810.0),
        stats.ConflictMonth(date(2026, 2, 1), 3, 2, 2167.5),
    ]


def test_the_counts_for_your_own_data(history):
    assert stats.shared_counts_by_month(
        history, first_month=date(2025, 12, 1), last_month=date(2026, 2, 1)
    ) == {date(2025, 12, 1): 0, date(2026, 1, 1): 4, date(2026, 2, 1): 2}


def test_each_figure_is_one_query(history, django_assert_num_queries):
    with django_assert_num_queries(1):
        stats.conflicts_by_month(
            history, first_month=date(2023, 1, 1), last_month=date(2026, 2, 1)
        )
    with django_assert_num_queries(1):
        stats.conflicts_summary(history, start=at(1, 1), end=at(3, 1))


def test_no_conflicts_means_no_median(space):
    summary = stats.conflicts_summary(space, start=at(1, 1), end=at(3, 1))
    assert summary == stats.ConflictFigures(0, 0, None)
    assert (
        stats.conflicts_by_month(
            space, first_month=date(2026, 3, 1), last_month=date(2026, 1, 1)
        )
        == []
    )


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (None, ""),
        (15, "under an hour"),
        (180, "about 3 hours"),
        (2167.5, "about 2 days"),
    ],
)
def test_times_in_words(minutes, words):
    assert stats.minutes_in_words(minutes) == words


def test_the_shared_log_shows_recent_figures_with_their_derivation(alice, bob, space):
    from conftest import client_for

    view = log(space, alice, shared=True, **yes(60))
    add(view.conflict, bob, shared=True, **yes(180))
    log(space, alice, **yes(15))  # private: never counted
    client = client_for(alice)
    page = client.get("/conflicts/").content.decode()
    figures = page.split('data-testid="conflict-figures"', 1)[1].split("</dl>", 1)[0]
    assert "<dd>1</dd>" in figures  # shared, and repaired
    assert "about 3 hours" in figures
    assert 'href="/conflicts/how#figures"' in page
    how = client.get("/conflicts/how").content.decode()
    assert "the longer of your two answers" in how
