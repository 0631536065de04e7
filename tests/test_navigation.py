"""The app shell's navigation (troth/navigation.py): the phone's tab bar,
the side navigation and the More page come from one list of places."""

from __future__ import annotations

import copy
import re

import pytest
from django.urls import reverse

from conftest import client_for
from troth.navigation import GROUPS, TABS, current_url

pytestmark = pytest.mark.django_db


def tab_names(html: str) -> list[str]:
    bar = re.search(r'<nav class="tabbar"[^>]*>(.*?)</nav>', html, re.S)
    assert bar, "no tab bar"
    return re.findall(r"<span>([^<]+)</span>", bar[1])


def current_links(html: str) -> list[str]:
    return re.findall(
        r'aria-current="page"[^>]*>(?:<svg.*?</svg>)?<span>([^<]+)<', html
    )


def test_a_partner_has_five_tabs_with_the_page_they_are_on_marked(space, alice):
    html = client_for(alice).get("/promises/").content.decode()
    assert tab_names(html) == ["Today", "Promises", "Calendar", "Questions", "More"]
    # The tab and the side navigation's link both say where the person is.
    assert current_links(html) == ["Promises", "Promises"]


def test_a_page_inside_a_feature_marks_that_feature(space, alice):
    html = client_for(alice).get("/calendar/month", follow=True).content.decode()
    assert set(current_links(html)) == {"Calendar"}
    html = client_for(alice).get("/").content.decode()
    assert set(current_links(html)) == {"Today"}


def test_the_more_page_lists_every_place_by_purpose_and_each_one_opens(space, alice):
    client = client_for(alice)
    response = client.get("/more/")
    html = response.content.decode()
    assert response.status_code == 200
    groups = re.findall(r'<h2 class="nav-group-name">([^<]+)</h2>', html)
    assert groups == [
        "Everyday",
        "Knowing each other",
        "Hard times",
        "Looking back",
        "Settings and safety",
    ]
    for _name, places in GROUPS:
        for place in places:
            assert client.get(reverse(place.url_name)).status_code == 200, place
    assert 'data-testid="sign-out"' in html


def test_someone_without_a_space_sees_only_what_they_can_use(eve):
    client = client_for(eve)
    html = client.get("/more/").content.decode()
    assert tab_names(html) == ["Today", "More"]
    names = re.findall(r"<span>([^<]+)</span>", html)
    assert "Promises" not in names and "Repair" not in names
    assert {"What I share", "Settings", "Sign out"} <= set(names)


def test_the_more_page_asks_a_stranger_to_sign_in(client):
    response = client.get("/more/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_signed_out_pages_have_no_navigation(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "tabbar" not in html and "sidenav" not in html


def test_the_longest_place_a_path_starts_with_is_its_own():
    urls = ["/", "/calendar/", "/calendar/rituals/", "/promises/"]
    assert current_url("/", urls) == "/"
    assert current_url("/calendar/week", urls) == "/calendar/"
    assert current_url("/calendar/rituals/3", urls) == "/calendar/rituals/"
    assert current_url("/settings/", urls) is None


def test_at_most_five_tabs_and_every_place_has_an_icon_in_the_sprite():
    from pathlib import Path

    sprite = Path("troth/static/troth/icons.svg").read_text()
    places = [place for _name, group in GROUPS for place in group] + TABS
    assert len(TABS) <= 5
    for place in places:
        assert f'<symbol id="{place.icon}"' in sprite, place.icon
    keys = [place.key for _name, group in GROUPS for place in group]
    assert len(keys) == len(set(keys))


def test_navigation_adds_no_query(space, alice, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(alice)

    def count() -> int:
        client.get("/promises/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/promises/").status_code == 200
        return len(queries)

    with_navigation = count()
    engine = copy.deepcopy(settings.TEMPLATES[0])
    processors = engine["OPTIONS"]["context_processors"]
    processors.remove("troth.navigation.navigation")
    settings.TEMPLATES = [engine]
    assert 'data-testid="tab-' not in client.get("/promises/").content.decode()
    # The membership it needs is the one the space context already fetched.
    assert count() == with_navigation


def sign_out_token(html: str) -> str:
    form = re.search(
        r'<form method="post" action="/accounts/logout/">(.*?)</form>', html, re.S
    )
    assert form, "no sign-out form"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form[1])
    assert token
    return token[1]


def test_each_person_signs_out_with_their_own_token(space, alice, bob):
    # The links are rendered once and kept; the sign-out form's token is
    # still each request's own, and works only for its own session.
    from django.test import Client

    clients = {}
    for person in (alice, bob):
        clients[person] = Client(enforce_csrf_checks=True)
        clients[person].force_login(person)
    tokens = {
        person: sign_out_token(client.get("/promises/").content.decode())
        for person, client in clients.items()
    }
    assert tokens[alice] != tokens[bob]
    refused = clients[bob].post("/accounts/logout/", {"csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403
    for person, client in clients.items():
        response = client.post(
            "/accounts/logout/", {"csrfmiddlewaretoken": tokens[person]}
        )
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session


def test_the_links_are_rendered_once_per_place(space, alice):
    client = client_for(alice)
    client.get("/promises/")
    again = client.get("/promises/")
    assert "includes/nav.html" not in [t.name for t in again.templates]
    assert current_links(again.content.decode()) == ["Promises", "Promises"]
