"""The promises builder leaves the same promise and history as a person's
steps through the services: what the demo and the tests build in the past
is what Troth itself would have written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from troth.promises import services
from troth.promises.builders import draft_promise, save_promises
from troth.promises.models import Promise, State
from troth.promises.tests.helpers import make_promise

pytestmark = pytest.mark.django_db

SAME = (
    "state",
    "text",
    "due_date",
    "due_time",
    "renegotiations",
    "proposed_due_date",
)


def history(promise: Promise) -> list[tuple]:
    return [
        (e.kind, e.actor_id, e.note or "", e.new_due_date)
        for e in promise.events.order_by("id")
    ]


def looks_the_same(built: Promise, lived: Promise) -> None:
    lived.refresh_from_db()
    assert {f: getattr(built, f) for f in SAME} == {f: getattr(lived, f) for f in SAME}
    assert (built.done_at is None) == (lived.done_at is None)
    assert (built.settled_at is None) == (lived.settled_at is None)
    assert history(built) == history(lived)


def drafted(space, alice, lived: Promise):
    """A draft with the same terms as `lived`, made a week ago."""
    return draft_promise(
        space,
        alice,
        text=lived.text,
        due_date=lived.due_date,
        made_at=timezone.now() - dt.timedelta(days=7),
    )


def test_a_kept_promise(space, alice, bob):
    lived = make_promise(space, alice)
    services.promise_mark_done(promise=lived, by=alice)
    services.promise_confirm(promise=lived, by=bob, kept=True)
    now = timezone.now()
    (built,) = save_promises([drafted(space, alice, lived).done(now).kept(now)])
    assert built.state == State.KEPT
    looks_the_same(built, lived)


def test_a_promise_not_quite_kept_and_answered(space, alice, bob):
    lived = make_promise(space, alice)
    services.promise_mark_done(promise=lived, by=alice)
    services.promise_confirm(promise=lived, by=bob, kept=False, note="Half of it.")
    services.promise_respond(promise=lived, by=alice, note="I'll finish it.")
    now = timezone.now()
    draft = drafted(space, alice, lived).done(now)
    draft.not_quite(now, "Half of it.").responded(now, "I'll finish it.")
    (built,) = save_promises([draft])
    assert built.state == State.NOT_QUITE
    looks_the_same(built, lived)


def test_a_renegotiated_promise(space, alice, bob):
    lived = make_promise(space, alice)
    draft = drafted(space, alice, lived)  # on the terms it was made with
    later = lived.due_date + dt.timedelta(days=3)
    services.promise_propose(promise=lived, by=alice, text=lived.text, due_date=later)
    services.promise_proposal_accept(promise=lived, by=bob)
    now = timezone.now()
    (built,) = save_promises([draft.renegotiated(now, now, later)])
    assert (built.due_date, built.renegotiations) == (later, 1)
    looks_the_same(built, lived)


def test_a_proposal_waiting_for_an_answer(space, alice, bob):
    lived = make_promise(space, alice)
    later = lived.due_date + dt.timedelta(days=2)
    services.promise_propose(promise=lived, by=alice, text=lived.text, due_date=later)
    (built,) = save_promises(
        [drafted(space, alice, lived).proposed(timezone.now(), later)]
    )
    assert built.proposed_due_date == later
    looks_the_same(built, lived)


def test_a_promise_called_off_together(space, alice, bob):
    lived = make_promise(space, alice)
    services.promise_cancel_request(promise=lived, by=bob)
    services.promise_cancel_agree(promise=lived, by=alice)
    now = timezone.now()
    (built,) = save_promises([drafted(space, alice, lived).cancelled(now, now)])
    assert built.state == State.CANCELLED
    looks_the_same(built, lived)


def test_a_missed_promise(space, alice, bob):
    lived = make_promise(space, alice)
    services.promise_mark_missed(
        promise=lived, now=lived.due_at + dt.timedelta(minutes=1)
    )
    (built,) = save_promises(
        [drafted(space, alice, lived).missed(lived.due_at + dt.timedelta(minutes=1))]
    )
    assert built.state == State.MISSED
    looks_the_same(built, lived)
