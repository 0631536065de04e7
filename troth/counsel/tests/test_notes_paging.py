"""A window's notes and suggestions, a page at a time on the partners'
window page and on the counsellor's: every note stays in reach however
many there are, and a bad page number never fails."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.utils import timezone

from conftest import client_for
from troth.counsel.models import Note, Suggestion
from troth.counsel.notes import PAGE_SIZE
from troth.counsel.tests.helpers import counsellor, opened
from troth.exercises.library import EXERCISES

pytestmark = pytest.mark.django_db

NOTES = 2 * PAGE_SIZE + 5


@pytest.fixture
def window(alice, bob, space):
    kim = counsellor()
    window = opened(space, alice, bob, held_by=kim)
    start = timezone.now() - dt.timedelta(days=1)
    notes = Note.objects.bulk_create(
        Note(window=window, author=kim, text=f"Note number {n}.") for n in range(NOTES)
    )
    suggestions = Suggestion.objects.bulk_create(
        Suggestion(
            window=window, author=kim, exercise=EXERCISES[0].slug, note=f"Idea {n}."
        )
        for n in range(PAGE_SIZE + 1)
    )
    # Written a minute apart, oldest first: note 0 is the oldest.
    for n, row in enumerate(notes + suggestions):
        type(row).objects.filter(pk=row.pk).update(
            created=start + dt.timedelta(minutes=n)
        )
    return window


def _shown(body: str, what: str) -> list[int]:
    return [int(n) for n in re.findall(rf"{what} (\d+)\.", body)]


def _pager_links(body: str, labelledby: str) -> dict[str, str]:
    nav = re.search(
        rf'<nav class="actions" aria-labelledby="{labelledby}">(.*?)</nav>', body, re.S
    )
    if nav is None:
        return {}
    return {
        word: html.unescape(href)
        for href, word in re.findall(r'<a href="([^"]+)">(\w+)</a>', nav.group(1))
    }


@pytest.mark.parametrize("who", ["alice", "kim"])
def test_every_note_is_reached_page_by_page_newest_first(window, alice, who):
    person = alice if who == "alice" else counsellor()
    path = f"/counsel/{window.pk}/" if who == "alice" else f"/counsel/w/{window.pk}/"
    client = client_for(person)
    seen: list[int] = []
    query = ""
    for _ in range(NOTES):  # more than enough pages
        response = client.get(path + query)
        assert response.status_code == 200
        body = response.content.decode()
        shown = _shown(body, "Note number")
        assert 0 < len(shown) <= PAGE_SIZE
        seen += shown
        links = _pager_links(body, "notes-title")
        if "Older" not in links:
            break
        query = links["Older"].split("#")[0]
    assert seen == list(reversed(range(NOTES)))
    # The last page links back to the newer ones.
    assert "Newer" in links and "Older" not in links


def test_each_list_keeps_the_others_page(window, alice):
    client = client_for(alice)
    body = client.get(f"/counsel/{window.pk}/?notes=2&suggestions=2").content.decode()
    assert _shown(body, "Note number") == list(
        reversed(range(NOTES - 2 * PAGE_SIZE, NOTES - PAGE_SIZE))
    )
    assert _shown(body, "Idea") == [0]
    older = _pager_links(body, "notes-title")["Older"]
    assert "notes=3" in older and "suggestions=2" in older
    assert older.endswith("#notes-title")
    newer = _pager_links(body, "suggestions-title")["Newer"]
    assert "suggestions=1" in newer and "notes=2" in newer


@pytest.mark.parametrize("number", ["0", "-1", "abc", "9999", "1e3", ""])
def test_a_bad_page_number_shows_a_page_and_never_fails(window, alice, number):
    client = client_for(alice)
    response = client.get(f"/counsel/{window.pk}/", {"notes": number})
    assert response.status_code == 200
    assert _shown(response.content.decode(), "Note number")


def test_few_notes_show_no_pager(alice, bob, space):
    kim = counsellor()
    window = opened(space, alice, bob, held_by=kim)
    Note.objects.create(window=window, author=kim, text="Note number 1.")
    body = client_for(alice).get(f"/counsel/{window.pk}/").content.decode()
    assert _shown(body, "Note number") == [1]
    assert _pager_links(body, "notes-title") == {}
