"""Many promise reminders due at once (issue 14: a thousand in under two
seconds): a tick claims them together and makes their notices with one
`notify_many`, so reminding fifty costs the queries of reminding two; each
goes exactly once, whatever the ticks and the workers; and one found past
its due time is claimed without a reminder."""

from __future__ import annotations

import datetime as dt
import threading
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crowd import crowd
from troth.notifications.models import Notification
from troth.promises import tasks
from troth.promises.models import Promise, State

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 4, 12, 0, tzinfo=dt.UTC)


def at(moment: dt.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def promise(space, author, promisee, *, due_at, **fields) -> Promise:
    made = Promise(
        space=space,
        author=author,
        promisee=promisee,
        created=NOW - dt.timedelta(days=3),
    )
    made.set_terms(
        text="Call the plumber", due_date=due_at.date(), due_time=None, tz="UTC"
    )
    made.due_at = due_at
    made.remind_at = due_at - dt.timedelta(hours=3)
    for name, value in fields.items():
        setattr(made, name, value)
    return made


def due_soon(couples, *, due_at=NOW + dt.timedelta(hours=2)) -> list[Promise]:
    """One open promise in each couple, its reminder time just passed."""
    return Promise.objects.bulk_create(
        promise(space, a, b, due_at=due_at) for space, a, b in couples
    )


def waiting_for_confirmation(couples) -> list[Promise]:
    """One promise in each couple marked done a day and an hour ago."""
    return Promise.objects.bulk_create(
        promise(
            space,
            a,
            b,
            due_at=NOW + dt.timedelta(days=1),
            state=State.DONE,
            done_at=NOW - dt.timedelta(hours=25),
        )
        for space, a, b in couples
    )


def tick(job) -> tuple[int, int]:
    """(queries, reminders made) of one tick at NOW."""
    with at(NOW), CaptureQueriesContext(connection) as captured:
        made = job.call()
    return len(captured), made


JOBS = {
    "remind_due_soon": (tasks.remind_due_soon, due_soon, "promise.due_soon"),
    "remind_to_confirm": (
        tasks.remind_to_confirm,
        waiting_for_confirmation,
        "promise.confirm_waiting",
    ),
}


@pytest.mark.parametrize("name", JOBS)
def test_reminding_fifty_costs_the_same_queries_as_reminding_two(name):
    job, make_due, _kind = JOBS[name]
    ContentType.objects.get_for_model(Promise)  # read once a process, kept
    make_due(crowd(2))
    few, made_few = tick(job)
    make_due(crowd(50))
    many, made_many = tick(job)
    assert (made_few, made_many) == (2, 50)
    assert few == many


@pytest.mark.parametrize("name", JOBS)
def test_each_is_reminded_once_across_ticks_and_workers(name):
    job, make_due, kind = JOBS[name]
    promises = make_due(crowd(5))
    # Worker B read what was due; worker A reminds first.
    seen_by_b = Promise.objects.filter(pk__in=[p.pk for p in promises])
    assert tick(job)[1] == 5
    field = "reminded_at" if name == "remind_due_soon" else "confirm_reminded_at"
    notice = mock.Mock()
    with at(NOW):
        assert tasks._remind_each(seen_by_b, field=field, notice=notice) == 0
    notice.assert_not_called()
    # The next tick reads nothing: one query.
    assert tick(job) == (1, 0)
    notices = Notification.objects.filter(kind=kind)
    assert notices.count() == 5
    assert len(set(notices.values_list("user", "key"))) == 5


def test_each_reminder_goes_to_the_promiser_from_their_partner():
    (space, alice, bob), (space2, carol, dave) = crowd(2)
    first, second = due_soon([(space, alice, bob), (space2, carol, dave)])
    tick(tasks.remind_due_soon)
    told = {
        (n.user, n.actor, n.space, n.target_id, n.url)
        for n in Notification.objects.filter(kind="promise.due_soon")
    }
    assert told == {
        (alice, bob, space, first.pk, first.get_absolute_url()),
        (carol, dave, space2, second.pk, second.get_absolute_url()),
    }


def test_a_promise_already_past_due_is_claimed_without_a_reminder():
    """The workers were down through its reminder time and its due time: it
    is missed now (mark_missed tells both), not due soon."""
    late, on_time = crowd(2)
    (past,) = due_soon([late], due_at=NOW - dt.timedelta(minutes=10))
    (soon,) = due_soon([on_time])
    assert tick(tasks.remind_due_soon)[1] == 1
    past.refresh_from_db()
    assert past.reminded_at == NOW
    assert past.state == State.OPEN  # for mark_missed to find
    assert list(
        Notification.objects.filter(kind="promise.due_soon").values_list(
            "target_id", flat=True
        )
    ) == [soon.pk]
    # Claimed, it is not read again.
    assert tick(tasks.remind_due_soon) == (1, 0)


def test_a_promise_made_after_its_reminder_time_gets_none():
    ((space, alice, bob),) = crowd(1)
    made = promise(space, alice, bob, due_at=NOW + dt.timedelta(hours=2))
    made.created = NOW - dt.timedelta(minutes=5)  # after remind_at
    made.save()
    assert tick(tasks.remind_due_soon) == (1, 0)
    assert not Notification.objects.exists()


@pytest.mark.parametrize("name", JOBS)
def test_a_backlog_bigger_than_a_batch_is_all_reminded_in_one_tick(name):
    job, make_due, kind = JOBS[name]
    make_due(crowd(5))
    with mock.patch.object(tasks, "BATCH", 2):
        assert tick(job)[1] == 5
        assert tick(job) == (1, 0)
    assert Notification.objects.filter(kind=kind).count() == 5


def in_two_workers(job) -> list[int]:
    """What `job` returned in each of two workers started at the same time."""
    start = threading.Barrier(2)
    made: list[int] = []

    def worker() -> None:
        start.wait()
        try:
            made.append(job.call())
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return made


# Several workers share one PostgreSQL (docs/architecture.md); the test
# database of SQLite is in memory, where a second writer fails at once
# instead of waiting its turn as it does on a file.
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="several workers: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_remind_each_promise_once():
    due_soon(crowd(20))
    with at(NOW):
        made = in_two_workers(tasks.remind_due_soon)
    assert len(made) == 2 and sum(made) == 20
    notices = Notification.objects.filter(kind="promise.due_soon")
    assert notices.count() == len(set(notices.values_list("user", "key"))) == 20
    assert not Promise.objects.filter(reminded_at__isnull=True).exists()
