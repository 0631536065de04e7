"""A goal's page reads whether its calendar event may be opened together
with the goal: a linked adventure costs no query more than a plain goal."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import client_for
from troth.goals.models import Goal
from troth.goals.tests.helpers import adventure, in_days

pytestmark = pytest.mark.django_db


def page_queries(client, goal: Goal) -> tuple[int, str]:
    client.get(f"/goals/{goal.pk}/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/goals/{goal.pk}/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_linked_event_costs_no_query(alice, bob, space):
    dated = adventure(space, alice, target_date=in_days(4))
    undated = adventure(space, alice, target_date=None)
    assert dated.event_id and not undated.event_id
    client = client_for(bob)
    with_event, page = page_queries(client, dated)
    without_event, _ = page_queries(client, undated)
    assert 'data-testid="adventure-event"' in page
    assert with_event == without_event
