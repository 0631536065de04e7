"""The clock's notification jobs cost what is due, not how many couples use
Troth: with nothing due a tick is the same few indexed queries for one
couple or thirty with history, and every due email still goes out once, as
fast as TROTH_EMAIL_RATE allows (issue 14)."""

from __future__ import annotations

import itertools
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_space, make_user, run_tasks
from tests.plans import forget_statistics
from troth.notifications import jobs
from troth.notifications.models import Notification
from troth.notifications.services import notify, notify_many, unsent
from troth.notifications.tasks import (
    SWEEP_WINDOW,
    activities_undelivered,
    send_due_emails,
    sweep_activities,
)
from troth.spaces import services as spaces
from troth.spaces.models import Activity, Visibility

pytestmark = pytest.mark.django_db

Email = Notification.Email
numbers = itertools.count()


def couple(history: int = 20):
    """Two partners in a space, with `history` delivered activities each
    way (their notifications read and emailed long ago) and older ones."""
    n = next(numbers)
    one, two = make_user(f"one{n}"), make_user(f"two{n}")
    space = make_space(one, two)
    now = timezone.now()
    activities = Activity.objects.bulk_create(
        Activity(
            space=space,
            author=author,
            recipient=recipient,
            verb="moment.noticed",
            visibility=Visibility.SHARED,
            created=now - timedelta(hours=hours),
            delivered_at=now - timedelta(hours=hours),
        )
        for i in range(history)
        for author, recipient in ((one, two), (two, one))
        # Some within the sweep's two days, some long before.
        for hours in [1 + i * 5]
    )
    Notification.objects.bulk_create(
        Notification(
            user=two if activity.author == one else one,
            space=space,
            kind=activity.verb,
            actor=activity.author,
            key=f"activity:{activity.pk}",
            created=activity.created,
            read_at=activity.created,
            email=Email.SENT,
            email_after=activity.created,
            email_claimed_at=activity.created,
        )
        for activity in activities
    )
    # Private notes meant for no one to be told about, and notices the
    # recipient turned off: never due, never looked at again.
    Activity.objects.bulk_create(
        Activity(
            space=space,
            author=one,
            recipient=two,
            verb="moment.noticed",
            visibility=Visibility.PRIVATE,
        )
        for _ in range(3)
    )
    Notification.objects.bulk_create(
        Notification(user=one, kind="promise.due_soon", key=f"old:{k}", email=e)
        for k, e in enumerate([Email.SKIPPED, Email.UNCERTAIN, Email.SENT])
    )
    return space, one, two


def tick_costs() -> dict[str, int]:
    """How many queries each of the notifications app's jobs takes now."""
    costs = {}
    for job in jobs.JOBS:
        with CaptureQueriesContext(connection) as queries:
            job.task.call()
        costs[job.name.rsplit(".", 1)[-1]] = len(queries)
    return costs


def test_a_tick_with_nothing_due_costs_the_same_for_one_couple_or_thirty():
    couple()
    tick_costs()  # settle what a first run does once (content types)
    one = tick_costs()
    for _ in range(29):
        couple()
    thirty = tick_costs()
    assert thirty == one
    # And few: one or two indexed queries each.
    assert one["sweep_activities"] == 1
    assert one["send_due_emails"] == 2
    assert one["send_due_pushes"] == 1
    assert max(one.values()) <= 3, one
    assert mail.outbox == []


def lost_activities(space, author, recipient, count: int) -> None:
    """Activities whose delivery task was lost (a crash, a restore)."""
    Activity.objects.bulk_create(
        Activity(
            space=space,
            author=author,
            recipient=recipient,
            verb="moment.noticed",
            visibility=Visibility.SHARED,
        )
        for _ in range(count)
    )


def due_costs(space, one, two) -> tuple[int, int]:
    lost_activities(space, one, two, 3)
    with CaptureQueriesContext(connection) as swept:
        assert sweep_activities.call() == 3
    with CaptureQueriesContext(connection) as sent:
        assert send_due_emails.call() == 3
    return len(swept), len(sent)


