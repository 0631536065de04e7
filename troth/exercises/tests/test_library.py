"""The library's pages: filters that work without JavaScript, and an
exercise page with everything in it. (What each entry holds:
test_library_content.py.)"""

from __future__ import annotations

import pytest
from django.utils.html import escape

from conftest import client_for
from troth.exercises import library

pytestmark = pytest.mark.django_db


def test_the_library_lists_them_all(alice, space):
    page = client_for(alice).get("/exercises/").content.decode()
    for item in library.EXERCISES:
        assert f'href="/exercises/{item.slug}/"' in page
    assert f"{len(library.EXERCISES)} exercises" in page


def test_it_filters_by_time(alice, space):
    page = client_for(alice).get("/exercises/?length=short&theme=").content.decode()
    short = [item for item in library.EXERCISES if item.minutes <= 10]
    assert f"{len(short)} of {len(library.EXERCISES)} exercises" in page
    for item in library.EXERCISES:
        assert (f'href="/exercises/{item.slug}/"' in page) == (item.minutes <= 10)


def test_it_filters_by_theme_and_time_together(alice, space):
    page = (
        client_for(alice)
        .get("/exercises/?length=medium&theme=conflict")
        .content.decode()
    )
    expected = {
        item.slug
        for item in library.EXERCISES
        if item.theme == "conflict" and 10 < item.minutes <= 30
    }
    assert expected
    for item in library.EXERCISES:
        assert (f'href="/exercises/{item.slug}/"' in page) == (item.slug in expected)


def test_a_filter_with_no_match_says_so(alice, space):
    page = (
        client_for(alice).get("/exercises/?length=long&theme=repair").content.decode()
    )
    assert "No exercise matches these filters." in page


def test_an_unknown_filter_value_is_explained(alice, space):
    response = client_for(alice).get("/exercises/?length=forever")
    assert response.status_code == 400
    assert b"Select a valid choice." in response.content
    assert f"{len(library.EXERCISES)} exercises".encode() in response.content


def test_htmx_gets_only_the_library(alice, space):
    response = client_for(alice).get(
        "/exercises/?theme=listening",
        headers={"HX-Request": "true", "HX-Target": "library"},
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="library"')
    assert "Mirror, then swap" in body and "<html" not in body


def test_an_exercise_page_has_everything(alice, space):
    item = library.get("heard-before-sorry")
    page = client_for(alice).get("/exercises/heard-before-sorry/").content.decode()
    assert str(item.title) in page
    assert str(item.purpose) in page
    assert "Who does what" in page and str(item.roles) in page
    for step in item.steps:
        assert str(step).replace("“", "&ldquo;")[:20] in page or str(step)[:20] in page
    assert "Frantz &amp; Bennigson (2005)" in page


def test_unverified_figures_are_never_shown(alice, space):
    page = client_for(alice).get("/exercises/noticing-reaches/").content.decode()
    assert "86%" not in page and "33%" not in page
    assert "could not be traced" in page


def test_an_unknown_exercise_is_not_found(alice, space):
    assert client_for(alice).get("/exercises/no-such-thing/").status_code == 404


def _listed(page: str) -> set[str]:
    return {
        item.slug
        for item in library.EXERCISES
        if f'href="/exercises/{item.slug}/"' in page
    }


def test_it_filters_for_couples_apart(alice, space):
    page = client_for(alice).get("/exercises/?where=apart").content.decode()
    apart = {item.slug for item in library.EXERCISES if item.for_apart}
    assert _listed(page) == apart
    assert f"{len(apart)} of {len(library.EXERCISES)} exercises" in page
    assert page.count('data-testid="for-apart"') == len(apart)


def test_it_filters_for_little_time_and_apart_together(alice, space):
    page = (
        client_for(alice)
        .get("/exercises/?length=short&theme=&where=apart")
        .content.decode()
    )
    expected = {
        item.slug for item in library.EXERCISES if item.for_apart and item.little_time
    }
    assert expected
    assert _listed(page) == expected


def test_an_unknown_setting_is_explained(alice, space):
    response = client_for(alice).get("/exercises/?where=moon")
    assert response.status_code == 400
    assert b"Select a valid choice." in response.content
    assert _listed(response.content.decode()) == set(library.BY_SLUG)


def test_every_exercise_page_says_what_to_do_if_it_goes_badly(alice, space):
    client = client_for(alice)
    for item in library.EXERCISES:
        page = client.get(f"/exercises/{item.slug}/").content.decode()
        assert 'data-testid="if-hard"' in page and "If it goes badly" in page
        assert escape(str(item.if_hard)) in page, item.slug
        for source in item.cited:
            assert escape(source.citation) in page, item.slug
        assert ('data-testid="apart"' in page) == bool(item.apart), item.slug
        # Where couples exercises are not advised is said on every page;
        # next to "if it goes badly" where the exercise touches hurt.
        assert "couples exercises are not advised where there is abuse" in page
        assert ('data-testid="not-advised"' in page) == item.tender, item.slug


def test_an_exercise_for_couples_apart_says_how(alice, space):
    item = library.get("mending-at-a-distance")
    assert item is not None and item.for_apart
    page = client_for(alice).get("/exercises/mending-at-a-distance/").content.decode()
    assert "If you're apart" in page and escape(str(item.apart)) in page
    assert "For couples apart" in page
    assert "The ideas behind it" in page  # it draws on two
    assert "Frantz &amp; Bennigson (2005)" in page
    assert "Lewicki, Polin &amp; Lount (2016)" in page


def test_an_exercise_that_needs_you_together_has_no_apart_part(alice, space):
    page = client_for(alice).get("/exercises/heard-before-sorry/").content.decode()
    assert 'data-testid="apart"' not in page
    assert "The idea behind it" in page
