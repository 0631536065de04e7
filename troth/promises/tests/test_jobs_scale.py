"""The clock's promise jobs cost what is due, not how many couples exist.

Each job is run against one couple, then again after 29 more couples with
months of history (kept and missed promises, reminders already sent,
repeating promises made two weeks ahead) are added: with nothing due the
number of queries is the same, and with some promises due it grows with
those promises only. On PostgreSQL the "what is due" queries are shown to
read the partial indexes made for them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from troth.accounts.models import User
from troth.notifications.models import Notification
from troth.promises import services, tasks
from troth.promises.models import (
    Promise,
    PromiseSeries,
    Repeat,
    State,
    due_moment,
)
from troth.promises.services import SERIES_HORIZON
from troth.spaces.models import Membership, Space

pytestmark = pytest.mark.django_db

# A Wednesday noon, UTC: the moment every job runs at.
NOW = dt.datetime(2026, 11, 4, 12, 0, tzinfo=dt.UTC)
_names = itertools.count()


def at(moment: dt.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def _promise(space, author, promisee, *, due_at, state, **fields) -> Promise:
    promise = Promise(
        space=space,
        author=author,
        promisee=promisee,
        created=due_at - dt.timedelta(days=3),
        state=state,
    )
    promise.set_terms(
        text="Water the plants", due_date=due_at.date(), due_time=None, tz="UTC"
    )
    promise.due_at = due_at
    promise.remind_at = due_at - dt.timedelta(hours=3)
    for name, value in fields.items():
        setattr(promise, name, value)
    return promise


def couples_with_history(n: int) -> list[tuple[Space, User, User]]:
    """`n` couples, each with months of settled promises, missed ones
    announced in the last day, reminders already sent, open promises due
    later and a daily promise made up to its horizon: everything a busy
    couple has, and nothing due at NOW. Built in bulk."""
    users = User.objects.bulk_create(
        User(
            email=f"person{i}@example.com",
            display_name=f"Person {i}",
            password="!",
        )
        for i in (next(_names) for _ in range(2 * n))
    )
    spaces = Space.objects.bulk_create(Space() for _ in range(n))
    couples = [
        (space, users[2 * i], users[2 * i + 1]) for i, space in enumerate(spaces)
    ]
    Membership.objects.bulk_create(
        Membership(space=space, user=user) for space, a, b in couples for user in (a, b)
    )
    promises: list[Promise] = []
    for space, a, b in couples:
        for days in range(1, 41):  # kept, over the last weeks
            due = NOW - dt.timedelta(days=days, hours=1)
            promises.append(
                _promise(
                    space,
                    a,
                    b,
                    due_at=due,
                    state=State.KEPT,
                    done_at=due,
                    settled_at=due,
                )
            )
        for hours in (2, 5, 20):  # missed, announced, in the last day
            due = NOW - dt.timedelta(hours=hours)
            promises.append(
                _promise(space, a, b, due_at=due, state=State.MISSED, settled_at=due)
            )
        for days in (2, 5):  # done a while ago, the partner already reminded
            due = NOW + dt.timedelta(days=1)
            promises.append(
                _promise(
                    space,
                    a,
                    b,
                    due_at=due,
                    state=State.DONE,
                    done_at=NOW - dt.timedelta(days=days),
                    **SENT["confirm"](NOW - dt.timedelta(days=days - 1)),
                )
            )
        for hours in (1, 2):  # due soon, already reminded
            due = NOW + dt.timedelta(hours=hours)
            promises.append(
                _promise(
                    space,
                    a,
                    b,
                    due_at=due,
                    state=State.OPEN,
                    **SENT["due_soon"](due - dt.timedelta(hours=3)),
                )
            )
        for days in (2, 3, 7):  # open, due later
            promises.append(
                _promise(
                    space, a, b, due_at=NOW + dt.timedelta(days=days), state=State.OPEN
                )
            )
    Promise.objects.bulk_create(promises)
    kind = ContentType.objects.get_for_model(Promise)
    sent = []
    for p in Promise.objects.filter(space__in=spaces).exclude(state=State.KEPT):
        if p.state == State.MISSED:
            sent += [
                (p.author_id, f"promise.missed:{p.pk}"),
                (p.promisee_id, f"promise.missed:{p.pk}"),
            ]
        elif p.state == State.DONE:
            sent.append(
                (
                    p.promisee_id,
                    f"promise.confirm_waiting:{p.pk}:{p.done_at and p.done_at.isoformat()}",
                )
            )
        elif p.due_at < NOW + dt.timedelta(hours=3):
            sent.append(
                (p.author_id, f"promise.due_soon:{p.pk}:{p.due_at.isoformat()}")
            )
    Notification.objects.bulk_create(
        Notification(user_id=user, kind="promise", key=key, target_type=kind)
        for user, key in sent
    )
    # A daily promise each, made two weeks ahead as the job leaves it.
    horizon = (NOW + SERIES_HORIZON).date()
    all_series = PromiseSeries.objects.bulk_create(
        PromiseSeries(
            space=space,
            author=a,
            promisee=b,
            text="Walk the dog",
            repeat=Repeat.DAILY,
            starts_on=NOW.date(),
            due_time=dt.time(19, 0),
            made_until=horizon,
            extend_at=due_moment(horizon, dt.time(0, 0), "UTC"),
            created=NOW,
        )
        for space, a, b in couples
    )
    occurrences = []
    for series in all_series:
        for day in range(15):
            due = dt.datetime.combine(
                NOW.date() + dt.timedelta(days=day), dt.time(19, 0), tzinfo=dt.UTC
            )
            occurrences.append(
                _promise(
                    series.space,
                    series.author,
                    series.promisee,
                    due_at=due,
                    state=State.OPEN,
                    series=series,
                    occurrence_date=due.date(),
                )
            )
    Promise.objects.bulk_create(occurrences)
    return couples


SENT = {
    "confirm": lambda when: {"confirm_reminded_at": when},
    "due_soon": lambda when: {"reminded_at": when},
}


def queries(job) -> int:
    with at(NOW), CaptureQueriesContext(connection) as ctx:
        job.call()
    return len(ctx.captured_queries)


def _due_missed(space, a, b) -> None:
    _promise(space, a, b, due_at=NOW - dt.timedelta(minutes=1), state=State.OPEN).save()


def _due_soon(space, a, b) -> None:
    promise = _promise(
        space, a, b, due_at=NOW + dt.timedelta(hours=1), state=State.OPEN
    )
    promise.remind_at = NOW - dt.timedelta(minutes=2)
    promise.save()


def _due_confirm(space, a, b) -> None:
    _promise(
        space,
        a,
        b,
        due_at=NOW + dt.timedelta(days=1),
        state=State.DONE,
        done_at=NOW - dt.timedelta(hours=25),
    ).save()


def _due_series(space, a, b) -> None:
    """A daily promise made up to yesterday's horizon: today's comes due."""
    PromiseSeries.objects.create(
        space=space,
        author=a,
        promisee=b,
        text="Walk the dog",
        repeat=Repeat.DAILY,
        starts_on=NOW.date(),
        due_time=dt.time(19, 0),
        made_until=(NOW + dt.timedelta(days=13)).date(),
        extend_at=NOW - dt.timedelta(minutes=5),
        created=NOW - dt.timedelta(days=1),
    )


JOBS = {
    "mark_missed": (tasks.mark_missed, _due_missed),
    "remind_due_soon": (tasks.remind_due_soon, _due_soon),
    "remind_to_confirm": (tasks.remind_to_confirm, _due_confirm),
    "extend_series": (tasks.extend_series, _due_series),
}
# With nothing due, each job makes this one query: its "what is due" read.
NOTHING_DUE = 1
# The jobs that claim and remind a whole batch at once: the same queries
# for one promise due or many.
AT_ONCE = {"remind_due_soon", "remind_to_confirm"}


@pytest.mark.parametrize("name", JOBS)
def test_with_nothing_due_a_tick_costs_the_same_for_1_or_30_couples(name):
    job, _make_due = JOBS[name]
    couples_with_history(1)
    one = queries(job)
    couples_with_history(29)
    thirty = queries(job)
    assert one == thirty == NOTHING_DUE


@pytest.mark.parametrize("name", JOBS)
def test_with_some_due_a_tick_grows_with_them_and_not_with_couples(name):
    """The cost of a tick is NOTHING_DUE plus the same few queries for each
    item due (marking or claiming it, its history, its notices), for 1
    couple or 30: O(items due); for the reminders, the same few queries
    for the whole batch."""
    job, make_due = JOBS[name]
    first = couples_with_history(1)[0]
    make_due(*first)
    one_due = queries(job) - NOTHING_DUE
    assert one_due > 0
    assert queries(job) == NOTHING_DUE  # done, and not looked at again
    many = couples_with_history(29)
    for couple in many[:3]:
        make_due(*couple)
    assert queries(job) - NOTHING_DUE == (one_due if name in AT_ONCE else 3 * one_due)
    assert queries(job) == NOTHING_DUE


def test_each_item_costs_few_queries():
    """What one due item costs (21 queries to mark a promise missed with its
    history, activity and two notices; 9 for a reminder, claim included; 5
    for a series' new occurrence, when written): a small constant, here to
    notice a regression."""
    for job, make_due in JOBS.values():
        make_due(*couples_with_history(1)[0])
        assert 0 < queries(job) - NOTHING_DUE <= 25


# Each reminder once, whatever the workers and the history


def test_a_second_worker_that_read_the_same_reminder_sends_nothing(space, alice):
    _due_soon(space, alice, space.partner_of(alice))
    # Worker B read the due promise; worker A reminds first.
    seen_by_b = Promise.objects.filter(
        pk__in=list(
            Promise.objects.due_soon_unreminded(NOW).values_list("pk", flat=True)
        )
    )
    with at(NOW):
        assert tasks.remind_due_soon.call() == 1
        send = mock.Mock(return_value=1)
        assert tasks._remind_each(seen_by_b, field="reminded_at", notice=send) == 0
    send.assert_not_called()
    assert Notification.objects.filter(user=alice, kind="promise.due_soon").count() == 1


def test_a_reminder_sent_before_the_upgrade_is_not_sent_again(space, alice, bob):
    _due_confirm(space, alice, bob)
    promise = Promise.objects.get()
    # Sent by the previous version, which kept no mark on the promise.
    Notification.objects.create(
        user=bob,
        kind="promise.confirm_waiting",
        key=f"promise.confirm_waiting:{promise.pk}:{promise.done_at.isoformat()}",
    )
    assert queries(tasks.remind_to_confirm) > NOTHING_DUE
    assert Notification.objects.filter(user=bob).count() == 1
    assert queries(tasks.remind_to_confirm) == NOTHING_DUE


def test_nobody_in_a_closed_space_is_reminded_and_it_is_not_looked_at_again(
    space, alice, bob
):
    _due_soon(space, alice, bob)
    _due_confirm(space, alice, bob)
    _due_series(space, alice, bob)
    Space.objects.filter(pk=space.pk).update(closed_at=NOW - dt.timedelta(days=1))
    for job, _make_due in JOBS.values():
        with at(NOW):
            assert job.call() == 0
        assert queries(job) == NOTHING_DUE
    assert not Notification.objects.exists()
    assert not Promise.objects.filter(series__isnull=False).exists()


def test_a_long_outage_marks_old_promises_missed_without_announcing_them(
    space, alice, bob
):
    _promise(
        space, alice, bob, due_at=NOW - dt.timedelta(days=3), state=State.OPEN
    ).save()
    _due_missed(space, alice, bob)
    with at(NOW):
        assert tasks.mark_missed.call() == 2
    assert set(Promise.objects.values_list("state", flat=True)) == {State.MISSED}
    # Only the one just due is announced, to both.
    assert Notification.objects.count() == 2


def test_a_weekly_promise_is_extended_when_its_next_day_comes_in_reach(space, alice):
    monday = dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC)
    with at(monday):
        first = services.promise_create(
            space=space,
            by=alice,
            text="Cook dinner",
            due_date=monday.date(),
            due_time=dt.time(19, 0),
            repeat="weekly",
            weekdays=[0, 3],
            now=monday,
        )
    series = first.series
    series.refresh_from_db()
    # Made up to Monday the 16th; Thursday the 19th is next, two weeks ahead
    # of the start of that day.
    assert series.made_until == dt.date(2026, 11, 16)
    reach = dt.datetime(2026, 11, 5, tzinfo=dt.UTC)
    assert series.extend_at == reach
    for moment in (monday + dt.timedelta(hours=5), reach - dt.timedelta(minutes=1)):
        with at(moment), CaptureQueriesContext(connection) as ctx:
            assert tasks.extend_series.call() == 0
        assert len(ctx.captured_queries) == NOTHING_DUE
    with at(reach + dt.timedelta(minutes=1)):
        assert tasks.extend_series.call() == 1
    assert series.occurrences.count() == 6


# The indexes the jobs read


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans")
def test_each_due_query_can_be_answered_from_its_partial_index():
    """With sequential scans priced out, PostgreSQL answers each job's due
    query from the partial index made for it. This proves the index exists
    and that its condition matches the query (so the planner may use it);
    on a table of millions, where the index holds a few rows and the table
    all, it is also the cheapest plan (issue 14: 905 ms -> 4.6 ms)."""
    couples_with_history(3)
    due = {
        "promise_open_due": tasks._open_spaces(Promise.objects.overdue(NOW)),
        "promise_remind_due": Promise.objects.due_soon_unreminded(NOW),
        "promise_confirm_due": Promise.objects.done_unconfirmed_since(
            NOW - tasks.CONFIRM_AFTER
        ),
        "series_extend_due": PromiseSeries.objects.filter(
            ended_at__isnull=True, extend_at__lte=NOW
        ),
    }
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
    for index, queryset in due.items():
        plan = queryset.select_related("space").explain()
        assert index in plan, plan


def test_a_backlog_is_taken_a_batch_a_tick_oldest_first(space, alice, bob):
    """A tick reads at most BATCH promises, in the order of the partial
    index (so PostgreSQL walks it instead of hashing every person and
    space); the next tick takes the rest."""
    for minutes in (5, 4, 3, 2, 1):
        _promise(
            space,
            alice,
            bob,
            due_at=NOW - dt.timedelta(minutes=minutes),
            state=State.OPEN,
        ).save()
    with at(NOW), mock.patch.object(tasks, "BATCH", 2):
        assert tasks.mark_missed.call() == 2
        oldest = Promise.objects.filter(state=State.MISSED).order_by("due_at")
        assert [p.due_at for p in oldest] == [
            NOW - dt.timedelta(minutes=5),
            NOW - dt.timedelta(minutes=4),
        ]
        assert tasks.mark_missed.call() == 2
        assert tasks.mark_missed.call() == 1
        assert tasks.mark_missed.call() == 0
