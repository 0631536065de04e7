"""My self map weighs the same however much I have written: each kind
shows its latest few and its count; a kind's tab pages through them all."""

from __future__ import annotations

import re

import pytest

from conftest import client_for
from troth.selfmap.models import Entry
from troth.selfmap.tests.test_partner_history import measure
from troth.selfmap.tests.test_queries import fill
from troth.selfmap.views import SELF_PAGE, SELF_PREVIEW

pytestmark = pytest.mark.django_db


def entries_on(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-testid="entry-(\d+)"', html)]


@pytest.mark.parametrize("url", ["/self/", "/self/?kind=need"])
def test_the_page_weighs_the_same_with_ten_times_the_entries(alice, bob, space, url):
    client = client_for(alice)
    fill(space, alice, bob, 4 * SELF_PAGE)  # a page of each kind
    small = measure(client, url)
    fill(space, alice, bob, 4 * 9 * SELF_PAGE)
    large = measure(client, url)
    assert large[1] == small[1]
    assert large[0] <= 1.5 * small[0]


def test_each_kind_shows_its_latest_few_and_the_counts_stay_whole(alice, bob, space):
    fill(space, alice, bob, 40)  # 10 of each kind, half of them shared
    html = client_for(alice).get("/self/").content.decode()
    assert len(entries_on(html)) == 4 * SELF_PREVIEW
    assert "40 entries, 20 shared." in html
    assert "See all 10 needs" in html
    assert 'href="/self/?kind=need"' in html
    needs = Entry.objects.filter(author=alice, kind="need").order_by("-updated", "-id")
    latest = list(needs.values_list("pk", flat=True))[:SELF_PREVIEW]
    assert [pk for pk in entries_on(html) if pk in latest] == latest


def test_a_kinds_tab_reaches_every_entry_once(alice, bob, space):
    fill(space, alice, bob, 4 * (SELF_PAGE + 3))
    client = client_for(alice)
    first = client.get("/self/?kind=value").content.decode()
    second = client.get("/self/?kind=value&page=2").content.decode()
    assert "Page 1 of 2" in first
    seen = entries_on(first) + entries_on(second)
    values = Entry.objects.filter(author=alice, kind="value")
    assert sorted(seen) == sorted(values.values_list("pk", flat=True))


def test_my_partners_entries_never_show_on_my_map(alice, bob, space):
    fill(space, bob, alice, 40)
    html = client_for(alice).get("/self/").content.decode()
    assert entries_on(html) == []
