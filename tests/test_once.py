"""A form that adds something takes effect once, however often it is sent
(troth/accounts/once.py): a double click adds one promise, one moment, one
follow-up, and the repeat lands where the first send did."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from unittest import mock

import pytest
from django.db.models import Model
from django.utils import timezone

from conftest import client_for
from troth.accounts import once
from troth.accounts.models import FormToken
from troth.checkins.models import Status
from troth.conflicts.models import Conflict
from troth.conflicts.tests.helpers import form_data as conflict_data
from troth.dialogue.models import Turn
from troth.goals.models import Milestone
from troth.goals.tests.helpers import goal
from troth.moments.models import Moment
from troth.promises.models import Promise
from troth.questions import services as questions
from troth.questions.models import FollowUp
from troth.repair.models import Account, Note
from troth.schedule.models import Event
from troth.schedule.tests.helpers import form_data as event_data
from troth.selfmap.models import Entry

pytestmark = pytest.mark.django_db

TOKEN_FIELD = re.compile(r'<input type="hidden" name="once_token" value="([^"]+)">')


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass
class Form:
    """A form that adds one `model` row: the page that shows it, where it
    posts, and what it sends."""

    page: str
    url: str
    data: dict
    model: type[Model]
    setup: Callable = field(default=lambda alice, bob, space: None)
    # Whether the same person may add a second one straight away.
    again: bool = True


def _round(alice, bob, space):
    round = questions.round_for_day(space=space)
    questions.answer_create(round=round, by=alice, text="Alice's answer")
    questions.answer_create(round=round, by=bob, text="Bob's answer")
    return round.pk


def _goal(alice, bob, space):
    return goal(space, alice).pk


def _repair(alice, bob, space):
    from troth.repair import services as repair

    return repair.repair_open(
        space=space, by=alice, opened_as="hurt", summary="The call.", seriousness=2
    ).pk


def _dialogue(alice, bob, space):
    from troth.dialogue.tests.factories import started

    return started(space, alice).pk


FORMS = {
    "promise": Form(
        "/promises/new",
        "/promises/new",
        {
            "text": "Fix the bike light",
            "due_date": (timezone.localdate() + timedelta(days=1)).isoformat(),
        },
        Promise,
    ),
    "moment": Form(
        "/moments/new",
        "/moments/new",
        {
            "about": "partner",
            "kind": "listened",
            "note": "You let me finish.",
            "occurred_on": timezone.localdate().isoformat(),
        },
        Moment,
    ),
    "follow-up": Form(
        "/questions/{pk}/",
        "/questions/{pk}/followups",
        {"text": "Tell me more?"},
        FollowUp,
        _round,
    ),
    "status": Form("/checkins/", "/checkins/status", {"kind": "arrived"}, Status),
    "conflict": Form("/conflicts/new", "/conflicts/new", conflict_data(), Conflict),
    "self-map entry": Form(
        "/self/new",
        "/self/new",
        {"kind": "boundary", "title": "Quiet time", "text": "Half an hour."},
        Entry,
    ),
    "goal step": Form(
        "/goals/{pk}/",
        "/goals/{pk}/steps",
        {"title": "Open an account", "owner": "me"},
        Milestone,
        _goal,
    ),
    "event": Form("/calendar/events/new", "/calendar/events/new", event_data(), Event),
    "repair note": Form(
        "/repair/{pk}/private",
        "/repair/{pk}/private/notes",
        {"text": "What I noticed today."},
        Note,
        _repair,
    ),
    "repair account": Form(
        "/repair/{pk}/",
        "/repair/{pk}/account",
        {"text": "What happened for me, and how it felt.", "seriousness": "2"},
        Account,
        _repair,
    ),
    "dialogue turn": Form(
        "/dialogue/{pk}/",
        "/dialogue/{pk}/step",
        {"action": "next", "text": "I feel alone at weekends."},
        Turn,
        _dialogue,
        again=False,  # then it is the partner's turn
    ),
}


@pytest.fixture(params=FORMS, ids=str)
def form(request, alice, bob, space):
    spec = FORMS[request.param]
    pk = spec.setup(alice, bob, space)
    before = spec.model._default_manager.count()
    return spec, spec.page.format(pk=pk), spec.url.format(pk=pk), before


def test_the_same_form_sent_twice_adds_one_row(form, alice):
    spec, page, url, before = form
    client = client_for(alice)
    shown = client.get(page)
    assert shown.status_code == 200
    token = TOKEN_FIELD.search(shown.text)
    assert token, f"{page} shows no one-time token"
    data = {**spec.data, "once_token": token[1]}
    first = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[:2000]
    second = client.post(url, data)
    assert spec.model._default_manager.count() == before + 1
    # The repeat goes where the first send went.
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    if spec.again:
        # A new token (the form shown again) adds another.
        again = client.post(url, {**spec.data, "once_token": new_token()})
        assert again.status_code == 302
        assert spec.model._default_manager.count() == before + 2


def test_each_showing_of_a_form_has_its_own_token(alice, space):
    client = client_for(alice)
    first = TOKEN_FIELD.findall(client.get("/promises/new").text)
    second = TOKEN_FIELD.findall(client.get("/promises/new").text)
    assert len(first) == len(second) == 1 and first != second


def test_a_refused_send_leaves_the_token_for_the_corrected_one(alice, space):
    client = client_for(alice)
    token = new_token()
    data = FORMS["promise"].data
    refused = client.post("/promises/new", {**data, "text": "", "once_token": token})
    assert refused.status_code == 400
    assert not FormToken.objects.exists()
    done = client.post("/promises/new", {**data, "once_token": token})
    assert done.status_code == 302
    assert Promise.objects.count() == 1


def test_a_repeat_with_htmx_refreshes_the_page_and_adds_nothing(alice, bob, space):
    pk = _round(alice, bob, space)
    client = client_for(alice)
    data = {"text": "Tell me more?", "once_token": new_token()}
    htmx = {"HTTP_HX_REQUEST": "true"}
    first = client.post(f"/questions/{pk}/followups", data, **htmx)
    assert first.status_code == 200
    again = client.post(f"/questions/{pk}/followups", data, **htmx)
    assert again.status_code == 204 and again["HX-Refresh"] == "true"
    assert FollowUp.objects.count() == 1


def test_a_repeat_while_the_first_is_still_saving_waits_then_says_so(alice, space):
    token = new_token()
    FormToken.objects.create(user=alice, token=token)  # the first, still at work
    client = client_for(alice)
    with mock.patch.object(once, "WAIT_SECONDS", 0.2):
        response = client.post(
            "/promises/new",
            {**FORMS["promise"].data, "once_token": token},
            HTTP_REFERER="http://testserver/promises/new",
            follow=True,
        )
    assert response.redirect_chain[0] == ("/promises/new", 302)
    assert "This was sent already and is still being saved." in response.text
    assert not Promise.objects.exists()


def test_tokens_are_per_person(alice, bob, space):
    token = new_token()
    data = {**FORMS["promise"].data, "once_token": token}
    assert client_for(alice).post("/promises/new", data).status_code == 302
    assert client_for(bob).post("/promises/new", data).status_code == 302
    assert Promise.objects.count() == 2


def test_a_form_without_a_token_works_as_before(alice, space):
    client = client_for(alice)
    for _ in range(2):
        assert client.post("/promises/new", FORMS["promise"].data).status_code == 302
    assert Promise.objects.count() == 2


def test_used_tokens_are_pruned_after_their_retention(alice, space):
    from troth.accounts.tasks import prune_form_tokens

    old = FormToken.objects.create(
        user=alice,
        token=new_token(),
        done=True,
        created=timezone.now() - FormToken.KEEP_FOR - timedelta(minutes=1),
    )
    recent = FormToken.objects.create(user=alice, token=new_token(), done=True)
    assert prune_form_tokens.call() == 1
    assert list(FormToken.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.pk != recent.pk
