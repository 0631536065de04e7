"""Shared fixtures. alice and bob are partners in one space, carol and dave
in another; eve belongs to none."""

from __future__ import annotations

import os
import threading
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from troth.accounts.builders import build_user
from troth.accounts.models import User
from troth.spaces.builders import build_space
from troth.spaces.models import Space

PASSWORD = "correct horse battery"

# Held by the browser tests' live server while it answers a request, and by
# `run_tasks`: on SQLite the test and the server share one in-memory
# database, and the worker's BEGIN EXCLUSIVE fails at once ("database table
# is locked") if a request is half way through its transaction.
DATABASE_TURN = threading.Lock()


def after_the_sqlite_pass() -> bool:
    """Whether this is `make test`'s PostgreSQL pass, run after the SQLite one
    passed: what reads the same on any database ran there and is not run
    again (docs/configuration.md, TROTH_TEST_AFTER_SQLITE)."""
    return os.environ.get("TROTH_TEST_AFTER_SQLITE") == "1"


def pytest_collection_modifyitems(config, items):
    if not after_the_sqlite_pass():
        return
    ran = pytest.mark.skip(reason="ran in the SQLite pass: its own SQLite install")
    for item in items:
        if item.get_closest_marker("sqlite_install") and not item.get_closest_marker(
            "postgresql"
        ):
            item.add_marker(ran)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request leaves its reader's language active on the thread (as
    Django's own LocaleMiddleware does; the next request sets it again), so
    a test that signs in an Arabic reader must not leave the next test's
    words in Arabic."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def make_user(name: str, **extra) -> User:
    return build_user(
        f"{name}@example.com", PASSWORD, display_name=name.capitalize(), **extra
    )


def make_space(*users) -> Space:
    return build_space(*users)


@pytest.fixture
def alice(db):
    return make_user("alice")


@pytest.fixture
def bob(db):
    return make_user("bob")


@pytest.fixture
def carol(db):
    return make_user("carol")


@pytest.fixture
def dave(db):
    return make_user("dave")


@pytest.fixture
def eve(db):
    return make_user("eve")


@pytest.fixture
def space(alice, bob):
    return make_space(alice, bob)


@pytest.fixture
def other_space(carol, dave):
    return make_space(carol, dave)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def confirmed_client_for(user) -> Client:
    """Signed in and just gave the password again, as downloads of a
    person's data ask (troth/lib/downloads.py)."""
    client = client_for(user)
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, response.content[:400]
    return client


@pytest.fixture
def alice_client(alice):
    return client_for(alice)


@pytest.fixture
def bob_client(bob):
    return client_for(bob)


@pytest.fixture
def carol_client(carol):
    return client_for(carol)


@pytest.fixture
def eve_client(eve):
    return client_for(eve)


def run_tasks() -> int:
    """Run every queued background task now, as a worker would; fail the
    test if any task failed. Returns how many ran."""
    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.exclude(status="READY").count()
    # A real worker closes stale connections between tasks; inside a test
    # that would close the test's own transaction (on PostgreSQL).
    with (
        mock.patch(
            "django_tasks_db.management.commands.db_worker.close_old_connections"
        ),
        DATABASE_TURN,
    ):
        _run_worker()
    failed = DBTaskResult.objects.filter(status="FAILED").first()
    if failed is not None:
        raise AssertionError(f"Task {failed.task_path} failed:\n{failed.traceback}")
    return DBTaskResult.objects.exclude(status="READY").count() - before


def _run_worker() -> None:
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()
