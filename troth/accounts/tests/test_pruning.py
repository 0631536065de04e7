"""Expired sessions and their rows in the sessions list are pruned by a
named job (docs/architecture.md, background work)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.utils import timezone

from conftest import client_for, run_tasks
from troth.accounts.services import sessions_prune
from troth.accounts.tasks import prune_sessions

pytestmark = pytest.mark.django_db


def signed_in(user):
    """A browser that signed in and made a request (allauth lists it)."""
    client = client_for(user)
    assert client.get("/").status_code == 200
    return client


def test_expired_sessions_and_their_list_rows_are_pruned(alice, bob):
    signed_in(alice)
    live = signed_in(bob)
    assert Session.objects.count() == 2 and UserSession.objects.count() == 2
    # Alice's session expired two hours ago, unused since.
    hours_ago = timezone.now() - timedelta(hours=2)
    UserSession.objects.filter(user=alice).update(last_seen_at=hours_ago)
    alices = UserSession.objects.get(user=alice)
    Session.objects.exclude(
        session_key__in=UserSession.objects.filter(user=bob).values("session_key")
    ).update(expire_date=hours_ago)
    assert alices.session_key in set(
        Session.objects.values_list("session_key", flat=True)
    )

    prune_sessions.enqueue()
    run_tasks()

    assert Session.objects.count() == 1
    assert list(UserSession.objects.values_list("user", flat=True)) == [bob.pk]
    # Bob is still signed in.
    assert live.get("/").status_code == 200
    assert sessions_prune() == (0, 0)


def test_a_list_row_made_moments_ago_is_left_alone(alice):
    signed_in(alice)
    Session.objects.all().delete()
    assert sessions_prune() == (0, 0)
    assert UserSession.objects.count() == 1


def test_a_session_idle_past_the_idle_timeout_is_pruned_before_it_expires(
    alice, bob, settings
):
    signed_in(alice)
    live = signed_in(bob)
    now = timezone.now()
    age = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    idle = timedelta(seconds=settings.SESSION_IDLE_TIMEOUT)
    alices = UserSession.objects.get(user=alice).session_key
    bobs = UserSession.objects.get(user=bob).session_key
    # Alice's was last saved an hour more than the idle timeout ago (its
    # expiry date is still days away); Bob's a minute ago.
    Session.objects.filter(session_key=alices).update(
        expire_date=now + age - idle - timedelta(hours=1)
    )
    Session.objects.filter(session_key=bobs).update(
        expire_date=now + age - timedelta(minutes=1)
    )
    assert sessions_prune()[0] == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [bobs]
    assert live.get("/").status_code == 200
