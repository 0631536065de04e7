"""The couple's deck: its level, their own questions, picking one."""

from __future__ import annotations

import pytest

from conftest import run_tasks
from troth.notifications.models import Notification
from troth.questions.deck import PACKS
from troth.questions.models import DeckSettings, OwnQuestion

pytestmark = pytest.mark.django_db


def test_either_partner_sets_the_levels_and_the_other_is_told(
    alice, bob, space, alice_client
):
    response = alice_client.post("/questions/deck/level", {"levels": ["2", "3"]})
    assert response.status_code == 302
    assert DeckSettings.objects.get(space=space).levels == [2, 3]
    run_tasks()
    assert Notification.objects.get(user=bob).message == (
        "Alice changed how deep your daily questions go."
    )
    page = alice_client.get("/questions/deck/").content.decode()
    assert 'value="3" id="level-3" checked' in page
    assert 'value="1" id="level-1">' in page


def test_every_level_and_every_pack_is_on_at_first(alice, bob, space, alice_client):
    page = alice_client.get("/questions/deck/").content.decode()
    for level in (1, 2, 3):
        assert f'value="{level}" id="level-{level}" checked' in page
    for pack in PACKS:
        assert f'id="pack-{pack.key}" checked' in page
        assert str(pack.about) in page.replace("&#x27;", "'")
    assert 'data-testid="deck-short"' not in page
    assert "its pack comes up less often for a while" in page


@pytest.mark.parametrize("levels", [[], ["0"], ["4"], ["deep"], ["1", "9"]])
def test_an_unknown_level_is_refused(alice, bob, space, alice_client, levels):
    response = alice_client.post("/questions/deck/level", {"levels": levels})
    assert response.status_code == 400
    assert "Choose at least one level." in response.content.decode()
    assert not DeckSettings.objects.exists()


def test_either_partner_switches_packs_off_and_the_other_is_told(
    alice, bob, space, bob_client
):
    response = bob_client.post("/questions/deck/packs", {"packs": ["money", "home"]})
    assert response.status_code == 302
    settings = DeckSettings.objects.get(space=space)
    assert settings.packs_on == ["money", "home"]
    assert "memories" in settings.packs_off
    run_tasks()
    assert Notification.objects.get(user=alice).message == (
        "Bob changed which packs your daily questions come from."
    )
    page = bob_client.get("/questions/deck/").content.decode()
    assert 'id="pack-money" checked' in page
    assert 'id="pack-memories">' in page
    # Two packs hold fewer than a year of questions: the page says so.
    assert 'data-testid="deck-short"' in page
    today = bob_client.get("/questions/").content.decode()
    assert "Daily questions come from 2 packs at Warming up, Going deeper" in today
    # And back on.
    bob_client.post("/questions/deck/packs", {"packs": [p.key for p in PACKS]})
    assert DeckSettings.objects.get(space=space).packs_off == []


def test_switching_every_pack_off_is_refused(alice, bob, space, alice_client):
    alice_client.post("/questions/deck/packs", {"packs": ["money"]})
    response = alice_client.post("/questions/deck/packs", {})
    assert response.status_code == 400
    assert "Keep at least one pack on" in response.content.decode()
    assert DeckSettings.objects.get(space=space).packs_on == ["money"]


def test_an_unknown_pack_is_refused(alice, bob, space, alice_client):
    response = alice_client.post("/questions/deck/packs", {"packs": ["money", "x"]})
    assert response.status_code == 400
    assert "Choose from the packs listed." in response.content.decode()
    assert not DeckSettings.objects.exists()


def test_the_same_choice_again_tells_nobody(alice, bob, space, alice_client):
    alice_client.post("/questions/deck/packs", {"packs": ["money", "home"]})
    alice_client.post("/questions/deck/packs", {"packs": ["home", "money"]})
    run_tasks()
    assert Notification.objects.filter(user=bob).count() == 1


@pytest.mark.parametrize("url", ["/questions/deck/packs", "/questions/deck/level"])
def test_someone_outside_a_space_changes_nothing(eve, eve_client, alice, space, url):
    # No space of one's own: sent home, and no couple's deck changes.
    response = eve_client.post(url, {"packs": ["money"], "levels": ["1"]})
    assert response.status_code == 302 and response.url == "/"
    assert not DeckSettings.objects.exists()


def test_the_packs_decide_the_questions_offered_to_pick(
    alice, bob, space, alice_client
):
    alice_client.post("/questions/deck/packs", {"packs": ["money"]})
    page = alice_client.get("/questions/deck/").content.decode()
    keys = [part.split('"')[0] for part in page.split('name="key" value="')[1:]]
    assert keys and all(key.startswith("money.") for key in keys)


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
