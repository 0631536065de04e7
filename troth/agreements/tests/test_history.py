"""The agreements list after years of agreements: what is in force first,
what ended a page at a time, and the first page weighs the same."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.agreements.models import Agreement, Status
from troth.agreements.tests.factories import active, proposed
from troth.agreements.views import PAGE_SIZE
from troth.lib.content import Visibility

pytestmark = pytest.mark.django_db


def ended(space, alice, n: int) -> None:
    """`n` more agreements that ended, as years of them leave the table."""
    Agreement.objects.bulk_create(
        Agreement(
            space=space,
            author=alice,
            visibility=Visibility.SHARED,
            title=f"Our phones {i}",
            status=Status.ENDED,
            version=1,
            ended_at=timezone.now(),
        )
        for i in range(n)
    )


def measure(client, url: str) -> tuple[int, int]:
    client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), len(queries)


def linked(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'href="/agreements/(\d+)/"', html)]


def test_the_list_weighs_the_same_with_ten_times_the_history(alice, bob, space):
    client = client_for(alice)
    active(space, alice, bob)
    ended(space, alice, PAGE_SIZE + 5)
    small_size, small_queries = measure(client, "/agreements/")
    ended(space, alice, 9 * (PAGE_SIZE + 5))
    large_size, large_queries = measure(client, "/agreements/")
    assert large_queries == small_queries
    assert large_size <= 1.5 * small_size


def test_what_is_in_force_comes_first_and_paging_reaches_every_agreement(
    alice, bob, space
):
    client = client_for(alice)
    ended(space, alice, 2 * PAGE_SIZE + 3)
    in_force = active(space, alice, bob)
    waiting = proposed(space, bob, title="Our evenings")
    first = client.get("/agreements/").content.decode()
    assert linked(first)[:2] == [in_force.pk, waiting.pk]
    assert 'data-testid="waiting-for-you"' in first
    assert 'href="?page=2"' in first
    seen = linked(first)
    for number in (2, 3):
        later = client.get(f"/agreements/?page={number}").content.decode()
        assert f'data-testid="agreements-{Status.ACTIVE}"' not in later
        assert f'data-testid="agreements-{Status.ENDED}"' in later
        seen += linked(later)
    assert sorted(seen) == sorted(Agreement.objects.values_list("pk", flat=True))
