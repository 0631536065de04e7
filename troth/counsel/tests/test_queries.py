"""The window's pages cost the same number of queries with one of
everything and with a long history: past windows, notes, suggestions and
an access log of months."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import client_for
from troth.counsel import services
from troth.counsel.models import Access, Note, Suggestion
from troth.counsel.tests.helpers import counsellor, opened
from troth.exercises.library import EXERCISES

pytestmark = pytest.mark.django_db

# Pinned: a change that adds a query per row, or one more per page, shows.
# The notes and suggestions are a page each: a count and the rows.
PAGES = {"index": 7, "detail": 11, "log": 6, "home": 10}


def _history(alice, bob, space, *, past: int, rows: int):
    """`past` closed windows, then an open one held by kim with `rows`
    notes, suggestions and days of access to two areas."""
    kim = counsellor()
    for _ in range(past):
        services.window_close(window=opened(space, alice, bob), by=alice)
    window = opened(space, alice, bob, held_by=kim)
    Note.objects.bulk_create(
        Note(window=window, author=kim, text=f"Note {n}") for n in range(rows)
    )
    Suggestion.objects.bulk_create(
        Suggestion(window=window, author=kim, exercise=EXERCISES[n % 5].slug)
        for n in range(rows)
    )
    Access.objects.bulk_create(
        Access(window=window, area=area, day=dt.date(2026, 1, 1) + dt.timedelta(n))
        for n in range(rows)
        for area in ("agreements", "promises")
    )
    return window, kim


def _counts(alice, kim, window) -> dict[str, int]:
    paths = {
        "index": (alice, "/counsel/"),
        "detail": (alice, f"/counsel/{window.pk}/"),
        "log": (alice, f"/counsel/{window.pk}/log?page=2"),
        "home": (kim, f"/counsel/w/{window.pk}/"),
    }
    counts = {}
    for name, (person, path) in paths.items():
        client = client_for(person)
        client.get(path)  # the session's first request does its own upkeep
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_the_pages_cost_the_same_with_little_and_with_much(alice, bob, space):
    window, kim = _history(alice, bob, space, past=1, rows=1)
    few = _counts(alice, kim, window)
    assert few == PAGES


def test_a_long_history_costs_no_more(alice, bob, space):
    window, kim = _history(alice, bob, space, past=25, rows=60)
    assert _counts(alice, kim, window) == PAGES


def _clients_queries(kim) -> tuple[int, str]:
    client = client_for(kim)
    client.get("/counsel/clients/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/counsel/clients/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_counsellor_of_many_couples_costs_no_more(alice, bob, space):
    """The clients page reads every couple's partners in one query, however
    many couples the counsellor holds a window for."""
    from conftest import make_space, make_user

    kim = counsellor()
    opened(space, alice, bob, held_by=kim)
    one, _ = _clients_queries(kim)
    for n in range(5):
        a, b = make_user(f"client-a{n}"), make_user(f"client-b{n}")
        opened(make_space(a, b), a, b, held_by=kim)
    many, page = _clients_queries(kim)
    assert many == one
    assert page.count('href="/counsel/w/') == 6
