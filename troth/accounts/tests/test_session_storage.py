"""A copy of the database signs no one in: only digests of session keys
are stored (troth/accounts/sessions.py), and signing in and out, the
sessions lists and ending other sessions work as before."""

from __future__ import annotations

import importlib

import pytest
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from troth.accounts.sessions import digest
from troth.accounts.tests.helpers import LAPTOP, PHONE, browser, signed_in

pytestmark = pytest.mark.django_db


def is_signed_in(client: Client) -> bool:
    return client.get("/settings/").status_code == 200


def with_cookie(value: str) -> Client:
    client = browser()
    client.cookies[settings.SESSION_COOKIE_NAME] = value
    return client


def cookie_of(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


class TestCopyOfTheDatabase:
    def test_no_stored_key_signs_in_when_put_in_a_cookie(self, alice):
        phone = signed_in(alice)
        assert is_signed_in(phone)
        stored = [
            *Session.objects.values_list("session_key", flat=True),
            *UserSession.objects.values_list("session_key", flat=True),
        ]
        assert stored
        for key in stored:
            assert not is_signed_in(with_cookie(key))
        assert is_signed_in(phone)

    def test_the_cookies_key_is_stored_nowhere(self, alice):
        key = cookie_of(signed_in(alice))
        assert not Session.objects.filter(session_key=key).exists()
        with connection.cursor() as cursor:
            for table in ("django_session", "usersessions_usersession", "troth_cache"):
                cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
                assert key not in repr(cursor.fetchall())

    def test_the_cookies_key_itself_still_signs_in(self, alice):
        assert is_signed_in(with_cookie(cookie_of(signed_in(alice))))


class TestSessionsStillWork:
    def test_signing_out_ends_the_session(self, alice):
        phone = signed_in(alice)
        key = cookie_of(phone)
        phone.post("/accounts/logout/")
        assert not is_signed_in(with_cookie(key))
        assert not Session.objects.filter(session_key=digest(key)).exists()

    def test_allauths_list_marks_this_device_once(self, alice):
        phone = signed_in(alice, ua=PHONE)
        signed_in(alice, ua=LAPTOP)
        page = phone.get("/accounts/sessions/")
        assert page.status_code == 200
        assert page.content.decode().count("This device") == 1

    def test_allauths_sign_out_other_sessions_keeps_this_one(self, alice):
        phone = signed_in(alice, ua=PHONE)
        laptop = signed_in(alice, ua=LAPTOP)
        response = phone.post("/accounts/sessions/")
        assert response.status_code == 302
        assert is_signed_in(phone)
        assert not is_signed_in(laptop)

    def test_a_new_sign_in_keeps_the_other_devices_listed(self, alice):
        phone = signed_in(alice, ua=PHONE)
        signed_in(alice, ua=LAPTOP)
        signed_in(alice, ua=LAPTOP)
        text = phone.get("/settings/sessions").content.decode()
        assert text.count('data-testid="end-session"') == 2

    def test_ending_this_session_from_the_list_signs_out(self, alice):
        phone = signed_in(alice)
        mine = UserSession.objects.get(user=alice)
        response = phone.post(f"/settings/sessions/{mine.pk}/end")
        assert response.status_code == 302
        assert not is_signed_in(phone)


def test_sessions_stored_before_the_change_keep_working_and_get_digested(alice):
    """An install upgraded with people signed in: their rows held the keys."""
    name = "0003_digest_session_keys"
    migration = importlib.import_module(f"troth.accounts.migrations.{name}")
    phone = signed_in(alice)
    key = cookie_of(phone)
    old = MigrationExecutor(connection).loader.project_state(("accounts", name)).apps
    for app, model in (("sessions", "Session"), ("usersessions", "UserSession")):
        old.get_model(app, model).objects.all().update(session_key=key)
    with connection.cursor() as cursor:
        cursor.execute("SELECT session_key FROM django_session")
        assert cursor.fetchall() == [(key,)]

    migration.digest_keys(old, None)

    with connection.cursor() as cursor:
        cursor.execute("SELECT session_key FROM django_session")
        assert cursor.fetchall() != [(key,)]
    assert is_signed_in(phone)
    assert not is_signed_in(with_cookie(Session.objects.get().session_key))
