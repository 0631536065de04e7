"""The insights page's queries: a fixed, small number, whatever the
couple's history (issue 14: at most 20 on every page but Today)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.scale import build_history
from troth.demo import demo_create

pytestmark = pytest.mark.django_db

MAX_QUERIES = 20
URLS = ("/insights/", "/insights/?months=12")


def _queries(client: Client) -> list[int]:
    counts = []
    for url in URLS:
        client.get(url)  # the session and the clock warmed
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    return counts


def test_it_runs_at_most_20_queries_with_or_without_years_of_history():
    demo = demo_create(timezone.now())
    client = Client()
    client.force_login(demo.alex)
    recent = _queries(client)
    # Every section has something to show: a chart, not the waiting line.
    page = client.get("/insights/?months=12").content.decode()
    for key in ("pulse-table", "promises-table", "rituals-table", "mc-table"):
        assert f'data-testid="{key}"' in page
    build_history(demo, 2)
    assert _queries(client) == recent
    assert max(recent) <= MAX_QUERIES
