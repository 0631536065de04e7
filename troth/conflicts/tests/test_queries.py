"""List pages and the dashboard card run the same number of queries with
10 and with 1,000 conflicts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.conflicts.models import Conflict, ConflictView
from troth.lib.content import Visibility

pytestmark = pytest.mark.django_db

URLS = ["/conflicts/", "/conflicts/?show=mine", "/conflicts/?show=waiting", "/"]


def make(space, alice, bob, count: int, start: int = 0) -> None:
    now = timezone.now()
    conflicts = Conflict.objects.bulk_create(
        [
            Conflict(
                space=space,
                author=alice if i % 3 else bob,
                topic=f"Topic {i}",
                occurred_at=now - timedelta(hours=i + 1),
                visibility=Visibility.SHARED,
            )
            for i in range(start, start + count)
        ]
    )
    views = []
    for conflict in conflicts:
        views.append(
            ConflictView(
                space=space,
                author=conflict.author,
                conflict=conflict,
                visibility=Visibility.SHARED,
                intensity=2,
                opening="gentle",
                repaired="yes",
                repair_minutes=60,
                note="n",
            )
        )
        if conflict.pk % 2:
            other = bob if conflict.author == alice else alice
            views.append(
                ConflictView(
                    space=space,
                    author=other,
                    conflict=conflict,
                    visibility=Visibility.SHARED,
                    intensity=3,
                    opening="partner",
                    repaired="yes",
                    repair_minutes=180,
                )
            )
    ConflictView.objects.bulk_create(views)


def counts(client) -> list[int]:
    result = []
    for url in URLS:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        result.append(len(captured))
    return result


def test_list_pages_use_constant_queries(alice, bob, space):
    client = client_for(alice)
    make(space, alice, bob, 10)
    counts(client)  # warm the per-process caches (content types, sessions)
    few = counts(client)
    make(space, alice, bob, 990, start=10)
    assert Conflict.objects.count() == 1000
    assert counts(client) == few
