"""Today's question on the dashboard: who has answered, never what."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from troth.questions import dashboard, services
from troth.questions.models import Answer, Round
from troth.spaces.models import Membership

pytestmark = pytest.mark.django_db


def card_html(rf, user) -> tuple[str, int]:
    request = rf.get("/")
    request.user = user
    membership = Membership.objects.select_related("space").get(user=user)
    with CaptureQueriesContext(connection) as queries:
        cards = dashboard.cards(request, membership)
    html = "".join(
        render_to_string(
            card["template"], {"card": card, "space": membership.space}, request
        )
        for card in cards
    )
    return html, len(queries)


def test_it_shows_todays_question_and_who_answered(rf, alice, bob, space):
    round = services.round_for_day(space=space)
    services.answer_create(round=round, by=alice, text="SECRET-dash-answer")
    html, _n = card_html(rf, bob)
    assert round.text.replace("'", "&#x27;") in html
    assert "Alice answered" in html
    assert "You haven't answered yet" in html
    assert "SECRET-dash-answer" not in html
    mine, _n = card_html(rf, alice)
    assert "You answered" in mine and "Bob hasn" in mine
    services.answer_create(round=round, by=bob, text="Bob's")
    both, _n = card_html(rf, alice)
    assert "You both answered" in both and "Read both answers" in both


def test_it_waits_for_a_partner(rf, eve):
    from conftest import make_space

    make_space(eve)
    html, _n = card_html(rf, eve)
    assert "Questions start once your partner has joined." in html


def test_its_query_count_does_not_grow(rf, alice, bob, space):
    services.round_for_day(space=space)
    _html, first = card_html(rf, alice)
    rounds = Round.objects.bulk_create(
        Round(
            space=space,
            day=dt.date(2020, 1, 1) + dt.timedelta(days=n),
            key="1.past.1",
            level=1,
        )
        for n in range(500)
    )
    Answer.objects.bulk_create(
        Answer(space=space, author=bob, round=r, text="x", visibility="shared")
        for r in rounds
    )
    _html, later = card_html(rf, alice)
    assert first == later
