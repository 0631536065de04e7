"""The promise lists after years of promises: a page weighs the same, the
"Needs me" count is read once for its badge and its list, and paging
reaches every promise."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.lib.content import Visibility
from troth.promises.models import Promise, State
from troth.promises.views import PAGE_SIZE

pytestmark = pytest.mark.django_db


def promises(space, by, to, n: int, state: str) -> None:
    """`n` more promises from `by` to `to`, one a day back from today."""
    today = timezone.now().date()
    rows = []
    for i in range(n):
        p = Promise(
            space=space,
            author=by,
            promisee=to,
            visibility=Visibility.SHARED,
            state=state,
        )
        p.set_terms(
            text=f"Take the recycling down {i}",
            due_date=today - dt.timedelta(days=i + 1),
            due_time=None,
            tz="UTC",
        )
        rows.append(p)
    Promise.objects.bulk_create(rows)


def history(space, alice, bob, n: int) -> None:
    """What years leave: mostly settled, a few waiting for alice."""
    promises(space, alice, bob, n, State.KEPT)
    promises(space, bob, alice, n, State.KEPT)
    promises(space, bob, alice, max(n // 10, 1), State.DONE)


def measure(client, url: str) -> tuple[int, list[str]]:
    client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), [q["sql"] for q in queries]


def counts_of_promises(queries: list[str]) -> int:
    return sum(1 for sql in queries if "COUNT(" in sql and '"promises_promise"' in sql)


@pytest.mark.parametrize("url", ["/promises/", "/promises/?show=history"])
def test_a_list_weighs_the_same_with_ten_times_the_history(alice, bob, space, url):
    client = client_for(alice)
    history(space, alice, bob, 3 * PAGE_SIZE)
    small_size, small_queries = measure(client, url)
    history(space, alice, bob, 27 * PAGE_SIZE)
    large_size, large_queries = measure(client, url)
    assert len(large_queries) == len(small_queries)
    assert large_size <= 1.5 * small_size


def test_the_needs_me_count_is_read_once_for_the_badge_and_the_list(alice, bob, space):
    history(space, alice, bob, 10 * PAGE_SIZE)
    html = client_for(alice).get("/promises/").content.decode()
    _, queries = measure(client_for(alice), "/promises/")
    assert counts_of_promises(queries) == 1
    assert '<span class="badge">20</span>' in html  # 10 * PAGE_SIZE // 10
    _, queries = measure(client_for(alice), "/promises/?show=history")
    assert counts_of_promises(queries) == 2  # the badge's, the list's


def test_paging_reaches_every_promise_that_needs_me(alice, bob, space):
    promises(space, bob, alice, 2 * PAGE_SIZE + 3, State.DONE)
    client = client_for(alice)
    seen: list[str] = []
    for number in (1, 2, 3):
        html = client.get(f"/promises/?page={number}").content.decode()
        assert f"Page {number} of 3" in html
        seen += re.findall(r'href="/promises/(\d+)/"', html)
    assert sorted(map(int, seen)) == sorted(
        Promise.objects.filter(state=State.DONE).values_list("pk", flat=True)
    )
