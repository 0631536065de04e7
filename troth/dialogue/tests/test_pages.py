"""The dialogue pages: big prompts together, turns in writing, summaries,
sharing, export and constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import client_for
from troth.dialogue import sharing
from troth.dialogue.export import export
from troth.dialogue.models import Dialogue, Summary, Turn
from troth.dialogue.tests.factories import finished, proposed_summary, started

pytestmark = pytest.mark.django_db


def test_the_index_says_it_is_a_skill_not_therapy(alice, bob, space):
    page = client_for(alice).get("/dialogue/").content.decode()
    assert "a communication skill, not therapy" in page
    assert "Gehlert" in page


def test_starting_together_shows_a_big_prompt_and_a_timer(alice, bob, space):
    client = client_for(alice)
    response = client.post(
        "/dialogue/new", {"mode": "together", "first": "partner", "topic": "Money"}
    )
    dialogue = Dialogue.objects.get()
    assert response["Location"] == dialogue.get_absolute_url()
    page = client.get(dialogue.get_absolute_url()).content.decode()
    assert "Bob, say what&#x27;s on your mind" in page
    assert "Alice holds the phone" in page
    assert 'data-testid="timer"' in page and "dialogue/timer.js" in page
    assert 'nonce="' in page.split("dialogue/timer.js")[1][:40]


def test_bad_start_input_is_refused(alice, bob, space):
    response = client_for(alice).post(
        "/dialogue/new", {"mode": "telepathy", "first": "me"}
    )
    assert response.status_code == 400
    assert not Dialogue.objects.exists()


def test_writing_a_turn_and_waiting_for_the_other(alice, bob, space):
    dialogue = started(space, alice)
    client = client_for(alice)
    response = client.post(
        f"/dialogue/{dialogue.pk}/step", {"action": "next", "text": "I miss us."}
    )
    assert response.status_code == 302
    page = client.get(dialogue.get_absolute_url()).content.decode()
    assert "I miss us." in page
    assert "It's Bob's turn. They've been told." in page
    bob_page = client_for(bob).get(dialogue.get_absolute_url()).content.decode()
    assert "Bob, say back what you heard" in bob_page
    assert 'data-testid="turn-text"' in bob_page


def test_an_empty_turn_is_refused_and_nothing_changes(alice, bob, space):
    dialogue = started(space, alice)
    response = client_for(alice).post(
        f"/dialogue/{dialogue.pk}/step", {"action": "next", "text": ""}
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Write your turn first." in body
    assert 'data-testid="refusal"' in body
    assert not Turn.objects.exists()


def test_a_summary_suggested_and_kept_from_the_pages(alice, bob, space):
    dialogue = finished(space, alice, bob)
    client_for(alice).post(
        f"/dialogue/{dialogue.pk}/summary", {"text": "We both want Sundays slow."}
    )
    summary = Summary.objects.get()
    bob_page = client_for(bob).get(dialogue.get_absolute_url()).content.decode()
    assert "Alice suggests keeping this summary." in bob_page
    client_for(bob).post(f"/dialogue/summaries/{summary.pk}/keep")
    index = client_for(alice).get("/dialogue/").content.decode()
    assert "We both want Sundays slow." in index


def test_sharing_lists_a_kept_summary_and_stopping_tells_nobody(alice, bob, space):
    summary = proposed_summary(space, alice, bob)
    [item] = sharing.shared_by(bob, space)
    assert item.key == f"summary:{summary.pk}"
    assert sharing.stop(bob, space, "summary:nope") is False
    assert sharing.stop(bob, space, item.key) is True
    assert sharing.shared_by(bob, space) == []
    assert sharing.shared_by(alice, space) == []
    summary.refresh_from_db()
    assert summary.visibility == "private" and summary.author == alice


def test_the_export_has_what_each_can_see(alice, bob, space):
    summary = proposed_summary(space, alice, bob)
    from troth.dialogue.services import summary_let_go

    summary_let_go(summary=summary, by=bob)
    assert export(alice)["dialogues"][0]["summaries"][0]["text"] == (
        "We heard each other."
    )
    assert export(bob)["dialogues"][0]["summaries"] == []


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _bulk(space, alice, bob, n):
    Dialogue.objects.bulk_create(
        Dialogue(
            space=space,
            author=alice,
            visibility="shared",
            mode="written" if i % 2 else "together",
            first_sender=alice if i % 3 else bob,
            first_receiver=bob if i % 3 else alice,
            status="active" if i % 4 else "finished",
        )
        for i in range(n)
    )


@pytest.mark.parametrize("url", ["/dialogue/", "/"])
def test_list_pages_use_the_same_number_of_queries_for_10_and_1000(
    alice, bob, space, url
):
    client = client_for(bob)
    client.get(url)
    _bulk(space, alice, bob, 10)
    few = _queries(client, url)
    _bulk(space, alice, bob, 990)
    assert _queries(client, url) == few
