"""The dialogue list after years of dialogues: what is in progress first,
what ended a page at a time, and the first page weighs the same."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import client_for
from troth.dialogue.models import Dialogue, Mode, Status
from troth.dialogue.tests.factories import started
from troth.dialogue.views import PAGE_SIZE
from troth.lib.content import Visibility

pytestmark = pytest.mark.django_db


def ended(space, alice, bob, n: int) -> None:
    """`n` more dialogues that ended, as years of them leave the table."""
    Dialogue.objects.bulk_create(
        Dialogue(
            space=space,
            author=alice,
            visibility=Visibility.SHARED,
            mode=Mode.TOGETHER,
            topic=f"Weekends {i}",
            first_sender=alice,
            first_receiver=bob,
            status=Status.STOPPED if i % 3 else Status.FINISHED,
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
    return [int(pk) for pk in re.findall(r'href="/dialogue/(\d+)/"', html)]


def test_the_list_weighs_the_same_with_ten_times_the_history(alice, bob, space):
    client = client_for(alice)
    started(space, alice)
    ended(space, alice, bob, PAGE_SIZE + 5)
    small_size, small_queries = measure(client, "/dialogue/")
    ended(space, alice, bob, 9 * (PAGE_SIZE + 5))
    large_size, large_queries = measure(client, "/dialogue/")
    assert large_queries == small_queries
    assert large_size <= 1.5 * small_size


def test_what_is_in_progress_comes_first_and_paging_reaches_every_dialogue(
    alice, bob, space
):
    client = client_for(alice)
    ended(space, alice, bob, 2 * PAGE_SIZE + 3)
    ongoing = started(space, bob)
    first = client.get("/dialogue/").content.decode()
    assert 'data-testid="ongoing-dialogues"' in first
    assert linked(first)[0] == ongoing.pk
    assert 'href="?page=2"' in first
    seen = linked(first)
    for number in (2, 3):
        later = client.get(f"/dialogue/?page={number}").content.decode()
        assert 'data-testid="ongoing-dialogues"' not in later
        seen += linked(later)
    assert sorted(seen) == sorted(Dialogue.objects.values_list("pk", flat=True))
