"""Each step of a promise's life, by the right person, and each refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import make_space, run_tasks
from troth.notifications.models import Notification
from troth.promises import services
from troth.promises.models import EventKind, Promise, PromiseEvent, State
from troth.promises.tests.helpers import make_promise, tomorrow
from troth.spaces.services import space_leave

pytestmark = pytest.mark.django_db


def snapshot(promise: Promise) -> tuple:
    promise = Promise.objects.get(pk=promise.pk)
    return (
        promise.state,
        promise.text,
        promise.due_at,
        promise.proposed_at,
        promise.cancel_requested_by_id,
        promise.renegotiations,
        PromiseEvent.objects.filter(promise=promise).count(),
    )


def refused(step, promise, code=None, **kwargs):
    """The step raises a ValidationError and leaves the promise unchanged."""
    before = snapshot(promise)
    with pytest.raises(ValidationError) as caught:
        step(promise=promise, **kwargs)
    assert snapshot(promise) == before
    if code is not None:
        assert caught.value.code == code, caught.value
    return caught.value


def later(promise, minutes=1) -> dt.datetime:
    return promise.due_at + dt.timedelta(minutes=minutes)


class TestMaking:
    def test_it_makes_a_shared_promise_to_the_partner(self, space, alice, bob):
        promise = make_promise(space, alice)
        assert promise.promisee == bob
        assert promise.state == State.OPEN
        assert promise.is_shared
        assert Promise.objects.visible_to(bob).filter(pk=promise.pk).exists()
        assert [e.kind for e in promise.events.all()] == [EventKind.MADE]
        run_tasks()
        notice = Notification.objects.get(user=bob)
        assert notice.message == "Alice made you a promise."
        assert "plumber" not in notice.message

    def test_a_whole_day_promise_is_due_at_the_end_of_the_promisers_day(
        self, space, alice
    ):
        alice.timezone = "Europe/Berlin"
        alice.save()
        day = tomorrow()
        promise = services.promise_create(
            space=space, by=alice, text="Post the letter", due_date=day
        )
        local = promise.due_at.astimezone(alice.tz)
        assert local.date() == day + dt.timedelta(days=1)
        assert (local.hour, local.minute) == (0, 0)

    def test_it_refuses_a_due_time_in_the_past(self, space, alice):
        with pytest.raises(ValidationError) as caught:
            services.promise_create(
                space=space,
                by=alice,
                text="Too late",
                due_date=timezone.now().date() - dt.timedelta(days=1),
            )
        assert "hasn't passed" in str(caught.value)
        assert not Promise.objects.exists()

    def test_it_refuses_empty_or_long_wording(self, space, alice):
        for text in ("   ", "x" * 501):
            with pytest.raises(ValidationError):
                services.promise_create(
                    space=space, by=alice, text=text, due_date=tomorrow()
                )
        assert not Promise.objects.exists()

    def test_it_needs_a_partner(self, alice, eve):
        solo = make_space(eve)
        with pytest.raises(ValidationError) as caught:
            services.promise_create(space=solo, by=eve, text="x", due_date=tomorrow())
        assert caught.value.code == "no_partner"

    def test_an_outsider_cannot_make_a_promise_in_the_space(self, space, carol):
        with pytest.raises(ValidationError) as caught:
            services.promise_create(
                space=space, by=carol, text="x", due_date=tomorrow()
            )
        assert caught.value.code in ("not_member", "not_partner")
        assert not Promise.objects.exists()

    def test_it_records_where_a_promise_came_from(self, space, alice):
        origin = make_promise(space, alice, text="The commitment")
        promise = make_promise(space, alice, text="From it", origin=origin)
        assert promise.origin_type.model == "promise"
        assert promise.origin_id == origin.pk


class TestDoneAndConfirm:
    def test_the_promiser_marks_done_and_the_partner_confirms_kept(
        self, space, alice, bob
    ):
        promise = make_promise(space, alice)
        services.promise_mark_done(promise=promise, by=alice)
        assert promise.state == State.DONE
        services.promise_confirm(promise=promise, by=bob, kept=True)
        promise.refresh_from_db()
        assert promise.state == State.KEPT
        assert promise.settled_at is not None
        assert [e.kind for e in promise.events.all()] == ["made", "done", "kept"]
        run_tasks()
        assert Notification.objects.filter(user=bob, kind="promise.done").exists()
        assert Notification.objects.filter(user=alice, kind="promise.kept").exists()

    def test_not_quite_needs_a_note_and_the_promiser_may_respond_once(
        self, space, alice, bob
    ):
        promise = make_promise(space, alice)
        services.promise_mark_done(promise=promise, by=alice)
        refused(services.promise_confirm, promise, by=bob, kept=False, note=" ")
        services.promise_confirm(
            promise=promise, by=bob, kept=False, note="Only half of it was done"
        )
        assert promise.state == State.NOT_QUITE
        event = promise.events.get(kind=EventKind.NOT_QUITE)
        assert event.note == "Only half of it was done"
        services.promise_respond(promise=promise, by=alice, note="You're right, sorry")
        assert promise.events.filter(kind=EventKind.RESPONDED).count() == 1
        error = refused(services.promise_respond, promise, by=alice, note="Again")
        assert "already responded" in str(error)

    def test_only_the_promiser_marks_done(self, space, alice, bob):
        promise = make_promise(space, alice)
        error = refused(services.promise_mark_done, promise, "wrong_person", by=bob)
        assert "Only Alice" in str(error)

    def test_only_the_partner_confirms(self, space, alice, bob):
        promise = make_promise(space, alice)
        services.promise_mark_done(promise=promise, by=alice)
        error = refused(
            services.promise_confirm, promise, "wrong_person", by=alice, kept=True
        )
        assert "Only Bob" in str(error)

    def test_confirming_needs_the_promise_marked_done_first(self, space, alice, bob):
        promise = make_promise(space, alice)
        refused(services.promise_confirm, promise, "wrong_state", by=bob, kept=True)

    def test_it_cannot_be_confirmed_twice(self, space, alice, bob):
        promise = make_promise(space, alice)
        services.promise_mark_done(promise=promise, by=alice)
        services.promise_confirm(promise=promise, by=bob, kept=True)
        error = refused(
            services.promise_confirm,
            promise,
            "wrong_state",
            by=bob,
            kept=False,
            note="changed my mind",
        )
        assert "already confirmed as kept" in str(error)

    def test_it_cannot_be_marked_done_twice(self, space, alice):
        promise = make_promise(space, alice)
        services.promise_mark_done(promise=promise, by=alice)
        refused(services.promise_mark_done, promise, "wrong_state", by=alice)

    def test_it_cannot_be_marked_done_after_the_due_time(self, space, alice):
        promise = make_promise(space, alice)
        error = refused(
            services.promise_mark_done,
            promise,
            "past_due",
            by=alice,
            now=later(promise),
        )
        assert "due time" in str(error)

    def test_only_the_promiser_responds_and_only_after_not_quite(
        self, space, alice, bob
    ):
        promise = make_promise(space, alice)
        refused(services.promise_respond, promise, "wrong_state", by=alice, note="x")
        services.promise_mark_done(promise=promise, by=alice)
        services.promise_confirm(promise=promise, by=bob, kept=False, note="Not all")
        refused(services.promise_respond, promise, "wrong_person", by=bob, note="x")

    def test_an_outsider_can_take_no_step(self, space, alice, carol, other_space):
        promise = make_promise(space, alice)
        refused(services.promise_mark_done, promise, "not_member", by=carol)
        refused(services.promise_cancel_request, promise, "not_member", by=carol)

    def test_nothing_moves_once_the_space_is_closed(self, space, alice, bob):
        promise = make_promise(space, alice)
        from troth.spaces.models import Membership

        space_leave(membership=Membership.objects.get(user=bob))
        error = refused(services.promise_mark_done, promise, "closed", by=alice)
        assert "closed" in str(error)


class TestMissed:
    def test_the_clock_marks_an_open_promise_missed_once(self, space, alice, bob):
        promise = make_promise(space, alice)
        assert services.promise_mark_missed(promise=promise, now=later(promise))
        assert promise.state == State.MISSED
        assert not services.promise_mark_missed(promise=promise, now=later(promise, 5))
        assert promise.events.filter(kind=EventKind.MISSED).count() == 1
        event = promise.events.get(kind=EventKind.MISSED)
        assert event.actor is None

    def test_it_is_not_missed_before_its_due_time(self, space, alice):
        promise = make_promise(space, alice)
        assert not services.promise_mark_missed(promise=promise)
        promise.refresh_from_db()
        assert promise.state == State.OPEN

    def test_a_promise_marked_done_is_never_missed(self, space, alice):
        promise = make_promise(space, alice)
        services.promise_mark_done(promise=promise, by=alice)
        assert not services.promise_mark_missed(promise=promise, now=later(promise))
        promise.refresh_from_db()
        assert promise.state == State.DONE

    def test_a_pending_proposal_lapses_when_missed(self, space, alice):
        promise = make_promise(space, alice)
        services.promise_propose(
            promise=promise,
            by=alice,
            text="Later",
            due_date=promise.due_date + dt.timedelta(days=3),
        )
        services.promise_mark_missed(promise=promise, now=later(promise))
        promise.refresh_from_db()
        assert not promise.has_proposal
        kinds = [e.kind for e in promise.events.all()]
        assert kinds[-2:] == ["lapsed", "missed"]


class TestRenegotiation:
    def propose(self, promise, by, **overrides):
        data = {
            "text": "Call the plumber and book a visit",
            "due_date": promise.due_date + dt.timedelta(days=2),
            "due_time": dt.time(18, 0),
        }
        data.update(overrides)
        services.promise_propose(promise=promise, by=by, **data)

    def test_accepting_changes_the_terms_and_keeps_the_old_ones_in_history(
        self, space, alice, bob
    ):
        promise = make_promise(space, alice)
        old_text, old_due = promise.text, promise.due_date
        self.propose(promise, alice)
        assert promise.text == old_text  # nothing changes until accepted
        services.promise_proposal_accept(promise=promise, by=bob)
        promise.refresh_from_db()
        assert promise.text == "Call the plumber and book a visit"
        assert promise.due_date == old_due + dt.timedelta(days=2)
        assert promise.renegotiations == 1
        assert promise.state == State.OPEN
        accepted = promise.events.get(kind=EventKind.ACCEPTED)
        assert accepted.old_text == old_text
        assert accepted.new_text == promise.text
        assert accepted.actor == bob
        run_tasks()
        assert Notification.objects.filter(
            user=alice, kind="promise.renegotiated"
        ).exists()

    def test_a_renegotiated_promise_is_not_missed_at_its_old_time(
        self, space, alice, bob
    ):
        promise = make_promise(space, alice)
        old_due_at = promise.due_at
        self.propose(promise, alice)
        services.promise_proposal_accept(promise=promise, by=bob)
        assert not services.promise_mark_missed(
            promise=promise, now=old_due_at + dt.timedelta(minutes=5)
        )

    def test_declining_keeps_the_promise_as_it_was(self, space, alice, bob):
        promise = make_promise(space, alice)
        before = (promise.text, promise.due_at)
        self.propose(promise, alice)
        services.promise_proposal_decline(
            promise=promise, by=bob, note="I need it done"
        )
        promise.refresh_from_db()
        assert (promise.text, promise.due_at) == before
        assert not promise.has_proposal
        assert promise.renegotiations == 0

    def test_the_promiser_may_withdraw_a_proposal(self, space, alice, bob):
        promise = make_promise(space, alice)
        self.propose(promise, alice)
        refused(services.promise_proposal_withdraw, promise, "wrong_person", by=bob)
        services.promise_proposal_withdraw(promise=promise, by=alice)
        assert not promise.has_proposal

    def test_only_the_promiser_proposes(self, space, alice, bob):
        promise = make_promise(space, alice)
        before = snapshot(promise)
        with pytest.raises(ValidationError) as caught:
            self.propose(promise, bob)
        assert caught.value.code == "wrong_person"
        assert snapshot(promise) == before

    def test_only_the_partner_accepts_or_declines(self, space, alice, bob):
        promise = make_promise(space, alice)
        self.propose(promise, alice)
        refused(services.promise_proposal_accept, promise, "wrong_person", by=alice)
        refused(services.promise_proposal_decline, promise, "wrong_person", by=alice)

    def test_there_is_nothing_to_accept_without_a_proposal(self, space, alice, bob):
        promise = make_promise(space, alice)
        refused(services.promise_proposal_accept, promise, "no_proposal", by=bob)
        refused(services.promise_proposal_decline, promise, "no_proposal", by=bob)
        refused(services.promise_proposal_withdraw, promise, "no_proposal", by=alice)

    def test_one_proposal_at_a_time(self, space, alice):
        promise = make_promise(space, alice)
        self.propose(promise, alice)
        before = snapshot(promise)
        with pytest.raises(ValidationError) as caught:
            self.propose(promise, alice, text="Something else")
        assert caught.value.code == "already_proposed"
        assert snapshot(promise) == before

    def test_proposing_after_the_due_time_is_refused(self, space, alice):
        promise = make_promise(space, alice)
        before = snapshot(promise)
        with pytest.raises(ValidationError) as caught:
            self.propose(promise, alice, now=later(promise))
        assert caught.value.code == "past_due"
        assert snapshot(promise) == before

    def test_accepting_after_the_due_time_is_refused(self, space, alice, bob):
        promise = make_promise(space, alice)
        self.propose(promise, alice)
        refused(
            services.promise_proposal_accept,
            promise,
            "past_due",
            by=bob,
            now=later(promise),
        )

    def test_the_same_terms_are_not_a_proposal(self, space, alice):
        promise = make_promise(space, alice)
        before = snapshot(promise)
        with pytest.raises(ValidationError) as caught:
            self.propose(
                promise,
                alice,
                text=promise.text,
                due_date=promise.due_date,
                due_time=promise.due_time,
            )
        assert caught.value.code == "unchanged"
        assert snapshot(promise) == before

    def test_a_proposed_time_in_the_past_is_refused(self, space, alice):
        promise = make_promise(space, alice)
        before = snapshot(promise)
        with pytest.raises(ValidationError):
            self.propose(promise, alice, due_date=dt.date(2000, 1, 1))
        assert snapshot(promise) == before

    def test_a_done_promise_cannot_be_renegotiated(self, space, alice):
        promise = make_promise(space, alice)
        services.promise_mark_done(promise=promise, by=alice)
        before = snapshot(promise)
        with pytest.raises(ValidationError) as caught:
            self.propose(promise, alice)
        assert caught.value.code == "wrong_state"
        assert snapshot(promise) == before


class TestCancelling:
    def test_it_takes_both_partners(self, space, alice, bob):
        promise = make_promise(space, alice)
        services.promise_cancel_request(promise=promise, by=alice)
        assert promise.state == State.OPEN
        refused(services.promise_cancel_agree, promise, "wrong_person", by=alice)
        services.promise_cancel_agree(promise=promise, by=bob)
        assert promise.state == State.CANCELLED
        run_tasks()
        assert Notification.objects.filter(
            user=alice, kind="promise.cancelled"
        ).exists()

    def test_the_promisee_may_ask_and_the_promiser_agree(self, space, alice, bob):
        promise = make_promise(space, alice)
        services.promise_cancel_request(promise=promise, by=bob)
        services.promise_cancel_agree(promise=promise, by=alice)
        assert promise.state == State.CANCELLED

    def test_declining_keeps_the_promise(self, space, alice, bob):
        promise = make_promise(space, alice)
        services.promise_cancel_request(promise=promise, by=alice)
        services.promise_cancel_decline(promise=promise, by=bob)
        assert promise.state == State.OPEN
        assert not promise.has_cancel_request

    def test_the_asker_may_withdraw_and_only_the_asker(self, space, alice, bob):
        promise = make_promise(space, alice)
        services.promise_cancel_request(promise=promise, by=alice)
        refused(services.promise_cancel_withdraw, promise, "no_cancel_request", by=bob)
        services.promise_cancel_withdraw(promise=promise, by=alice)
        assert not promise.has_cancel_request

    def test_one_request_at_a_time_and_only_while_open(self, space, alice, bob):
        promise = make_promise(space, alice)
        services.promise_cancel_request(promise=promise, by=alice)
        refused(services.promise_cancel_request, promise, "already_requested", by=bob)
        other = make_promise(space, alice, text="Other")
        services.promise_mark_done(promise=other, by=alice)
        refused(services.promise_cancel_request, other, "wrong_state", by=alice)

    def test_there_is_nothing_to_agree_to_without_a_request(self, space, alice, bob):
        promise = make_promise(space, alice)
        refused(services.promise_cancel_agree, promise, "no_cancel_request", by=bob)
        refused(services.promise_cancel_decline, promise, "no_cancel_request", by=bob)

    def test_a_cancelled_promise_takes_no_more_steps(self, space, alice, bob):
        promise = make_promise(space, alice)
        services.promise_cancel_request(promise=promise, by=alice)
        services.promise_cancel_agree(promise=promise, by=bob)
        refused(services.promise_mark_done, promise, "wrong_state", by=alice)
        assert not services.promise_mark_missed(promise=promise, now=later(promise))


def test_history_cannot_be_rewritten(space, alice):
    promise = make_promise(space, alice)
    event = promise.events.get()
    event.note = "rewritten"
    with pytest.raises(ValueError):
        event.save()
