"""The library: complete entries, filters that work without JavaScript."""

from __future__ import annotations

import pytest
from django.utils.functional import Promise

from conftest import client_for
from troth.exercises import library

pytestmark = pytest.mark.django_db


def test_it_has_at_least_fifteen_complete_exercises():
    assert len(library.EXERCISES) >= 15
    assert len(library.BY_SLUG) == len(library.EXERCISES)  # unique slugs
    for item in library.EXERCISES:
        assert item.minutes > 0
        assert item.theme in library.Theme.values
        assert item.source in library.SOURCES
        assert len(item.steps) >= 3
        for text in (item.title, item.purpose, item.roles, *item.steps):
            assert isinstance(text, Promise), f"{item.slug}: not marked for translation"
            assert str(text).strip()
    for source in library.SOURCES.values():
        assert isinstance(source.idea, Promise) and source.citation


def test_every_theme_and_length_has_something():
    assert {item.theme for item in library.EXERCISES} == set(library.Theme.values)
    assert {item.length for item in library.EXERCISES} == set(library.Length.values)


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
    assert "No exercise matches both filters." in page


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
