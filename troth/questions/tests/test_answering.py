"""Answering in turn: private until both have answered, then revealed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import run_tasks
from troth.notifications.models import Notification
from troth.questions import services
from troth.questions.models import Answer, FollowUp, Reaction, Round
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def round(alice, bob, space):
    return services.round_for_day(space=space)


def answer(client, round, text):
    return client.post(f"/questions/{round.pk}/answer", {"text": text})


class TestAnswering:
    def test_the_first_answer_stays_private(
        self, round, alice, bob, alice_client, bob_client
    ):
        response = answer(alice_client, round, "Alice's first thoughts")
        assert response.status_code == 302
        round.refresh_from_db()
        assert not round.is_revealed
        mine = alice_client.get(f"/questions/{round.pk}/").content.decode()
        assert "Alice&#x27;s first thoughts" in mine
        theirs = bob_client.get(f"/questions/{round.pk}/").content.decode()
        assert "first thoughts" not in theirs
        assert "Alice answered" in theirs
        assert "Write yours to read both answers." in theirs

    def test_the_second_answer_reveals_both(
        self, round, alice, bob, alice_client, bob_client
    ):
        answer(alice_client, round, "From Alice")
        response = answer(bob_client, round, "From Bob")
        assert response.status_code == 302
        round.refresh_from_db()
        assert round.is_revealed
        for client in (alice_client, bob_client):
            body = client.get(f"/questions/{round.pk}/").content.decode()
            assert "From Alice" in body and "From Bob" in body
            assert "You both answered" in body

    def test_only_the_reveal_notifies_and_without_words(
        self, round, alice, bob, alice_client, bob_client
    ):
        answer(alice_client, round, "From Alice")
        run_tasks()
        assert not Notification.objects.exists()
        first = Activity.objects.get(verb="questions.answered")
        assert first.visibility == "private" and first.recipient is None
        answer(bob_client, round, "From Bob")
        run_tasks()
        notification = Notification.objects.get()
        assert notification.user == alice
        assert (
            notification.message
            == "Bob answered too: you can read each other's answers now."
        )
        assert notification.url == f"/questions/{round.pk}/"

    def test_with_htmx_the_card_is_replaced(
        self, round, alice, bob, alice_client, bob_client
    ):
        answer(alice_client, round, "From Alice")
        response = bob_client.post(
            f"/questions/{round.pk}/answer",
            {"text": "From Bob"},
            HTTP_HX_REQUEST="true",
        )
        body = response.content.decode()
        assert response.status_code == 200 and "<html" not in body
        assert "From Alice" in body and "You have both answered" in body

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "Write your answer, or pass if you&#x27;d rather not answer."),
            ("   \n ", "Write your answer, or pass if you&#x27;d rather not answer."),
            ("x" * 3001, "an answer holds up to 3000"),
        ],
    )
    def test_empty_or_overlong_answers_are_refused(
        self, round, alice, alice_client, text, message
    ):
        response = answer(alice_client, round, text)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not Answer.objects.exists()

    def test_answering_twice_is_refused(self, round, alice, alice_client):
        answer(alice_client, round, "Once")
        response = answer(alice_client, round, "Twice")
        assert response.status_code == 409
        assert "You already answered this question." in response.content.decode()
        assert Answer.objects.get().text == "Once"

    def test_an_answer_can_be_changed_until_the_reveal(
        self, round, alice, bob, alice_client, bob_client
    ):
        answer(alice_client, round, "Draft")
        page = alice_client.get(f"/questions/{round.pk}/answer/edit")
        assert "Draft" in page.content.decode()
        alice_client.post(f"/questions/{round.pk}/answer/edit", {"text": "Better"})
        assert Answer.objects.get().text == "Better"
        # Changing it tells nobody.
        assert (
            not Activity.objects.filter(verb="questions.answer_changed")
            .exclude(visibility="private")
            .exists()
        )
        answer(bob_client, round, "Bob's")
        page = alice_client.get(f"/questions/{round.pk}/answer/edit")
        assert page.status_code == 302
        assert page["Location"] == f"/questions/{round.pk}/"
        response = alice_client.post(
            f"/questions/{round.pk}/answer/edit", {"text": "Later"}
        )
        assert response.status_code == 409
        assert "Add a follow-up instead." in response.content.decode()
        assert Answer.objects.get(author=alice).text == "Better"

    def test_an_empty_change_is_refused(self, round, alice, alice_client):
        answer(alice_client, round, "Draft")
        response = alice_client.post(f"/questions/{round.pk}/answer/edit", {"text": ""})
        assert response.status_code == 400
        assert Answer.objects.get().text == "Draft"


class TestPassing:
    def test_a_pass_closes_the_question_and_reveals_nothing(
        self, round, alice, bob, alice_client, bob_client
    ):
        answer(alice_client, round, "Alice wrote this")
        response = bob_client.post(f"/questions/{round.pk}/pass")
        assert response.status_code == 302
        round.refresh_from_db()
        assert round.is_passed and not round.is_revealed
        body = bob_client.get(f"/questions/{round.pk}/").content.decode()
        assert "Alice wrote this" not in body
        assert "You passed on this question" in body
        alice_page = alice_client.get(f"/questions/{round.pk}/").content.decode()
        assert "Bob passed on this question" in alice_page
        assert "Alice wrote this" in alice_page  # her own words stay hers
        run_tasks()
        assert Notification.objects.get(user=alice).message == (
            "Bob passed on a question. It is closed, and nothing was revealed."
        )

    def test_a_passed_question_cannot_be_answered(
        self, round, alice, bob, alice_client, bob_client
    ):
        bob_client.post(f"/questions/{round.pk}/pass")
        response = answer(alice_client, round, "Too late")
        assert response.status_code == 409
        assert "This question was passed and is closed." in response.content.decode()
        assert not Answer.objects.exists()
        again = alice_client.post(f"/questions/{round.pk}/pass")
        assert again.status_code == 409
        assert "already passed" in again.content.decode()

    def test_a_revealed_question_cannot_be_passed_or_answered_again(
        self, round, alice, bob, alice_client, bob_client
    ):
        answer(alice_client, round, "A")
        answer(bob_client, round, "B")
        response = bob_client.post(f"/questions/{round.pk}/pass")
        assert response.status_code == 409
        round.refresh_from_db()
        assert not round.is_passed
        with pytest.raises(ValidationError, match="already answered"):
            services.answer_create(round=round, by=alice, text="again")


class TestAfterTheReveal:
    @pytest.fixture
    def revealed(self, round, alice, bob):
        services.answer_create(round=round, by=alice, text="Alice's answer")
        services.answer_create(round=round, by=bob, text="Bob's answer")
        return round

    def test_each_can_react_to_the_others_answer(
        self, revealed, alice, bob, bob_client, alice_client
    ):
        alices = revealed.answers.get(author=alice)
        response = bob_client.post(
            f"/questions/answers/{alices.pk}/react", {"kind": "moved"}
        )
        assert response.status_code == 302
        bob_client.post(f"/questions/answers/{alices.pk}/react", {"kind": "more"})
        reaction = Reaction.objects.get()
        assert reaction.kind == "more"  # a new reaction replaces the old
        body = alice_client.get(f"/questions/{revealed.pk}/").content.decode()
        assert "Bob: “I&#x27;d like to hear more”" in body
        run_tasks()
        assert (
            Notification.objects.filter(user=alice, kind="questions.reacted").count()
            == 1
        )

    def test_nobody_reacts_to_their_own_answer(self, revealed, alice, alice_client):
        own = revealed.answers.get(author=alice)
        assert (
            alice_client.post(
                f"/questions/answers/{own.pk}/react", {"kind": "moved"}
            ).status_code
            == 404
        )
        assert not Reaction.objects.exists()

    def test_a_reaction_must_be_one_of_the_list(self, revealed, alice, bob, bob_client):
        alices = revealed.answers.get(author=alice)
        response = bob_client.post(
            f"/questions/answers/{alices.pk}/react", {"kind": "lol"}
        )
        assert response.status_code == 400
        assert not Reaction.objects.exists()

    def test_follow_ups_are_added_after_the_reveal(
        self, revealed, alice, bob, alice_client, bob_client
    ):
        response = alice_client.post(
            f"/questions/{revealed.pk}/followups", {"text": "Tell me more?"}
        )
        assert response.status_code == 302
        assert (
            "Tell me more?"
            in bob_client.get(f"/questions/{revealed.pk}/").content.decode()
        )
        bad = alice_client.post(
            f"/questions/{revealed.pk}/followups", {"text": "x" * 1001}
        )
        assert bad.status_code == 400
        assert FollowUp.objects.count() == 1

    def test_follow_ups_wait_for_the_reveal(self, round, alice, alice_client):
        services.answer_create(round=round, by=alice, text="Only mine")
        response = alice_client.post(
            f"/questions/{round.pk}/followups", {"text": "Early"}
        )
        assert response.status_code == 409
        assert (
            "Follow-ups open once both of you have answered."
            in response.content.decode()
        )
        assert not FollowUp.objects.exists()


class TestPicking:
    def test_a_partner_picks_a_question_for_both(self, alice, bob, space, alice_client):
        response = alice_client.post("/questions/pick", {"key": "2.trust.1"})
        round = Round.objects.get(origin="picked")
        assert (
            response.status_code == 302
            and response["Location"] == f"/questions/{round.pk}/"
        )
        assert round.picked_by == alice and round.level == 2
        run_tasks()
        assert (
            Notification.objects.get(user=bob).message
            == "Alice picked a question for you both."
        )

    def test_one_picked_question_at_a_time(self, alice, bob, space, alice_client):
        alice_client.post("/questions/pick", {"key": "2.trust.1"})
        response = alice_client.post("/questions/pick", {"key": "2.trust.2"})
        assert response.status_code == 409
        assert "A picked question is still open." in response.content.decode()
        assert Round.objects.filter(origin="picked").count() == 1

    @pytest.mark.parametrize(
        "key", ["", "9.nope.1", "own:999999", "own:abc", "own:" + "9" * 30]
    )
    def test_an_unknown_question_is_refused(self, alice, bob, space, alice_client, key):
        response = alice_client.post("/questions/pick", {"key": key})
        assert response.status_code in (400, 409)
        assert not Round.objects.filter(origin="picked").exists()

    def test_another_couples_question_cannot_be_picked(
        self, alice, bob, space, carol, dave, other_space, alice_client
    ):
        theirs = services.own_question_create(
            space=other_space, by=carol, text="Theirs?", level=1
        )
        response = alice_client.post("/questions/pick", {"key": theirs.key})
        assert response.status_code == 409
        assert "That question is not in your deck." in response.content.decode()


def test_a_closed_space_takes_no_answers(alice, bob, space, alice_client):
    round = services.round_for_day(space=space)
    space.closed_at = timezone.now()
    space.save()
    response = answer(alice_client, round, "Too late")
    assert response.status_code == 409
    assert "This space is closed" in response.content.decode()
    assert not Answer.objects.exists()


class TestTheSuggestedFollowUp:
    def test_a_deep_questions_prompt_shows_once_both_have_answered(
        self, alice, bob, space, alice_client, bob_client
    ):
        round = services.round_pick(space=space, by=alice, key="everyday.18")
        prompt = "What would make that moment feel less lonely?"
        answer(alice_client, round, "Late at night.")
        assert prompt not in alice_client.get(round.get_absolute_url()).content.decode()
        answer(bob_client, round, "On Sunday evenings.")
        for client in (alice_client, bob_client):
            page = client.get(round.get_absolute_url()).content.decode()
            assert prompt in page
        assert "Warming up" not in page and "Everyday life" in page

    def test_a_question_without_a_prompt_shows_none(
        self, alice, bob, space, alice_client, bob_client
    ):
        round = services.round_pick(space=space, by=alice, key="1.past.1")
        answer(alice_client, round, "A wedding.")
        answer(bob_client, round, "A beach.")
        page = bob_client.get(round.get_absolute_url()).content.decode()
        assert 'data-testid="suggested-followup"' not in page
        assert "Memories" in page
