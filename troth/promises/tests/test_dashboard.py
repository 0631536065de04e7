"""The promises card on Today: what needs me and what I promised that is
due soon, in one query however many promises there are."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from troth.promises import dashboard
from troth.promises.models import Promise, State
from troth.promises.tests.helpers import make_promise
from troth.spaces.models import Membership

pytestmark = pytest.mark.django_db


def card(rf, user) -> tuple[dict, int]:
    request = rf.get("/")
    request.user = user
    membership = Membership.objects.select_related("space").get(user=user)
    with CaptureQueriesContext(connection) as captured:
        (found,) = dashboard.cards(request, membership)
    return found["card"], len(captured)


def test_a_promise_due_soon_that_also_needs_me_is_in_both_lists(rf, space, alice, bob):
    promise = make_promise(space, alice, text="Fix the bike")
    Promise.objects.filter(pk=promise.pk).update(
        due_at=timezone.now() + dt.timedelta(hours=5), cancel_requested_by=bob
    )
    make_promise(space, bob, text="Bob's own")
    shown, _n = card(rf, alice)
    assert [p.text for p in shown["needing"]] == ["Fix the bike"]
    assert [p.text for p in shown["due_soon"]] == ["Fix the bike"]
    bobs, _n = card(rf, bob)
    assert bobs["needing"] == []
    assert [p.text for p in bobs["due_soon"]] == ["Bob's own"]


def test_it_shows_the_first_five_of_each_and_says_there_are_more(rf, space, alice, bob):
    soon = timezone.now() + dt.timedelta(hours=5)
    for n in range(3):
        make_promise(space, alice, text=f"Mine {n}")
        make_promise(space, bob, text=f"Theirs {n}")
    Promise.objects.filter(author=bob).update(state=State.DONE)
    Promise.objects.filter(author=alice).update(due_at=soon)
    _shown, few = card(rf, alice)
    for n in range(3, 40):
        make_promise(space, alice, text=f"Mine {n}")
        make_promise(space, bob, text=f"Theirs {n}")
    Promise.objects.filter(author=bob).update(state=State.DONE)
    Promise.objects.filter(author=alice).update(due_at=soon)
    shown, many = card(rf, alice)
    assert many == few == 1
    assert len(shown["needing"]) == len(shown["due_soon"]) == dashboard.SHOWN
    assert shown["more_needing"] and shown["more_due_soon"]
    assert all(p.author == bob for p in shown["needing"])
    assert all(p.author == alice for p in shown["due_soon"])