def test_what_is_due_costs_the_same_however_many_couples_there_are():
    first = couple()
    tick_costs()
    alone = due_costs(*first)
    for _ in range(29):
        couple()
    crowded = due_costs(*couple())
    assert crowded == alone
    assert len(mail.outbox) == 6
    assert sweep_activities.call() == 0


def test_an_activity_delivered_by_its_task_is_not_read_by_the_sweep(alice, bob):
    """The sweep reads only what no task delivered: an activity whose task
    ran leaves the index at once, so a week of busy couples costs the
    sweep nothing to read (before, it read two days of every couple's
    activity to find none lost)."""
    space = make_space(alice, bob)
    spaces.activity_record_for_partner(space=space, actor=alice, verb="moment.noticed")
    assert activities_undelivered().count() == 1
    run_tasks()
    assert Notification.objects.filter(user=bob).count() == 1
    assert not activities_undelivered().exists()
    with CaptureQueriesContext(connection) as queries:
        assert sweep_activities.call() == 0
    assert len(queries) == 1


def test_a_lost_activity_is_delivered_once_and_then_not_looked_at(alice, bob):
    space = make_space(alice, bob)
    lost_activities(space, alice, bob, 2)
    assert sweep_activities.call() == 2
    assert not activities_undelivered().exists()
    with CaptureQueriesContext(connection) as queries:
        assert sweep_activities.call() == 0
    assert len(queries) == 1
    assert Notification.objects.filter(user=bob).count() == 2


def test_a_lost_activity_older_than_the_window_is_set_aside_unsent(alice, bob):
    space = make_space(alice, bob)
    lost_activities(space, alice, bob, 1)
    Activity.objects.update(created=timezone.now() - SWEEP_WINDOW - timedelta(hours=1))
    assert sweep_activities.call() == 0
    assert not Notification.objects.exists()
    assert not activities_undelivered().exists()


def test_old_lost_activity_is_set_aside_in_one_tick_however_much(alice, bob, settings):
    """After a restore, months of activity may wait undelivered: the
    first tick sets all that is past the window aside at once, instead of
    a batch a tick for hours."""
    space = make_space(alice, bob)
    lost_activities(space, alice, bob, 5)
    Activity.objects.update(created=timezone.now() - SWEEP_WINDOW - timedelta(days=9))
    lost_activities(space, alice, bob, 1)
    with mock.patch("troth.notifications.tasks.SWEEP_BATCH", 2):
        assert sweep_activities.call() == 0
        assert list(activities_undelivered()) == list(
            Activity.objects.order_by("-pk")[:1]
        )
        assert sweep_activities.call() == 1
    assert not activities_undelivered().exists()
    assert Notification.objects.filter(user=bob).count() == 1


# Email throughput ------------------------------------------------------------


def due_emails(user, count: int) -> None:
    Notification.objects.bulk_create(
        Notification(user=user, kind="space.joined", key=f"due:{n}")
        for n in range(count)
    )


def sent_a_minute_ago() -> None:
    """Let a minute pass for the rate: what was sent is now out of it."""
    Notification.objects.filter(email=Email.SENT).update(
        email_claimed_at=timezone.now() - timedelta(minutes=1, seconds=1)
    )


def test_a_thousand_due_emails_all_go_out_once_in_one_run(alice):
    due_emails(alice, 1000)
    assert send_due_emails.call() == 1000
    assert len(mail.outbox) == 1000
    assert Notification.objects.filter(email=Email.SENT).count() == 1000
    assert send_due_emails.call() == 0
    assert len(mail.outbox) == 1000


