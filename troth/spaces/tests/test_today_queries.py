"""Today's queries: the same few for a couple with something on every card
as for the same couple three years on (issue 14), and no more for a couple
with nothing yet."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.scale import build_history
from troth.demo import demo_create

pytestmark = pytest.mark.django_db

# The shell (session, person, space, unread count), the partner, the facts
# every card asks in a word, and one query per kind of row Today shows
# (the latest activity, promises, the partner's status, the calendar's
# events, their changed dates and ritual answers, today's question,
# moments, agreements, a dialogue, a goal's step, exercises).
MAX_QUERIES = 18


def queries(client: Client) -> int:
    client.get("/")  # the session and the clock warmed
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured)


def test_it_runs_the_same_queries_with_years_of_history():
    demo = demo_create(timezone.now())
    alex = Client()
    alex.force_login(demo.alex)
    sam = Client()
    sam.force_login(demo.sam)
    recent = queries(alex), queries(sam)
    build_history(demo, 1)
    assert (queries(alex), queries(sam)) == recent
    assert max(recent) <= MAX_QUERIES


def test_a_couple_with_nothing_yet_costs_no_more(space, alice_client):
    assert queries(alice_client) <= 15
