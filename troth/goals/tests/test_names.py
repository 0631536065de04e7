"""One name per feature: the goals pages call the feature what the
navigation calls it ("Goals and adventures"), in the list's heading and in
every way back to the list."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from conftest import client_for
from troth.goals import services
from troth.goals.tests.helpers import adventure, goal
from troth.navigation import GROUPS

pytestmark = pytest.mark.django_db

PLACE = next(place for _g, places in GROUPS for place in places if place.key == "goals")
BACK_TO_LIST = f"Back to {str(PLACE.name).lower()}"


def text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def heading(page: str) -> str:
    found = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert len(found) == 1, found
    return text(found[0])


def back_links(page: str) -> list[tuple[str, str]]:
    """Each way back on the page: where it leads, and what it says."""
    return [
        (html.unescape(href), text(label))
        for href, label in re.findall(
            r'<p class="back"><a href="([^"]*)">(.*?)</a></p>', page, re.S
        )
    ]


def page_of(user, url: str) -> str:
    response = client_for(user).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_list_is_headed_with_the_navigations_name(space, alice):
    assert PLACE.name == "Goals and adventures"
    assert heading(page_of(alice, reverse("goals:index"))) == str(PLACE.name)


@pytest.mark.parametrize(
    "url_name", ["goals:new", "goals:adventure_new", "goals:memories", "goals:how"]
)
def test_each_page_leads_back_to_the_list_by_its_name(space, alice, url_name):
    page = page_of(alice, reverse(url_name))
    assert back_links(page) == [(reverse("goals:index"), BACK_TO_LIST)]


def test_a_goal_and_an_adventure_in_progress_lead_back_to_the_list(space, alice):
    for made in (goal(space, alice), adventure(space, alice)):
        page = page_of(alice, made.get_absolute_url())
        assert heading(page) == made.title
        assert back_links(page) == [(reverse("goals:index"), BACK_TO_LIST)]


def test_a_finished_goal_leads_back_to_the_memories_by_their_name(space, alice):
    memory = services.goal_finish(goal=goal(space, alice), by=alice)
    page = page_of(alice, memory.get_absolute_url())
    assert back_links(page) == [(reverse("goals:memories"), "Back to our memories")]
    # The memories page is headed with the words the list links it by.
    memories = page_of(alice, reverse("goals:memories"))
    assert heading(memories) == "Our memories"
    assert ">Our memories</a>" in page_of(alice, reverse("goals:index"))


def test_changing_or_reflecting_leads_back_to_the_goal_itself(space, alice):
    g = goal(space, alice)
    assert back_links(page_of(alice, reverse("goals:edit", args=[g.pk]))) == [
        (g.get_absolute_url(), "Back")
    ]
    memory = services.goal_finish(goal=g, by=alice)
    assert back_links(page_of(alice, reverse("goals:reflect", args=[g.pk]))) == [
        (memory.get_absolute_url(), "Back")
    ]
