"""One name per feature: the pages of hard times and those near them open
with the same words the navigation gives them, and a new couple's empty
pages say what to do first rather than showing nothing."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from conftest import client_for
from troth.navigation import GROUPS

pytestmark = pytest.mark.django_db

PLACES = {place.key: place for _group, places in GROUPS for place in places}
KEYS = ["dialogue", "goals", "exercises", "conflicts", "repair", "safety"]


def heading(page: str) -> str:
    found = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert len(found) == 1, found
    return html.unescape(re.sub(r"<[^>]+>", "", found[0])).strip()


@pytest.mark.parametrize("key", KEYS)
def test_it_names_the_page_as_the_navigation_does(space, alice, key):
    place = PLACES[key]
    page = client_for(alice).get(reverse(place.url_name)).content.decode()
    assert heading(page) == str(place.name)


def test_it_names_the_updates_page_as_the_header_does(space, alice):
    page = client_for(alice).get(reverse("notifications:inbox")).content.decode()
    assert heading(page) == "Updates"
    assert '<span class="nav-inbox-label">Updates</span>' in page


@pytest.mark.parametrize(
    "url", ["/repair/", "/dialogue/", "/conflicts/", "/goals/", "/notifications/"]
)
def test_it_greets_a_new_couple_with_a_picture_and_a_first_line(space, alice, url):
    page = client_for(alice).get(url).content.decode()
    assert 'data-testid="empty"' in page
    assert 'class="empty-art"' in page


def test_it_keeps_the_explanation_one_click_away_without_script(space, alice):
    page = client_for(alice).get("/repair/").content.decode()
    assert '<details class="learn-more">' in page
    assert "nobody is asked to forgive" in page
