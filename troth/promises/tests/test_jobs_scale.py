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
from troth.promises import tasks
from troth.promises.models import (
    Promise,
    PromiseSeries,
    Repeat,
    State,
)
from troth.promises.services import promise_series_extend
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
                    f"promise.confirm_waiting:{p.pk}:{p.done_at.isoformat()}",
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
    for space, a, b in couples:
        series = PromiseSeries.objects.create(
            space=space,
            author=a,
            promisee=b,
            text="Walk the dog",
            repeat=Repeat.DAILY,
            starts_on=NOW.date(),
            due_time=dt.time(19, 0),
            created=NOW,
        )
        with at(NOW):
            promise_series_extend(series=series, now=NOW)
    return couples


SENT = {
    "confirm": lambda when: {"confirm_reminded_at": when},
    "due_soon": lambda when: {"reminded_at": when},
}


def queries(job) -> int:
    with at(NOW), CaptureQueriesContext(connection) as ctx:
        job.call()
    return len(ctx.captured_queries)


JOBS = [
    tasks.mark_missed,
    tasks.remind_due_soon,
    tasks.remind_to_confirm,
    tasks.extend_series,
]


@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.name)
def test_with_nothing_due_a_tick_costs_the_same_for_1_or_30_couples(job):
    couples_with_history(1)
    one = queries(job)
    couples_with_history(29)
    thirty = queries(job)
    print(job.name, one, thirty)
    assert one == thirty
