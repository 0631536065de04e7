"""The promise pages as a person on a phone meets them: one line of
explanation, an empty list that says what to do first, and a repeat's
fields marked to show once the promise repeats (all show without JS)."""

from __future__ import annotations

import pytest

from conftest import client_for

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
