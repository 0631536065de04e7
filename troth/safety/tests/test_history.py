"""What I share stays the same size after years of sharing: each feature
shows its count and first few, and a page per feature reaches the rest."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.conflicts.models import Conflict, ConflictView
from troth.lib.content import Visibility
from troth.moments.models import Moment
from troth.safety.services import PAGE_SIZE, PREVIEW
from troth.schedule.models import Event, EventVisibility
from troth.selfmap.tests.test_queries import fill

pytestmark = pytest.mark.django_db


def share_history(space, alice, bob, n: int) -> None:
    """`n` more of what alice shares in each of four features."""
    now = timezone.now()
    Moment.objects.bulk_create(
        Moment(
            space=space,
            author=alice,
            about="self",
            subject=alice,
            kind="listened",
            note="A quiet evening.",
            occurred_on=now.date() - dt.timedelta(days=i),
            visibility=Visibility.SHARED,
        )
        for i in range(n)
    )
    Event.objects.bulk_create(
        Event(
            space=space,
            author=alice,
            visibility=EventVisibility.SHARED,
            title=f"Dinner {i}",
            start=now - dt.timedelta(days=i),
            end=now - dt.timedelta(days=i) + dt.timedelta(hours=2),
            time_zone="UTC",
        )
        for i in range(n)
    )
    conflicts = Conflict.objects.bulk_create(
        Conflict(
            space=space,
            author=alice,
            topic=f"The budget {i}",
            occurred_at=now - dt.timedelta(days=i),
            visibility=Visibility.SHARED,
        )
        for i in range(n)
    )
    ConflictView.objects.bulk_create(
        ConflictView(
            space=space,
            author=alice,
            conflict=c,
            visibility=Visibility.SHARED,
            intensity=3,
            opening="gentle",
            repaired="yes",
        )
        for c in conflicts
    )
    fill(space, alice, bob, 2 * n)  # half of them shared


def measure(client, url: str) -> tuple[int, int]:
    client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), len(queries)


def keys_on(html: str) -> list[str]:
    return re.findall(r'name="key" value="([^"]+)"', html)


def test_the_page_weighs_the_same_with_ten_times_the_history(alice, bob, space):
    client = client_for(alice)
    share_history(space, alice, bob, 20)
    small_size, small_queries = measure(client, "/safety/")
    share_history(space, alice, bob, 180)
    large_size, large_queries = measure(client, "/safety/")
    assert large_queries == small_queries
    assert large_size <= 1.5 * small_size


def test_each_feature_shows_its_count_its_first_few_and_a_way_to_the_rest(
    alice, bob, space
):
    share_history(space, alice, bob, 30)
    html = client_for(alice).get("/safety/").content.decode()
    assert "You share 120 things" in html  # 30 in each of four features
    assert html.count('data-testid="shared-item"') == 4 * PREVIEW
    assert "30 things shared" in html
    assert 'href="/safety/shared/moments/"' in html
    assert "See all 30 in Moments" in html
    assert "Stop sharing all 120" in html


def test_paging_reaches_every_shared_item_once(alice, bob, space):
    share_history(space, alice, bob, PAGE_SIZE + 3)
    client = client_for(alice)
    for app, kind in (("moments", "moment"), ("schedule", "event")):
        first = client.get(f"/safety/shared/{app}/").content.decode()
        second = client.get(f"/safety/shared/{app}/?page=2").content.decode()
        seen = keys_on(first) + keys_on(second)
        model = Moment if kind == "moment" else Event
        shared = model.objects.filter(author=alice, visibility=Visibility.SHARED)
        assert sorted(seen) == sorted(
            f"{kind}:{pk}" for pk in shared.values_list("pk", flat=True)
        )
        assert len(keys_on(first)) == PAGE_SIZE
        assert "Page 1 of 2" in first


def test_a_feature_page_weighs_the_same_with_ten_times_the_history(alice, bob, space):
    client = client_for(alice)
    share_history(space, alice, bob, PAGE_SIZE + 5)
    small = measure(client, "/safety/shared/conflicts/")
    share_history(space, alice, bob, 10 * PAGE_SIZE)
    large = measure(client, "/safety/shared/conflicts/")
    assert large[1] == small[1]
    assert large[0] <= 1.5 * small[0]


def test_stopping_on_a_feature_page_returns_to_that_page(alice, bob, space):
    share_history(space, alice, bob, PAGE_SIZE + 3)
    client = client_for(alice)
    page = client.get("/safety/shared/moments/?page=2").content.decode()
    key = keys_on(page)[0]
    response = client.post(
        "/safety/stop",
        {"app": "moments", "key": key, "next": "/safety/shared/moments/?page=2"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/safety/shared/moments/?page=2"
    moment = Moment.objects.get(pk=int(key.partition(":")[2]))
    assert moment.visibility == Visibility.PRIVATE
    assert not moment.is_visible_to(bob)


def test_a_feature_page_shows_only_my_own_sharing(alice, bob, space):
    share_history(space, bob, alice, 3)
    html = client_for(alice).get("/safety/shared/moments/").content.decode()
    assert keys_on(html) == []
    assert 'data-testid="nothing-shared"' in html


def test_an_unknown_feature_is_not_found_and_a_stranger_is_sent_to_sign_in(
    alice, space, client
):
    assert client_for(alice).get("/safety/shared/nowhere/").status_code == 404
    assert client.get("/safety/shared/moments/").status_code == 302
