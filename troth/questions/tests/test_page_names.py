"""One name per feature: the everyday and knowing-each-other pages open with
the same words the navigation gives them (troth/navigation.py)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from conftest import client_for
from troth.navigation import GROUPS

pytestmark = pytest.mark.django_db

MINE = {
    "promises",
    "checkins",
    "calendar",
    "moments",
    "agreements",
    "questions",
    "selfmap",
}


def heading(html: str) -> str:
    found = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert len(found) == 1, found
    return unescape(re.sub(r"<[^>]+>", "", found[0])).strip()


def test_each_index_page_is_headed_by_its_name_in_the_navigation(space, alice):
    client = client_for(alice)
    places = [place for _group, group in GROUPS for place in group if place.key in MINE]
    assert {place.key for place in places} == MINE
    for place in places:
        response = client.get(reverse(place.url_name), follow=True)
        assert response.status_code == 200, place
        assert heading(response.content.decode()) == str(place.name), place
