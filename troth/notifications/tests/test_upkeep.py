"""What a stopped worker leaves behind is picked up again, never sent twice,
and what grows without bound is pruned (docs/architecture.md)."""

from __future__ import annotations

import logging
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import run_tasks
from troth.lib import clock
from troth.notifications import services
from troth.notifications.clock import tick, ticks_prune
from troth.notifications.models import ClockTick, Notification
from troth.notifications.services import EMAIL_CLAIM_TIMEOUT, emails_reclaim
from troth.notifications.tasks import (
    prune_clock_ticks,
    prune_task_results,
    reclaim_stale_emails,
    reset_stale_tasks,
    send_due_emails,
)

pytestmark = pytest.mark.django_db


class WorkerKilled(BaseException):
    """Stands for SIGKILL: nothing after it runs, no `except Exception`."""


@pytest.fixture
def pending(alice):
    return services.notify(user=alice, kind="space.joined", key="k:1")


def later(minutes: float):
    return timezone.now() + timedelta(minutes=minutes)


def state(notification) -> str:
    notification.refresh_from_db()
    return notification.email


# Emails ----------------------------------------------------------------------


def test_an_email_whose_worker_died_before_the_mail_server_is_sent_once(pending):
    with (
        mock.patch.object(services, "email_render", side_effect=WorkerKilled),
        pytest.raises(WorkerKilled),
    ):
        send_due_emails.call()
    assert state(pending) == Notification.Email.SENDING
    assert pending.email_claimed_at is not None
    # Nothing sends it while the claim might still be a live worker's.
    assert emails_reclaim(now=later(5)) == (0, 0)
    assert send_due_emails.call() == 0
    assert state(pending) == Notification.Email.SENDING
    # Past the timeout it goes back to the queue, and goes out once.
    assert emails_reclaim(now=later(EMAIL_CLAIM_TIMEOUT.total_seconds() / 60 + 1)) == (
        1,
        0,
    )
    assert state(pending) == Notification.Email.PENDING
    assert send_due_emails.call() == 1
    assert send_due_emails.call() == 0
    assert len(mail.outbox) == 1
    assert state(pending) == Notification.Email.SENT


def test_an_email_that_may_have_reached_the_mail_server_is_not_sent_again(
    pending, caplog
):
    with (
        mock.patch(
            "django.core.mail.EmailMessage.send",
            autospec=True,
            side_effect=WorkerKilled,
        ),
        pytest.raises(WorkerKilled),
    ):
        send_due_emails.call()
    assert state(pending) == Notification.Email.SUBMITTING
    with caplog.at_level(logging.WARNING, logger="troth.notifications"):
        assert emails_reclaim(now=later(16)) == (0, 1)
    assert state(pending) == Notification.Email.UNCERTAIN
    assert f"{pending.pk}" in caplog.text and "may have been delivered" in caplog.text
    assert send_due_emails.call() == 0
    assert emails_reclaim(now=later(60)) == (0, 0)
    assert mail.outbox == []
    # The person still has it in their updates.
    assert Notification.objects.filter(pk=pending.pk, read_at__isnull=True).exists()


def test_a_slow_worker_whose_claim_was_reclaimed_does_not_send_a_second_copy(
    pending,
):
    render = services.email_render
    calls = []

    def slow_render(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            # While the first worker is stuck rendering, its claim times out
            # and a second worker sends the email.
            assert emails_reclaim(now=later(16)) == (1, 0)
            assert services.email_send(
                Notification.objects.select_related("user").get(pk=pending.pk)
            )
        return render(**kwargs)

    with mock.patch.object(services, "email_render", side_effect=slow_render):
        assert services.email_send(pending) is False
    assert len(mail.outbox) == 1
    assert state(pending) == Notification.Email.SENT


def test_the_reclaim_job_runs_from_the_queue(pending):
    Notification.objects.filter(pk=pending.pk).update(
        email=Notification.Email.SENDING,
        email_claimed_at=timezone.now() - timedelta(hours=1),
    )
    reclaim_stale_emails.enqueue()
    run_tasks()
    assert state(pending) == Notification.Email.PENDING


# Tasks -----------------------------------------------------------------------


def stuck(minutes_ago: float, workers: int = 1) -> DBTaskResult:
    """A queued task that `workers` workers claimed and then died running."""
    result = DBTaskResult.objects.get(pk=send_due_emails.enqueue().id)
    result.status = TaskResultStatus.RUNNING
    result.started_at = timezone.now() - timedelta(minutes=minutes_ago)
    result.worker_ids = [f"dead-{n}" for n in range(workers)]
    result.save()
    return result


def test_a_task_left_running_by_a_dead_worker_runs_again(pending):
    old, recent = stuck(minutes_ago=31), stuck(minutes_ago=5)
    assert clock.stale_tasks_reset() == (1, 0)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.status == TaskResultStatus.READY and old.started_at is None
    # A task running for five minutes may well have a live worker.
    assert recent.status == TaskResultStatus.RUNNING
    run_tasks()
    old.refresh_from_db()
    assert old.status == TaskResultStatus.SUCCESSFUL
    # The job it ran is idempotent: the email went out once.
    assert len(mail.outbox) == 1
    assert clock.stale_tasks_reset() == (0, 0)


def test_a_task_that_keeps_killing_its_workers_is_given_up(caplog):
    result = stuck(minutes_ago=31, workers=clock.TASK_MAX_CLAIMS)
    with caplog.at_level(logging.WARNING, logger="troth.clock"):
        assert reset_stale_tasks.call() == [0, 1]
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert result.exception_class_path == "troth.lib.clock.StaleTask"
    assert "send_due_emails" in caplog.text


# Pruning -----------------------------------------------------------------------


def test_old_clock_ticks_are_pruned_and_current_slots_still_run_once():
    now = timezone.now()
    enqueued = tick(now)
    assert enqueued
    longest = max(job.every for job in clock.all_jobs())
    old = ClockTick.objects.create(
        job="troth.gone.job", slot=1, created=now - longest - timedelta(days=1, hours=1)
    )
    kept = ClockTick.objects.create(job="troth.gone.job", slot=2, created=now - longest)
    assert ticks_prune(now) == 1
    assert not ClockTick.objects.filter(pk=old.pk).exists()
    assert ClockTick.objects.filter(pk=kept.pk).exists()
    # This slot's ticks survive: a second worker still enqueues nothing.
    assert tick(now) == []
    assert prune_clock_ticks.call() == 0


def test_finished_task_results_are_pruned_after_their_retention():
    now = timezone.now()

    def result(status, days_ago):
        item = DBTaskResult.objects.get(pk=send_due_emails.enqueue().id)
        item.status = status
        item.finished_at = now - timedelta(days=days_ago)
        item.save()
        return item.pk

    S, F = TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED
    gone = [result(S, 8), result(F, 31)]
    kept = [result(S, 6), result(F, 20)]
    waiting = DBTaskResult.objects.get(pk=send_due_emails.enqueue().id).pk
    running = stuck(minutes_ago=60 * 24 * 40).pk
    assert prune_task_results.call() == 2
    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert not left & set(gone)
    assert {*kept, waiting, running} <= left
