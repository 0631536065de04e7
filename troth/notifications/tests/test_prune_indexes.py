"""The hourly prunes read what is due by an index (issue 14): devices whose
session ended by when it ended, task results by their status and finish
time, stale tasks by when the running ones started. The plans on
PostgreSQL are tests/test_plans.py's; here the devices a person keeps or
loses, and the indexes, whichever the database (SQLite's plan is read too)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from troth.accounts.services import sessions_prune
from troth.lib import clock
from troth.notifications import push
from troth.notifications.models import PushSubscription
from troth.notifications.tests.pushservice import PushService
from troth.notifications.tests.test_push import signed_in, subscribe, turn_on

pytestmark = pytest.mark.django_db

TASKS = "django_tasks_database_dbtaskresult"


@pytest.fixture
def service(settings):
    running = PushService()
    settings.TROTH_PUSH_SERVICES = [running.host]
    yield running
    running.close()


def _endpoints() -> list[str]:
    return sorted(s.endpoint.rsplit("/", 1)[1] for s in PushSubscription.objects.all())


def _sqlite_plan(run) -> str:
    """SQLite's plan of the first statement `run` sends ("" elsewhere)."""
    if connection.vendor != "sqlite":
        return ""
    with CaptureQueriesContext(connection) as captured:
        run()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + captured.captured_queries[0]["sql"])
        return " ".join(str(row[-1]) for row in cursor.fetchall())


def test_a_device_whose_session_expired_goes_once_the_session_is_pruned(bob, service):
    turn_on(bob, service, "kept")
    turn_on(bob, service, "expired")
    expired = PushSubscription.objects.get(endpoint__endswith="/expired")
    Session.objects.filter(session_key=expired.session_digest).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )
    assert not PushSubscription.objects.live().filter(pk=expired.pk).exists()
    sessions_prune()
    assert push.push_subscriptions_prune() == 1
    assert _endpoints() == ["kept"]


def test_a_device_subscribed_again_in_a_new_session_is_kept(bob, service):
    gone, token = signed_in(bob)
    subscribe(gone, token, service.subscription("phone"))
    gone.logout()
    again, token = signed_in(bob)
    assert subscribe(again, token, service.subscription("phone")).status_code == 200
    assert push.push_subscriptions_prune() == 0
    assert _endpoints() == ["phone"]
    assert PushSubscription.objects.live().count() == 1


@pytest.mark.parametrize("devices", [2, 40])
def test_the_device_prune_reads_only_the_ended_ones(bob, service, devices):
    for n in range(devices):
        turn_on(bob, service, f"device{n}")
    plan = _sqlite_plan(push.push_subscriptions_prune)
    assert "push_session_ended" in plan or not plan, plan
    with CaptureQueriesContext(connection) as captured:
        assert push.push_subscriptions_prune() == 0
    assert len(captured) == 1
    assert len(_endpoints()) == devices


def _indexes() -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, TASKS)
    return {name: found[name]["columns"] for name in found if found[name]["index"]}


def test_the_task_result_jobs_have_their_indexes():
    indexes = _indexes()
    assert indexes["task_result_status_finished"] == ["status", "finished_at"]
    assert indexes["task_result_running_started"] == ["started_at"]


def test_the_task_result_jobs_read_by_their_indexes():
    """Each looks up a status (SQLite reads the running ones by either
    index: both hold only what the job is after), never every result."""
    prune = _sqlite_plan(clock.task_results_prune)
    stale = _sqlite_plan(clock.stale_tasks_reset)
    assert "task_result_status_finished" in prune or not prune, prune
    assert "SCAN" not in prune, prune
    assert "USING INDEX task_result_" in stale or not stale, stale
    assert "SCAN" not in stale, stale
