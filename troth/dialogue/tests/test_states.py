"""The dialogue's steps: in writing each turn is one person's; together,
whoever holds the phone presses on; breaks; and summaries kept only when
both agree."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import run_tasks
from troth.dialogue import services
from troth.dialogue.models import Dialogue, Status, Step, Summary, Turn
from troth.dialogue.tests.factories import finished, proposed_summary, started
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def snapshot(dialogue):
    dialogue.refresh_from_db()
    return (
        dialogue.round,
        dialogue.step,
        dialogue.status,
        dialogue.updated,
        Turn.objects.count(),
    )


def refused(step, dialogue, code):
    before = snapshot(dialogue)
    with pytest.raises(ValidationError) as info:
        step()
    assert snapshot(dialogue) == before
    assert info.value.code == code, info.value
    return str(info.value.messages[0])


class TestWritten:
    def test_each_turn_belongs_to_one_person_and_the_other_is_told(
        self, alice, bob, space
    ):
        dialogue = started(space, alice, first=bob)
        run_tasks()
        assert Notification.objects.get(user=bob).message == (
            "Alice started a written dialogue with you."
        )
        message = refused(
            lambda: services.dialogue_step(
                dialogue=dialogue, by=alice, action="next", text="Me first."
            ),
            dialogue,
            "not_your_turn",
        )
        assert message == "It's Bob's turn."
        services.dialogue_step(
            dialogue=dialogue, by=bob, action="next", text="I feel alone at weekends."
        )
        run_tasks()
        assert Notification.objects.filter(
            user=alice, kind="dialogue.your_turn"
        ).exists()
        assert dialogue.step == Step.MIRROR and dialogue.actor == alice

    def test_steps_that_ask_for_words_need_them(self, alice, bob, space):
        dialogue = started(space, alice)
        refused(
            lambda: services.dialogue_step(dialogue=dialogue, by=alice, action="next"),
            dialogue,
            "empty",
        )

    def test_a_wrong_action_for_the_step_is_refused(self, alice, bob, space):
        dialogue = started(space, alice)
        refused(
            lambda: services.dialogue_step(
                dialogue=dialogue, by=alice, action="yes", text="x"
            ),
            dialogue,
            "wrong_action",
        )

    def test_the_whole_path_with_more_and_a_second_guess(self, alice, bob, space):
        dialogue = started(space, alice)

        def turn(by, action="next", text="Words."):
            services.dialogue_step(dialogue=dialogue, by=by, action=action, text=text)

        turn(alice)  # send
        turn(bob)  # mirror
        turn(alice, "more")
        assert dialogue.step == Step.SEND
        turn(alice)
        turn(bob)
        turn(alice, "done")
        turn(bob)  # summarise
        turn(bob)  # validate
        turn(bob)  # empathise
        turn(alice, "not_quite", "Closer to lonely.")
        assert dialogue.step == Step.EMPATHISE
        turn(bob)
        turn(alice, "yes")
        assert (dialogue.round, dialogue.step, dialogue.sender) == (2, Step.SEND, bob)
        for by, action in [
            (bob, "next"),
            (alice, "next"),
            (bob, "done"),
            (alice, "next"),
            (alice, "next"),
            (alice, "next"),
            (bob, "yes"),
        ]:
            turn(by, action)
        assert dialogue.status == Status.FINISHED
        assert Turn.objects.filter(dialogue=dialogue).count() == 19
        refused(
            lambda: services.dialogue_step(dialogue=dialogue, by=alice, action="next"),
            dialogue,
            "finished",
        )

    def test_turns_are_append_only(self, alice, bob, space):
        dialogue = started(space, alice)
        services.dialogue_step(dialogue=dialogue, by=alice, action="next", text="Mine.")
        turn = Turn.objects.get()
        turn.text = "Rewritten."
        with pytest.raises(ValueError, match="append-only"):
            turn.save()
        with pytest.raises(ValueError, match="append-only"):
            Turn.objects.update(text="Rewritten.")
        with pytest.raises(ValueError, match="append-only"):
            Turn.objects.update(visibility="private")
        with pytest.raises(ValueError, match="append-only"):
            Turn.objects.all().delete()
        assert Turn.objects.visible_to(bob).get().text == "Mine."

    def test_a_dialogue_cannot_be_made_private(self, alice, bob, space):
        dialogue = started(space, alice)
        with pytest.raises(ValueError, match="always shared"):
            Dialogue.objects.update(visibility="private")
        dialogue.visibility = "private"
        with pytest.raises(ValueError, match="always shared"):
            dialogue.save(update_fields=["visibility"])
        assert Dialogue.objects.visible_to(bob).get() == dialogue

    def test_only_whoever_asked_for_the_break_resumes_it(self, alice, bob, space):
        dialogue = started(space, alice)
        services.dialogue_break(dialogue=dialogue, by=bob)
        dialogue.refresh_from_db()
        assert dialogue.status == Status.BREAK
        assert dialogue.break_until - timezone.now() > dt.timedelta(minutes=19)
        refused(
            lambda: services.dialogue_step(
                dialogue=dialogue, by=alice, action="next", text="x"
            ),
            dialogue,
            "on_break",
        )
        refused(
            lambda: services.dialogue_resume(dialogue=dialogue, by=alice),
            dialogue,
            "not_break_taker",
        )
        services.dialogue_resume(dialogue=dialogue, by=bob)
        dialogue.refresh_from_db()
        assert dialogue.status == Status.ACTIVE
        run_tasks()
        assert Notification.objects.get(user=alice, kind="dialogue.break").message == (
            "Bob asked for a break in your dialogue. Take at least 20 minutes."
        )


class TestTogether:
    def test_whoever_holds_the_phone_presses_on_and_nobody_is_notified(
        self, alice, bob, space
    ):
        dialogue = finished(space, alice, bob, mode="together")
        assert dialogue.status == Status.FINISHED
        assert not Turn.objects.exists()  # nothing written down
        run_tasks()
        assert not Notification.objects.exists()

    def test_roles_swap_with_a_pass_the_phone_step(self, alice, bob, space):
        dialogue = started(space, alice, mode="together")
        for action in ["next", "next", "done", "next", "next", "next", "yes"]:
            services.dialogue_step(dialogue=dialogue, by=alice, action=action)
        assert (dialogue.round, dialogue.step) == (2, Step.PASS)
        assert dialogue.actor == alice  # round two's listener takes the phone
        services.dialogue_step(dialogue=dialogue, by=alice, action="ready")
        assert dialogue.sender == bob and dialogue.step == Step.SEND

    def test_outsiders_take_no_part(self, alice, bob, carol, space):
        dialogue = started(space, alice, mode="together")
        refused(
            lambda: services.dialogue_step(dialogue=dialogue, by=carol, action="next"),
            dialogue,
            "not_member",
        )

    def test_either_can_stop(self, alice, bob, space):
        dialogue = started(space, alice, mode="together")
        services.dialogue_stop(dialogue=dialogue, by=bob)
        dialogue.refresh_from_db()
        assert dialogue.status == Status.STOPPED
        refused(
            lambda: services.dialogue_stop(dialogue=dialogue, by=alice),
            dialogue,
            "finished",
        )


class TestSummary:
    def test_it_is_kept_only_when_the_partner_agrees(self, alice, bob, space):
        summary = proposed_summary(space, alice, bob)
        assert Summary.objects.visible_to(bob).filter(pk=summary.pk).exists()
        assert not summary.is_kept
        with pytest.raises(ValidationError, match="your partner is the one"):
            services.summary_keep(summary=summary, by=alice)
        services.summary_keep(summary=summary, by=bob)
        summary.refresh_from_db()
        assert summary.is_kept

    def test_a_summary_needs_the_dialogue_to_be_over(self, alice, bob, space):
        dialogue = started(space, alice)
        with pytest.raises(ValidationError, match="Finish or stop"):
            services.summary_propose(dialogue=dialogue, by=alice, text="x")
        assert not Summary.objects.exists()

    def test_saying_no_makes_it_private_to_its_author(self, alice, bob, space):
        summary = proposed_summary(space, alice, bob)
        services.summary_keep(summary=summary, by=bob)
        services.summary_let_go(summary=summary, by=bob)
        summary.refresh_from_db()
        assert not summary.is_kept
        assert not Summary.objects.visible_to(bob).filter(pk=summary.pk).exists()
        assert Summary.objects.visible_to(alice).filter(pk=summary.pk).exists()
        run_tasks()
        assert not Notification.objects.filter(
            user=alice, kind__contains="let_go"
        ).exists()

    def test_only_the_author_deletes_a_private_summary(self, alice, bob, space):
        summary = proposed_summary(space, alice, bob)
        with pytest.raises(ValidationError, match="Stop sharing it first"):
            services.summary_delete(summary=summary, by=alice)
        services.summary_let_go(summary=summary, by=alice)
        with pytest.raises(ValidationError, match="Only its author"):
            services.summary_delete(summary=summary, by=bob)
        services.summary_delete(summary=summary, by=alice)
        assert not Summary.objects.exists()

    def test_one_shared_summary_per_dialogue(self, alice, bob, space):
        summary = proposed_summary(space, alice, bob)
        dialogue = Dialogue.objects.get(pk=summary.dialogue_id)
        with pytest.raises(ValidationError, match="already suggested"):
            services.summary_propose(dialogue=dialogue, by=bob, text="Mine too.")
