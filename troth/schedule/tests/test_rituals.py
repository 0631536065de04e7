"""Rituals: saying whether each date happened, and the follow-through figure."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for, run_tasks
from troth.notifications.models import Notification
from troth.schedule.builders import build_change, build_mark
from troth.schedule.models import RitualMark
from troth.schedule.stats import outcome, ritual_follow_through
from troth.schedule.tests.helpers import at, make_event, make_ritual, rule

pytestmark = pytest.mark.django_db


def key(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@pytest.fixture
def date_night(alice, space):
    """Weekly, for the last five weeks and on: 19:30 London."""
    return make_ritual(
        alice,
        space,
        start=at(date.today() - timedelta(days=35), "19:30", "Europe/London"),
    )


def mark(client, ritual, moment, happened: str):
    return client.post(
        f"/calendar/events/{ritual.pk}/at/{key(moment)}/mark", {"happened": happened}
    )


def test_both_partners_say_whether_a_date_happened(alice, bob, date_night):
    first = date_night.start
    assert mark(client_for(alice), date_night, first, "yes").status_code == 302
    assert mark(client_for(bob), date_night, first, "no").status_code == 302
    answers = {m.user: m.happened for m in RitualMark.objects.all()}
    assert answers == {alice: True, bob: False}
    page = client_for(alice).get(date_night.occurrence_url(first)).content.decode()
    assert "it happened" in page and "it didn't happen" in page


def test_an_answer_can_be_changed_and_is_kept_once(alice, date_night):
    client = client_for(alice)
    mark(client, date_night, date_night.start, "no")
    mark(client, date_night, date_night.start, "yes")
    assert RitualMark.objects.get().happened is True


def test_a_date_still_to_come_cannot_be_marked(alice, date_night):
    upcoming = date_night.start.astimezone(date_night.tz) + timedelta(weeks=6)
    response = mark(client_for(alice), date_night, upcoming, "yes")
    assert response.status_code == 409
    assert b"once it has started" in response.content
    assert not RitualMark.objects.exists()


def test_a_called_off_date_cannot_be_marked(alice, date_night):
    client = client_for(alice)
    client.post(f"/calendar/events/{date_night.pk}/at/{key(date_night.start)}/cancel")
    response = mark(client, date_night, date_night.start, "yes")
    assert response.status_code == 409
    assert b"called off" in response.content
    assert not RitualMark.objects.exists()


def test_a_missing_answer_is_refused(alice, date_night):
    response = client_for(alice).post(
        f"/calendar/events/{date_night.pk}/at/{key(date_night.start)}/mark",
        {"happened": "maybe"},
    )
    assert response.status_code == 400
    assert not RitualMark.objects.exists()


def test_only_rituals_are_marked(alice, space):
    event = make_event(alice, space, start=timezone.now() - timedelta(days=1))
    response = mark(client_for(alice), event, event.start, "yes")
    assert response.status_code == 409
    assert not RitualMark.objects.exists()


def test_outsiders_cannot_mark(carol, eve, date_night):
    for person in (carol, eve):
        assert (
            mark(client_for(person), date_night, date_night.start, "yes").status_code
            == 404
        )
    assert not RitualMark.objects.exists()


def test_the_partner_hears_when_the_other_answered_first(alice, bob, date_night):
    run_tasks()
    Notification.objects.all().delete()
    mark(client_for(alice), date_night, date_night.start, "yes")
    run_tasks()
    assert Notification.objects.get(user=bob).kind == "ritual.marked"
    mark(client_for(bob), date_night, date_night.start, "yes")
    run_tasks()
    assert not Notification.objects.filter(
        user=alice
    ).exists()  # both answered: no nudge


def test_the_agenda_offers_a_quick_answer_for_past_ritual_dates(alice, date_night):
    day = date_night.start.date()
    page = (
        client_for(alice)
        .get(f"/calendar/agenda/{day.year}/{day.month}/{day.day}/")
        .content
    )
    assert b'data-testid="quick-mark"' in page


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([], "unmarked"),
        ([True], "happened"),
        ([True, True], "happened"),
        ([False], "did_not"),
        ([False, False], "did_not"),
        ([True, False], "differ"),
    ],
)
def test_the_outcome_of_one_date(answers, expected):
    assert outcome([RitualMark(happened=a) for a in answers]) == expected


def weeks_ago(weeks: int):
    """A weekly ritual's start `weeks` weeks back, an hour later in the day
    than now: its date this week is always still ahead, whatever the time
    of day the test runs (19:30 fixed made these fail each evening)."""
    now = timezone.now().astimezone(ZoneInfo("Europe/London"))
    return (now - timedelta(weeks=weeks, hours=-1)).replace(second=0, microsecond=0)


def test_follow_through_counts_each_past_date_by_outcome(alice, bob, space):
    start = weeks_ago(6)
    ritual = make_ritual(alice, space, start=start)
    dates = [start + timedelta(weeks=n) for n in range(6)]
    both_yes, one_yes, both_no, differ, cancelled, unmarked = dates
    for person in (alice, bob):
        build_mark(ritual, both_yes, person, happened=True)
        build_mark(ritual, both_no, person, happened=False)
    build_mark(ritual, one_yes, bob, happened=True)
    build_mark(ritual, differ, alice, happened=True)
    build_mark(ritual, differ, bob, happened=False)
    build_change(ritual, cancelled, move=None)
    # A ritual made private is not counted, nor is a plain event.
    private = make_ritual(alice, space, start=start, title="Alone time")
    private.visibility = "private"
    private.save()
    make_event(alice, space, start=start, rrule=rule(freq="WEEKLY"))

    now = timezone.now()
    figure = ritual_follow_through(space, now - timedelta(days=90), now)
    assert (
        figure.occurrences,
        figure.happened,
        figure.did_not,
        figure.differ,
        figure.unmarked,
        figure.cancelled,
    ) == (5, 2, 1, 1, 1, 1)
    assert [r.ritual for r in figure.rituals] == [ritual]


def test_follow_through_leaves_out_dates_not_over_yet(alice, space):
    start = timezone.now() - timedelta(minutes=30)  # started, not ended
    make_ritual(alice, space, start=start)
    now = timezone.now()
    assert ritual_follow_through(space, now - timedelta(days=30), now).occurrences == 0


def test_follow_through_counts_a_moved_date_at_its_new_time(alice, space):
    start = weeks_ago(2)
    ritual = make_ritual(alice, space, start=start)
    build_change(ritual, start, move=timedelta(days=100))
    now = timezone.now()
    figure = ritual_follow_through(space, now - timedelta(days=30), now)
    assert figure.occurrences == 1  # the second date; the first now lies ahead


def test_follow_through_uses_the_same_queries_however_many_rituals(alice, bob, space):
    def count_queries() -> int:
        now = timezone.now()
        with CaptureQueriesContext(connection) as queries:
            ritual_follow_through(space, now - timedelta(days=90), now)
        return len(queries)

    start = at(date.today() - timedelta(days=80), "19:30", "Europe/London")
    make_ritual(alice, space, start=start)
    few = count_queries()
    for n in range(20):
        ritual = make_ritual(
            bob, space, start=start + timedelta(hours=n), title=f"Ritual {n}"
        )
        build_mark(ritual, ritual.start, alice, happened=True)
    assert count_queries() == few == 3


def test_the_rituals_page_shows_the_figures_and_how_they_are_computed(
    alice, bob, space
):
    start = weeks_ago(2)
    ritual = make_ritual(alice, space, start=start)
    build_mark(ritual, start, bob, happened=True)
    page = client_for(bob).get("/calendar/rituals/").content.decode()
    assert "Date night" in page
    assert 'data-testid="ft-happened">1<' in page
    assert 'data-testid="ft-occurrences">2<' in page
    assert "/calendar/rituals/how" in page
    how = client_for(bob).get("/calendar/rituals/how")
    assert how.status_code == 200
    assert b"Rempel" in how.content


def test_a_new_ritual_is_announced_to_the_partner(alice, bob, space):
    client_for(alice).post(
        "/calendar/events/new?kind=ritual",
        {
            "title": "Sunday walk",
            "start_date": (date.today() + timedelta(days=2)).isoformat(),
            "start_time": "10:00",
            "end_time": "11:00",
            "time_zone": "Europe/London",
            "repeat": "WEEKLY",
            "interval": "1",
            "ends": "never",
            "reminder": "default",
        },
    )
    run_tasks()
    assert (
        Notification.objects.get(user=bob).message
        == "Alice started a ritual for the two of you."
    )


def test_the_ritual_page_lists_recent_dates_and_the_answers(alice, bob, date_night):
    build_mark(date_night, date_night.start, bob, happened=False)
    page = client_for(bob).get(date_night.get_absolute_url()).content.decode()
    recent = page[page.index('data-testid="recent-dates"') :]
    assert recent.count("not answered") == 4  # the four latest dates
    second = client_for(bob).get(date_night.occurrence_url(date_night.start)).content
    assert b"you said it didn" in second or b"it didn't happen" in second
