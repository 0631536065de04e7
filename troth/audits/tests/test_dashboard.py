"""The couple's home: the audit card, the recent-activity timeline, and a
constant number of queries for all the cards together."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from troth.audits import services
from troth.audits.models import Commitment
from troth.audits.tests.helpers import write
from troth.audits.tests.test_pages import _history
from troth.checkins.models import Pulse
from troth.lib.content import Visibility
from troth.moments.models import Moment
from troth.promises.models import Promise, State
from troth.promises.tests.helpers import make_promise
from troth.spaces.dashboard import SHOWN
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db


def timeline(page: str) -> str:
    return page.split('data-testid="card-activity"')[1].split("</section>")[0]


def test_the_timeline_words_what_happened_without_any_content(
    space, alice, bob, alice_client, bob_client
):
    make_promise(space, alice, text="Buy the anniversary present")
    bobs = timeline(bob_client.get("/").text)
    assert "Alice made you a promise" in bobs
    assert "anniversary" not in bobs
    assert 'href="/promises/"' in bobs
    alices = timeline(alice_client.get("/").text)
    assert "You made a promise" in alices


def test_the_timeline_shows_a_partners_private_activity_to_nobody_else(
    space, alice, bob, bob_client
):
    Activity.objects.create(
        space=space, author=alice, verb="moments.shared", visibility=Visibility.PRIVATE
    )
    Activity.objects.create(
        space=space,
        author=alice,
        verb="conflict.view_stopped",
        visibility=Visibility.SHARED,
    )
    Activity.objects.create(
        space=space, author=alice, verb="repair.opened", visibility=Visibility.SHARED
    )
    bobs = timeline(bob_client.get("/").text)
    assert "Alice" not in bobs
    assert "What the two of you do in Troth shows up here" in bobs


def test_the_timeline_is_newest_first_and_short(space, alice, bob, bob_client):
    now = timezone.now()
    for n in range(15):
        Activity.objects.create(
            space=space,
            author=alice,
            verb="status.sent",
            visibility=Visibility.SHARED,
            created=now - dt.timedelta(hours=n + 2),
        )
    Activity.objects.create(
        space=space,
        author=alice,
        verb="moments.noticed",
        visibility=Visibility.SHARED,
        created=now - dt.timedelta(minutes=5),
    )
    bobs = timeline(bob_client.get("/").text)
    # Today keeps lately short: the newest few (the activity lives on each page).
    assert bobs.count("<li>") == SHOWN
    assert bobs.index("noticed something you did") < bobs.index("sent a status")


def test_the_audit_card_asks_for_a_day_then_shows_the_next_one(
    space, alice, alice_client
):
    assert "Choose your audit day" in alice_client.get("/").text
    services.audit_day_set(space=space, by=alice, day=28)
    page = alice_client.get("/").text
    assert 'data-testid="audit-card-next"' in page


def test_an_audit_waiting_for_me_comes_near_the_top(space, alice, bob, bob_client):
    audit = services.audit_start(space=space, by=alice)
    write(audit, alice)
    services.audit_sign_off(audit=audit, by=alice)
    page = bob_client.get("/").text
    assert "Alice has signed off the audit and is waiting for your part." in page
    # Ordered before the calendar and closeness cards (order 15 < 20).
    assert page.index('data-testid="card-audit"') < page.index(
        'data-testid="card-activity"'
    )
    assert page.index('data-testid="card-audit"') < page.index(
        'data-testid="card-space"'
    )


def _lots(space, alice, bob, n: int, offset: int = 0) -> None:
    now = timezone.now()
    today = now.date()
    promises = []
    for i in range(n):
        p = Promise(
            space=space,
            author=alice if i % 2 else bob,
            promisee=bob if i % 2 else alice,
            state=State.DONE if i % 3 else State.OPEN,
            created=now,
        )
        p.set_terms(
            text="x", due_date=today + dt.timedelta(days=i % 3), due_time=None, tz="UTC"
        )
        promises.append(p)
    Promise.objects.bulk_create(promises)
    Moment.objects.bulk_create(
        Moment(
            space=space,
            author=alice,
            about="partner",
            subject=bob,
            kind="listened",
            occurred_on=today - dt.timedelta(days=i % 10),
            visibility=Visibility.SHARED,
        )
        for i in range(n)
    )
    Activity.objects.bulk_create(
        Activity(
            space=space,
            author=alice if i % 2 else bob,
            verb="promise.made",
            visibility=Visibility.SHARED,
            created=now - dt.timedelta(minutes=i),
        )
        for i in range(n)
    )
    Pulse.objects.bulk_create(
        Pulse(
            space=space,
            author=bob,
            day=today - dt.timedelta(days=offset + i + 1),
            faith=5,
            visibility=Visibility.SHARED,
        )
        for i in range(min(n, 900 - offset))
    )


def test_the_dashboard_uses_the_same_number_of_queries_for_10_and_1000_items(
    space, alice, bob, bob_client
):
    services.audit_day_set(space=space, by=alice, day=28)
    _lots(space, alice, bob, 10)
    latest = _history(space, alice, bob, 3, 10)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert bob_client.get("/").status_code == 200
        return len(captured)

    count()
    few = count()
    _lots(space, alice, bob, 990, offset=10)
    Commitment.objects.bulk_create(
        Commitment(
            space=space,
            author=alice,
            audit=latest,
            text="x",
            due_date=dt.date(2030, 1, 1),
        )
        for _n in range(990)
    )
    assert Activity.objects.count() > 1000
    assert count() == few
