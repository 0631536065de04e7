"""The history of questions answered together, and searching it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.questions import services
from troth.questions.builders import build_round
from troth.questions.deck import deck_for_level
from troth.questions.models import Answer, FollowUp, Reaction, Round

pytestmark = pytest.mark.django_db


def revealed(
    space, alice, bob, day, a_text="Alice's words", b_text="Bob's words", key=None
):
    round = build_round(
        space, day, key=key or deck_for_level(1)[day.toordinal() % 30].key, level=1
    )
    services.answer_create(round=round, by=alice, text=a_text)
    services.answer_create(round=round, by=bob, text=b_text)
    return round


def test_it_lists_revealed_questions_newest_first(alice, bob, space, alice_client):
    old = revealed(space, alice, bob, dt.date(2026, 1, 1), a_text="Old answer")
    new = revealed(space, alice, bob, dt.date(2026, 2, 1), a_text="New answer")
    waiting = build_round(space, dt.date(2026, 3, 1), key="1.hopes.1", level=1)
    services.answer_create(round=waiting, by=bob, text="Bob waits")
    body = alice_client.get("/questions/history/").content.decode()
    assert body.index("New answer") < body.index("Old answer")
    assert "Bob waits" not in body
    assert old.text.replace("'", "&#x27;") in body and new.pk


def test_search_finds_words_in_questions_answers_and_follow_ups(
    alice, bob, space, alice_client
):
    hit = revealed(
        space, alice, bob, dt.date(2026, 1, 1), b_text="We went to the lighthouse"
    )
    revealed(space, alice, bob, dt.date(2026, 1, 2), a_text="Nothing here")
    other = revealed(space, alice, bob, dt.date(2026, 1, 3))
    services.followup_create(round=other, by=bob, text="Remember the LIGHTHOUSE?")
    body = alice_client.get("/questions/history/?q=lighthouse").content.decode()
    assert "2 questions match" in body
    assert "We went to the lighthouse" in body and "Nothing here" not in body
    assert hit.pk
    question_words = str(deck_for_level(1)[5].text).split()[-1].rstrip("?")
    found = alice_client.get(f"/questions/history/?q={question_words}").content.decode()
    assert "match" in found


def test_search_over_htmx_returns_only_the_results(alice, bob, space, alice_client):
    revealed(space, alice, bob, dt.date(2026, 1, 1), b_text="Blue whale")
    response = alice_client.get(
        "/questions/history/?q=whale",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="history-results",
    )
    body = response.content.decode()
    assert "<html" not in body and "Blue whale" in body


def test_an_overlong_search_is_ignored_not_an_error(alice, bob, space, alice_client):
    response = alice_client.get("/questions/history/?q=" + "x" * 500)
    assert response.status_code == 200


def fill(space, alice, bob, count: int, start: dt.date) -> None:
    rounds = Round.objects.bulk_create(
        Round(
            space=space,
            day=start + dt.timedelta(days=n),
            key=f"1.past.{n % 5 + 1}",
            level=1,
            revealed_at=timezone.now(),
        )
        for n in range(count)
    )
    answers = Answer.objects.bulk_create(
        Answer(
            space=space,
            author=person,
            round=round,
            text=f"words {round.pk}",
            visibility="shared",
        )
        for round in rounds
        for person in (alice, bob)
    )
    Reaction.objects.bulk_create(
        Reaction(
            space=space,
            author=bob if a.author_id == alice.pk else alice,
            answer=a,
            kind="moved",
            visibility="shared",
        )
        for a in answers
    )
    FollowUp.objects.bulk_create(
        FollowUp(
            space=space, author=alice, round=round, text="more", visibility="shared"
        )
        for round in rounds
    )


def count_queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/questions/history/",
        "/questions/history/?q=words",
        "/questions/history/?page=2",
        "/questions/",
        "/questions/deck/",
    ],
)
def test_query_count_is_the_same_with_10_and_1000_questions(alice, bob, space, url):
    fill(space, alice, bob, 10, dt.date(2020, 1, 1))
    services.round_for_day(space=space)
    small = count_queries(client_for(alice), url)
    fill(space, alice, bob, 990, dt.date(2021, 1, 1))
    large = count_queries(client_for(alice), url)
    assert small == large
