"""The promise pages as a person on a phone meets them: one line of
explanation, an empty list that says what to do first, and a repeat's
fields marked to show once the promise repeats (all show without JS)."""

from __future__ import annotations

import pytest

from conftest import client_for
from troth.promises import services
from troth.promises.tests.helpers import make_promise

pytestmark = pytest.mark.django_db


def test_an_empty_list_offers_a_first_promise(space, alice):
    html = client_for(alice).get("/promises/?show=mine").content.decode()
    assert 'data-testid="promise-list-empty"' in html
    assert "No promises of yours here." in html
    assert 'class="button" href="/promises/new"' in html
    assert "<summary>Learn more</summary>" in html


def test_a_repeats_days_and_last_day_wait_until_it_repeats(space, alice):
    html = client_for(alice).get("/promises/new").content.decode()
    assert '<div data-show-when="repeat=weekly">' in html
    assert '<div data-show-when="repeat=daily|weekly|monthly">' in html
    # Without the script every field is in the page, none hidden by the server.
    assert 'name="weekdays"' in html and 'name="until"' in html
    assert (
        " hidden" not in html.split('data-testid="promise-form"')[1].split("</form>")[0]
    )


def test_a_new_couple_sees_when_figures_appear_and_the_zeros_folded(space, alice):
    html = client_for(alice).get("/promises/figures").content.decode()
    assert 'data-testid="figures-empty"' in html
    assert "Figures appear here once a promise falls due" in html
    assert "<summary>The numbers</summary>" in html
    assert "Promises you made" in html  # still there, folded


def test_a_couple_with_a_settled_promise_sees_the_figures_open(space, alice, bob):
    promise = make_promise(space, alice)
    services.promise_mark_done(promise=promise, by=alice)
    services.promise_confirm(promise=promise, by=bob, kept=True)
    html = client_for(alice).get("/promises/figures").content.decode()
    assert 'data-testid="figures-empty"' not in html
    assert "The numbers" not in html


def test_confirming_without_an_answer_says_what_to_choose_and_changes_nothing(
    space, alice, bob
):
    promise = make_promise(space, alice)
    services.promise_mark_done(promise=promise, by=alice)
    client = client_for(bob)
    page = client.get(f"/promises/{promise.pk}/").content.decode()
    assert 'class="segmented"' in page  # kept or not quite, one tap each
    response = client.post(f"/promises/{promise.pk}/confirm", {"note": ""})
    html = response.content.decode()
    assert response.status_code in (200, 400)
    assert "Choose kept or not quite." in html
    assert 'aria-describedby="id_outcome-error"' in html
    promise.refresh_from_db()
    assert promise.state == "done"
