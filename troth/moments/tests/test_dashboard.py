"""Moments on the dashboard: the partner's recent moments to acknowledge."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from troth.moments import dashboard, services
from troth.spaces.models import Membership

pytestmark = pytest.mark.django_db


def card_html(rf, user) -> tuple[str, int]:
    request = rf.get("/")
    request.user = user
    membership = Membership.objects.select_related("space").get(user=user)
    with CaptureQueriesContext(connection) as queries:
        cards = dashboard.cards(request, membership)
    html = "".join(render_to_string(c["template"], {"card": c}, request) for c in cards)
    return html, len(queries)


def test_it_lists_moments_waiting_to_be_acknowledged(rf, alice, bob, space):
    moment = services.moment_create(
        space=space, by=alice, about="partner", kind="repaired"
    )
    services.moment_create(
        space=space, by=alice, about="self", kind="showed_up", note="HIDE"
    )
    html, _n = card_html(rf, bob)
    assert "to acknowledge" not in html  # one: the moment itself says it
    assert "Alice noticed: repaired after a disagreement" in html
    assert "HIDE" not in html
    services.moment_acknowledge(moment=moment, by=bob, ack="thanks")
    html, _n = card_html(rf, bob)
    assert "waiting" not in html and "Note a moment" in html


def test_its_query_count_does_not_grow(rf, alice, bob, space):
    services.moment_create(space=space, by=alice, about="partner", kind="repaired")
    _html, one = card_html(rf, bob)
    for _n in range(12):
        services.moment_create(space=space, by=alice, about="partner", kind="listened")
    html, many = card_html(rf, bob)
    assert "13 to acknowledge" in html
    assert one == many  # the count is one of Today's facts, whatever it is
    for _n in range(30):
        services.moment_create(space=space, by=alice, about="partner", kind="listened")
    _html, more = card_html(rf, bob)
    assert more == many
