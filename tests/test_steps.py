"""The step abstraction (troth.spaces.steps): one partner guard, one row
lock, one refusal type, and `allowed` (what the pages show) agreeing with
what the services let a person do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from conftest import make_space, make_user
from troth.promises import services
from troth.promises.models import Promise, State
from troth.promises.steps import STEPS
from troth.promises.tests.helpers import make_promise
from troth.spaces.models import Membership
from troth.spaces.services import space_leave
from troth.spaces.steps import Refused, lock, require_partner
from troth.spaces.stepviews import refused, take_step

# Each promise step, taken through its service.
CALLS = {
    "mark_done": lambda p, u, now: services.promise_mark_done(promise=p, by=u, now=now),
    "confirm_kept": lambda p, u, now: services.promise_confirm(
        promise=p, by=u, kept=True, now=now
    ),
    "confirm_not_quite": lambda p, u, now: services.promise_confirm(
        promise=p, by=u, kept=False, note="Not the whole thing", now=now
    ),
    "respond": lambda p, u, now: services.promise_respond(
        promise=p, by=u, note="Sorry"
    ),
    "propose": lambda p, u, now: services.promise_propose(
        promise=p,
        by=u,
        text="Call the plumber on Friday",
        due_date=p.due_date + dt.timedelta(days=3),
        now=now,
    ),
    "accept_proposal": lambda p, u, now: services.promise_proposal_accept(
        promise=p, by=u, now=now
    ),
    "decline_proposal": lambda p, u, now: services.promise_proposal_decline(
        promise=p, by=u, now=now
    ),
    "withdraw_proposal": lambda p, u, now: services.promise_proposal_withdraw(
        promise=p, by=u
    ),
    "request_cancel": lambda p, u, now: services.promise_cancel_request(
        promise=p, by=u
    ),
    "agree_cancel": lambda p, u, now: services.promise_cancel_agree(
        promise=p, by=u, now=now
    ),
    "decline_cancel": lambda p, u, now: services.promise_cancel_decline(
        promise=p, by=u
    ),
    "withdraw_cancel": lambda p, u, now: services.promise_cancel_withdraw(
        promise=p, by=u
    ),
}


def _situations(space, alice, bob):
    """Promises from Alice to Bob at every point of their life."""

    def made():
        return make_promise(space, alice, days=2)

    def then(*steps):
        promise = made()
        for name, who in steps:
            CALLS[name](promise, {"a": alice, "b": bob}[who], None)
        return promise

    return {
        "open": made(),
        "proposed": then(("propose", "a")),
        "cancel asked by alice": then(("request_cancel", "a")),
        "cancel asked by bob": then(("request_cancel", "b")),
        "done": then(("mark_done", "a")),
        "not quite": then(("mark_done", "a"), ("confirm_not_quite", "b")),
        "responded": then(
            ("mark_done", "a"), ("confirm_not_quite", "b"), ("respond", "a")
        ),
        "kept": then(("mark_done", "a"), ("confirm_kept", "b")),
        "cancelled": then(("request_cancel", "a"), ("agree_cancel", "b")),
    }


def _takes(name: str, promise: Promise, user, now) -> Refused | None:
    """Whether the service lets `user` take the step; nothing is kept."""
    fresh = Promise.objects.get(pk=promise.pk)
    with transaction.atomic():
        try:
            CALLS[name](fresh, user, now)
        except Refused as refusal:
            return refusal
        finally:
            transaction.set_rollback(True)
    return None


@pytest.mark.django_db
def test_the_pages_offer_exactly_the_steps_the_services_allow(space, alice, bob):
    assert set(CALLS) == set(STEPS.steps), "every declared step is exercised"
    situations = _situations(space, alice, bob)
    offered = refused_count = 0
    for label, promise in situations.items():
        promise = Promise.objects.get(pk=promise.pk)
        for when in ("now", "past due"):
            now = timezone.now() if when == "now" else promise.due_at
            for user in (alice, bob):
                allowed = STEPS.allowed(promise, user, now)
                for name in CALLS:
                    if when == "past due" and name in (
                        "respond",
                        "withdraw_proposal",
                        "request_cancel",
                        "decline_cancel",
                        "withdraw_cancel",
                    ):
                        continue  # these services take no time: always now
                    refusal = _takes(name, promise, user, now)
                    where = f"{name} by {user} when {label}, {when}"
                    assert (refusal is None) == (name in allowed), where
                    if refusal is None:
                        offered += 1
                    else:
                        refused_count += 1
                        said = STEPS.refusal(name, promise, user, now)
                        assert said is not None and said.code == refusal.code, where
    assert offered > 10 and refused_count > 100


@pytest.mark.django_db
def test_a_refused_step_changes_nothing_and_says_why(space, alice, bob):
    promise = make_promise(space, alice)
    with pytest.raises(Refused) as caught:
        services.promise_mark_done(promise=promise, by=bob)
    assert caught.value.code == "wrong_person"
    assert caught.value.message == f"Only {alice} can mark their promise as done."
    promise.refresh_from_db()
    assert promise.state == State.OPEN
    assert promise.events.count() == 1  # made, nothing since


@pytest.mark.django_db
def test_one_partner_guard(space, alice, bob):
    carol = make_user("carol")
    with pytest.raises(Refused) as caught:
        require_partner(space, carol)
    assert caught.value.code == "not_member"
    require_partner(space, alice)  # a partner passes
    space_leave(membership=Membership.objects.get(user=bob, left_at__isnull=True))
    with pytest.raises(Refused) as caught:
        require_partner(space, alice)
    assert caught.value.code == "closed"
    assert "closed" in caught.value.message


@pytest.mark.django_db
def test_nothing_is_allowed_in_a_closed_space(space, alice, bob):
    promise = make_promise(space, alice)
    assert "mark_done" in STEPS.allowed(promise, alice)
    space_leave(membership=Membership.objects.get(user=bob, left_at__isnull=True))
    promise = Promise.objects.select_related("space").get(pk=promise.pk)
    assert STEPS.allowed(promise, alice) == frozenset()


@pytest.mark.django_db
def test_lock_reads_the_row_as_it_is_now(space, alice):
    promise = make_promise(space, alice)
    Promise.objects.filter(pk=promise.pk).update(text="Changed elsewhere")
    with transaction.atomic():
        assert lock(promise, "space").text == "Changed elsewhere"
    assert promise.text != "Changed elsewhere"


@pytest.mark.django_db
def test_the_step_view_answers_a_refusal_with_409_and_the_page(alice, bob):
    space = make_space(alice, bob)
    promise = make_promise(space, alice)
    request = RequestFactory().post("/")
    request.user = bob
    shown = {}

    def page(**extra):
        shown.update(extra)
        return HttpResponse("page")

    response = take_step(
        request,
        promise,
        lambda: services.promise_mark_done(promise=promise, by=bob),
        page=page,
        done="Done.",
    )
    assert response.status_code == 409
    assert "Only" in shown["refusal"]
    # Input that isn't right is a 400, not a refusal.
    response = refused(page, promise, ValidationError({"note": "Too long"}))
    assert response.status_code == 400
