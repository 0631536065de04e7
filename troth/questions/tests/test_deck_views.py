"""The couple's deck: its level, their own questions, picking one."""

from __future__ import annotations

import pytest

from conftest import run_tasks
from troth.notifications.models import Notification
from troth.questions.models import DeckSettings, OwnQuestion

pytestmark = pytest.mark.django_db


def test_either_partner_sets_the_level_and_the_other_is_told(
    alice, bob, space, alice_client
):
    response = alice_client.post("/questions/deck/level", {"level": "3"})
    assert response.status_code == 302
    assert DeckSettings.objects.get(space=space).level == 3
    run_tasks()
    assert Notification.objects.get(user=bob).message == (
        "Alice changed how deep your daily questions go."
    )
    page = alice_client.get("/questions/deck/").content.decode()
    assert 'value="3" id="level-3" checked' in page


@pytest.mark.parametrize("level", ["", "0", "4", "deep"])
def test_an_unknown_level_is_refused(alice, bob, space, alice_client, level):
    response = alice_client.post("/questions/deck/level", {"level": level})
    assert response.status_code == 400
    assert "Choose a level." in response.content.decode()
    assert not DeckSettings.objects.exists()


def test_a_partner_writes_a_question_into_the_deck(
    alice, bob, space, alice_client, bob_client
):
    response = alice_client.post(
        "/questions/deck/own",
        {"text": "What song makes you think of us?", "level": "1"},
    )
    assert response.status_code == 302
    question = OwnQuestion.objects.get()
    assert question.visibility == "shared" and question.author == alice
    assert (
        "What song makes you think of us?"
        in bob_client.get("/questions/deck/").content.decode()
    )
    run_tasks()
    assert (
        Notification.objects.get(user=bob).message
        == "Alice added a question to your deck."
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "", "level": "2"}, "Write the question first."),
        ({"text": "x" * 301, "level": "2"}, "a question holds up to 300"),
        ({"text": "Fine?", "level": "9"}, "Choose a level."),
    ],
)
def test_a_bad_question_is_refused(alice, bob, space, alice_client, data, message):
    response = alice_client.post("/questions/deck/own", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OwnQuestion.objects.exists()


def test_only_its_writer_takes_a_question_out(
    alice, bob, space, alice_client, bob_client
):
    alice_client.post("/questions/deck/own", {"text": "Mine?", "level": "2"})
    question = OwnQuestion.objects.get()
    assert (
        bob_client.post(f"/questions/deck/own/{question.pk}/retire").status_code == 404
    )
    assert (
        alice_client.post(f"/questions/deck/own/{question.pk}/retire").status_code
        == 302
    )
    question.refresh_from_db()
    assert question.retired_at is not None
    assert "Mine?" not in alice_client.get("/questions/deck/").content.decode()
    again = alice_client.post(f"/questions/deck/own/{question.pk}/retire")
    assert again.status_code == 409


def test_the_deck_page_offers_questions_to_pick_at_every_level(
    alice, bob, space, alice_client
):
    body = alice_client.get("/questions/deck/").content.decode()
    for level in ("Warming up", "Going deeper", "Close to the heart"):
        assert level in body
    assert body.count('name="key"') >= 9
