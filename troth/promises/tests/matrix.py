"""Who may reach each promise view: the two partners, never anyone else.

A POST by a partner who may not take that step is refused with a message
(400/409), not hidden: the matrix only checks who gets a 404."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tests.matrix import Case
from troth.promises import services

PARTNERS = {"alice", "bob"}


def _promise(world, **extra):
    due = (timezone.now() + dt.timedelta(days=2)).date()
    return services.promise_create(
        space=world.space, by=world.alice, text="Matrix promise", due_date=due, **extra
    )


def open_promise(world):
    return {"pk": _promise(world).pk}


def done_promise(world):
    promise = _promise(world)
    services.promise_mark_done(promise=promise, by=world.alice)
    return {"pk": promise.pk}


def proposed_promise(world):
    promise = _promise(world)
    services.promise_propose(
        promise=promise,
        by=world.alice,
        text="New words",
        due_date=promise.due_date + dt.timedelta(days=1),
    )
    return {"pk": promise.pk}


def cancel_requested(world):
    promise = _promise(world)
    services.promise_cancel_request(promise=promise, by=world.alice)
    return {"pk": promise.pk}


def repeating_promise(world):
    return {"pk": _promise(world, repeat="daily").pk}


def other_couples_promise(world):
    due = (timezone.now() + dt.timedelta(days=2)).date()
    promise = services.promise_create(
        space=world.other_space, by=world.carol, text="Theirs", due_date=due
    )
    return {"pk": promise.pk}


def post(label, make):
    return Case(label, make, PARTNERS, method="POST")


CASES = {
    "promises:detail": [
        Case("open promise", open_promise, PARTNERS),
        Case("repeating promise", repeating_promise, PARTNERS),
        Case("another couple's", other_couples_promise, {"carol", "dave"}),
    ],
    "promises:done": [
        post("open promise", open_promise),
        Case(
            "another couple's", other_couples_promise, {"carol", "dave"}, method="POST"
        ),
    ],
    "promises:confirm": [post("done promise", done_promise)],
    "promises:respond": [post("done promise", done_promise)],
    "promises:propose": [
        # Bob may open it (409: only Alice may propose), outsiders get 404.
        Case("open promise", open_promise, PARTNERS),
        post("open promise", open_promise),
    ],
    "promises:proposal_accept": [post("proposed", proposed_promise)],
    "promises:proposal_decline": [post("proposed", proposed_promise)],
    "promises:proposal_withdraw": [post("proposed", proposed_promise)],
    "promises:cancel_request": [post("open promise", open_promise)],
    "promises:cancel_agree": [post("cancel requested", cancel_requested)],
    "promises:cancel_decline": [post("cancel requested", cancel_requested)],
    "promises:cancel_withdraw": [post("cancel requested", cancel_requested)],
}
