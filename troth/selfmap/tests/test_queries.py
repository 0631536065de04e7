"""The self map and "Know your partner" run the same number of queries with
10 entries as with 1,000."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.selfmap.models import Entry, EntryVersion, Response

pytestmark = pytest.mark.django_db

KINDS = ["boundary", "trigger", "value", "need"]


def fill(space, author, partner, count: int) -> None:
    now = timezone.now()
    entries = Entry.objects.bulk_create(
        Entry(
            space=space,
            author=author,
            kind=KINDS[n % 4],
            title=f"Entry {n}",
            text="Some words",
            visibility="shared" if n % 2 else "private",
            shown_at=now if n % 2 else None,
        )
        for n in range(count)
    )
    EntryVersion.objects.bulk_create(
        EntryVersion(
            entry=e,
            number=v,
            title=e.title,
            text="Some words",
            shown_at=now if e.visibility == "shared" else None,
        )
        for e in entries
        for v in (1, 2)
    )
    Response.objects.bulk_create(
        Response(
            space=space,
            author=partner,
            entry=e,
            kind="thanks",
            version_number=2,
            visibility="shared",
        )
        for e in entries
        if e.visibility == "shared"
    )


def count_queries(client, url) -> int:
    client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/self/", "/self/?kind=need", "/self/partner/"])
def test_query_count_does_not_grow_with_entries(alice, bob, space, url):
    fill(space, alice, bob, 10)
    fill(space, bob, alice, 10)
    small = {who.email: count_queries(client_for(who), url) for who in (alice, bob)}
    fill(space, alice, bob, 990)
    fill(space, bob, alice, 990)
    large = {who.email: count_queries(client_for(who), url) for who in (alice, bob)}
    assert small == large
