"""The timeline, the week and the bid log run the same number of queries
with 10 moments as with 1,000."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.moments.models import Bid, Moment

pytestmark = pytest.mark.django_db

KINDS = ["listened", "showed_up", "repaired", "kept_word"]


def fill(space, alice, bob, count: int) -> None:
    today = timezone.now().date()
    Moment.objects.bulk_create(
        Moment(
            space=space,
            author=alice if n % 2 else bob,
            about="partner" if n % 3 else "self",
            subject=(bob if n % 2 else alice) if n % 3 else (alice if n % 2 else bob),
            kind=KINDS[n % 4],
            note=f"note {n}",
            occurred_on=today - dt.timedelta(days=n % 20),
            visibility="shared" if n % 3 or n % 2 else "private",
            acknowledged_at=timezone.now() if n % 5 == 0 else None,
            ack="seen" if n % 5 == 0 else "",
        )
        for n in range(count)
    )
    Bid.objects.bulk_create(
        Bid(space=space, author=alice, response="toward", occurred_at=timezone.now())
        for _n in range(count)
    )


def count_queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/moments/",
        "/moments/?show=noticed-me",
        "/moments/?page=2",
        "/moments/week/",
        "/moments/bids/",
    ],
)
def test_query_count_does_not_grow_with_moments(alice, bob, space, url):
    fill(space, alice, bob, 40)
    small = count_queries(client_for(alice), url)
    fill(space, alice, bob, 960)
    large = count_queries(client_for(alice), url)
    assert small == large
