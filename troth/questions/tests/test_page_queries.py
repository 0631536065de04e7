"""The questions page reads the partners once: the round of the day is the
space's own, so its card asks nothing about them again."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_partners_are_read_once(space, alice, bob):
    client = client_for(alice)
    assert client.get("/questions/").status_code == 200  # makes today's round
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/questions/")
    assert response.status_code == 200
    assert response.context["today"] is not None
    memberships = [
        q for q in queries if q["sql"].startswith('SELECT "spaces_membership"')
    ]
    # The person's own space with its partners, read once for every page.
    assert len(memberships) == 1, [q["sql"][:120] for q in memberships]
    assert len(queries) <= 9