def test_no_more_emails_than_the_rate_go_out_in_a_minute(alice, settings):
    settings.TROTH_EMAIL_RATE = 10
    due_emails(alice, 25)
    assert send_due_emails.call() == 10
    # The same minute: the rate is used up, nothing more goes out.
    assert send_due_emails.call() == 0
    assert Notification.objects.filter(email=Email.PENDING).count() == 15
    sent_a_minute_ago()
    assert send_due_emails.call() == 10
    sent_a_minute_ago()
    assert send_due_emails.call() == 5
    sent_a_minute_ago()
    assert send_due_emails.call() == 0
    # Each once.
    assert len(mail.outbox) == 25
    assert Notification.objects.filter(email=Email.SENT).count() == 25


def test_emails_sent_by_another_run_count_against_the_rate(alice, settings):
    settings.TROTH_EMAIL_RATE = 10
    due_emails(alice, 4)
    assert send_due_emails.call() == 4
    due_emails_later = [
        Notification(user=alice, kind="space.joined", key=f"later:{n}")
        for n in range(10)
    ]
    Notification.objects.bulk_create(due_emails_later)
    assert send_due_emails.call() == 6
    assert len(mail.outbox) == 10


# Skipping what was already sent ----------------------------------------------


def test_unsent_finds_the_new_keys_in_one_query(alice, bob):
    notify(user=alice, kind="space.joined", key="a")
    notify(user=bob, kind="space.joined", key="b")
    with CaptureQueriesContext(connection) as queries:
        new = unsent([(alice.pk, "a"), (alice.pk, "b"), (bob.pk, "b"), (bob.pk, "c")])
    assert new == {(alice.pk, "b"), (bob.pk, "c")}
    assert len(queries) == 1


def test_notify_many_adds_only_what_is_new_and_costs_one_query_when_nothing_is(
    alice, bob
):
    items = [
        {"user": alice, "kind": "space.joined", "key": "x"},
        {"user": bob, "kind": "space.joined", "key": "x"},
        {"user": bob, "kind": "space.joined", "key": "x"},
    ]
    notify(user=alice, kind="space.joined", key="x")
    created = notify_many(items)
    assert [n.user for n in created] == [bob]
    assert Notification.objects.filter(key="x").count() == 2
    with CaptureQueriesContext(connection) as queries:
        assert notify_many(items) == []
    assert len(queries) == 1


def test_the_sweep_does_not_tell_anyone_what_they_cannot_see(space, alice, bob):
    Activity.objects.bulk_create(
        [
            Activity(
                space=space,
                author=alice,
                recipient=bob,
                verb="moment.noticed",
                visibility=Visibility.PRIVATE,
            ),
            Activity(
                space=space,
                author=alice,
                recipient=alice,
                verb="moment.noticed",
                visibility=Visibility.SHARED,
            ),
        ]
    )
    assert sweep_activities.call() == 0
    assert not Notification.objects.exists()


# On PostgreSQL, what is due is read through the partial indexes -------------


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # A near-empty test table is cheaper to scan; ask whether the index
        # can serve the query at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="EXPLAIN is PostgreSQL's here"
)
def test_due_emails_and_open_claims_are_read_by_index(alice):
    # Whatever statistics earlier tests left, plan as on tables the planner
    # knows nothing about (tests/plans.py says why).
    forget_statistics()
    now = timezone.now()
    due = Notification.objects.emails_due(now)
    assert "notification_email_due" in plan(due)
    in_flight = Notification.objects.filter(
        email__in=[Email.SENDING, Email.SUBMITTING],
        email_claimed_at__lt=now,
    )
    assert "notification_email_in_flight" in plan(in_flight)
    recent = Notification.objects.emails_claimed_since(now)
    assert "notification_email_claimed" in plan(recent)
    recent_activity = Activity.objects.filter(recipient__isnull=False, created__gte=now)
    assert "activity_to_someone_created" in plan(recent_activity)
    # The sweep reads only the activity not delivered yet, from its index.
    swept = plan(activities_undelivered().order_by("pk").values("pk")[:1000])
    assert "activity_undelivered" in swept
    assert "Seq Scan" not in swept
