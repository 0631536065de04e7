"""The timeline after years of moments: a page weighs the same, is read
without counting every moment, and Older reaches every moment once."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.lib.content import Visibility
from troth.moments.models import Moment
from troth.moments.views import TIMELINE_PAGE

pytestmark = pytest.mark.django_db


def moments(space, alice, n: int) -> None:
    """`n` more shared moments, one a day back from today."""
    today = timezone.now().date()
    Moment.objects.bulk_create(
        Moment(
            space=space,
            author=alice,
            about="self",
            subject=alice,
            kind="listened",
            note="A quiet evening.",
            occurred_on=today - dt.timedelta(days=i),
            visibility=Visibility.SHARED,
        )
        for i in range(n)
    )


def measure(client, url: str) -> tuple[int, list[str]]:
    client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), [q["sql"] for q in queries]


@pytest.mark.parametrize("url", ["/moments/", "/moments/?page=2"])
def test_a_page_weighs_the_same_with_ten_times_the_history(alice, space, url):
    client = client_for(alice)
    moments(space, alice, 3 * TIMELINE_PAGE)
    small_size, small_queries = measure(client, url)
    moments(space, alice, 27 * TIMELINE_PAGE)
    large_size, large_queries = measure(client, url)
    assert len(large_queries) == len(small_queries)
    assert large_size <= 1.5 * small_size
    assert not [
        q for q in large_queries if 'COUNT(*) AS "__count" FROM "moments_moment"' in q
    ]


def test_older_reaches_every_moment_once_and_stops(alice, space):
    moments(space, alice, 2 * TIMELINE_PAGE + 3)
    client = client_for(alice)
    seen: list[str] = []
    url = "/moments/"
    pages = 0
    while url:
        html = client.get(url).content.decode()
        seen += re.findall(r'data-testid="moment-(\d+)"', html)
        pages += 1
        older = re.search(r'<a href="(\?page=\d+)">Older</a>', html)
        url = "/moments/" + older.group(1) if older else ""
    assert pages == 3
    assert sorted(map(int, seen)) == sorted(Moment.objects.values_list("pk", flat=True))
    assert ">Newer</a>" in html


def test_a_page_past_the_end_shows_the_last(alice, space):
    moments(space, alice, TIMELINE_PAGE + 1)
    html = client_for(alice).get("/moments/?page=9").content.decode()
    assert html.count('data-testid="moment-') == 1
    assert ">Newer</a>" in html and ">Older</a>" not in html
