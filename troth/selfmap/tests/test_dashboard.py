"""The self-map nudge on the dashboard."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from troth.selfmap import dashboard, services
from troth.selfmap.models import Entry
from troth.spaces.models import Membership

pytestmark = pytest.mark.django_db


def card_html(rf, user) -> tuple[str, int]:
    request = rf.get("/")
    request.user = user
    membership = Membership.objects.select_related("space").get(user=user)
    with CaptureQueriesContext(connection) as queries:
        cards = dashboard.cards(request, membership)
    html = "".join(
        render_to_string(card["template"], {"card": card}, request) for card in cards
    )
    return html, len(queries)


def test_a_blank_map_gets_a_question_to_start_from(rf, alice, space):
    html, _n = card_html(rf, alice)
    assert "Start your map" in html
    assert "/self/new?prompt=" in html


def test_it_tells_of_what_the_partner_shared_lately_and_nothing_private(
    rf, alice, bob, space
):
    services.entry_create(
        space=space, author=alice, kind="need", title="Walks", text="x", share=True
    )
    services.entry_create(
        space=space, author=alice, kind="need", title="HIDDEN-need", text="x"
    )
    html, _n = card_html(rf, bob)
    assert "Your partner shared or changed an entry lately." in html
    assert "HIDDEN" not in html
    own, _n = card_html(rf, alice)
    assert "You have 2 entries, 1 shared." in own


def test_its_query_count_does_not_grow(rf, alice, bob, space):
    _html, first = card_html(rf, bob)
    Entry.objects.bulk_create(
        Entry(
            space=space,
            author=alice,
            kind="value",
            title="t",
            text="x",
            visibility="shared",
        )
        for _n in range(300)
    )
    _html, later = card_html(rf, bob)
    assert first == later
