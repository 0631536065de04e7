"""Know your partner weighs the same after years of sharing: each kind
shows its count and latest few; a kind's own page reaches the rest."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import client_for
from troth.selfmap.models import Entry
from troth.selfmap.tests.test_queries import fill
from troth.selfmap.views import PARTNER_PAGE, PARTNER_PREVIEW

pytestmark = pytest.mark.django_db


def measure(client, url: str) -> tuple[int, int]:
    client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), len(queries)


def entries_on(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-testid="partner-entry-(\d+)"', html)]


@pytest.mark.parametrize("url", ["/self/partner/", "/self/partner/?kind=need"])
def test_the_page_weighs_the_same_with_ten_times_the_entries(alice, bob, space, url):
    client = client_for(bob)
    fill(space, alice, bob, 2 * 4 * PARTNER_PAGE)  # a page of each kind shared
    small = measure(client, url)
    fill(space, alice, bob, 2 * 4 * 9 * PARTNER_PAGE)
    large = measure(client, url)
    assert large[1] == small[1]
    assert large[0] <= 1.5 * small[0]


def test_each_kind_shows_its_count_and_latest_few(alice, bob, space):
    fill(space, alice, bob, 80)  # 40 shared: 20 triggers, 20 needs
    html = client_for(bob).get("/self/partner/").content.decode()
    assert len(entries_on(html)) == 2 * PARTNER_PREVIEW
    assert html.count("20 shared") == 2
    assert 'href="/self/partner/?kind=need"' in html
    assert "See all 20 needs" in html
    latest = Entry.objects.filter(author=alice, kind="need", visibility="shared")
    newest = list(latest.order_by("-shown_at", "-id").values_list("pk", flat=True))
    assert [pk for pk in entries_on(html) if pk in newest] == newest[:PARTNER_PREVIEW]


def test_a_kinds_pages_reach_every_entry_once(alice, bob, space):
    fill(space, alice, bob, 2 * 2 * (PARTNER_PAGE + 2))  # PARTNER_PAGE + 2 needs
    client = client_for(bob)
    first = client.get("/self/partner/?kind=need").content.decode()
    second = client.get("/self/partner/?kind=need&page=2").content.decode()
    assert "Page 1 of 2" in first
    seen = entries_on(first) + entries_on(second)
    shared = Entry.objects.filter(author=alice, kind="need", visibility="shared")
    assert sorted(seen) == sorted(shared.values_list("pk", flat=True))
    assert len(entries_on(first)) == PARTNER_PAGE


def test_nothing_private_shows_on_any_page(alice, bob, space):
    fill(space, alice, bob, 40)
    client = client_for(bob)
    private = set(
        Entry.objects.filter(author=alice, visibility="private").values_list(
            "pk", flat=True
        )
    )
    for url in [
        "/self/partner/",
        "/self/partner/?kind=need",
        "/self/partner/?kind=boundary",
    ]:
        assert not private & set(entries_on(client.get(url).content.decode()))
