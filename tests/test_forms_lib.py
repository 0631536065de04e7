"""The shared pieces of Troth's forms (troth/lib/forms.py): what a person
sees and is told when a form built from them is shown or sent back."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.test.html import parse_html

from troth.lib import forms as lib


def assertHTMLEqual(ours: str, django: str) -> None:
    assert parse_html(ours) == parse_html(django), (ours, django)


class Entry(lib.Form):
    title = lib.text_field("Title", 20, missing="Name it.", too_long="Keep it short.")
    on = lib.date_field("When", required=False, invalid="Enter a date.")
    mood = lib.choice_field(
        "Mood", [("up", "Up"), ("down", "Down")], radio=True, choose="Pick a mood."
    )
    rating = lib.scale_field("How much", required=False)
    note = lib.note_field("A note (optional)", 50)


def test_labels_have_no_trailing_colon():
    # Django adds ":" to a label that ends without punctuation.
    assert ">Title</label>" in str(Entry())


def test_the_date_picker_shows_the_day_as_iso():
    html = str(Entry(initial={"on": dt.date(2026, 3, 4)}))
    assert 'type="date"' in html
    assert 'value="2026-03-04"' in html


def test_blanks_alone_are_told_the_missing_words():
    form = Entry(data={"title": "   ", "mood": "up"})
    assert form.errors["title"] == ["Name it."]


def test_too_long_words_are_told_the_too_long_words():
    form = Entry(data={"title": "x" * 21, "mood": "up"})
    assert form.errors["title"] == ["Keep it short."]


def test_choose_is_said_for_no_choice_and_for_an_unknown_one():
    assert Entry(data={"title": "A"}).errors["mood"] == ["Pick a mood."]
    unknown = Entry(data={"title": "A", "mood": "sideways"})
    assert unknown.errors["mood"] == ["Pick a mood."]


def test_an_optional_rating_left_out_is_none_and_a_given_one_a_number():
    form = Entry(data={"title": "A", "mood": "up"})
    assert form.is_valid()
    assert form.cleaned_data["rating"] is None
    rated = Entry(data={"title": "A", "mood": "up", "rating": "6"})
    assert rated.is_valid()
    assert rated.cleaned_data["rating"] == 6


def test_a_note_may_be_left_out_and_is_a_box():
    form = Entry(data={"title": "A", "mood": "up"})
    assert form.is_valid()
    assert form.cleaned_data["note"] == ""
    assert "<textarea" in str(form["note"])


MENUS = [
    [("a", "Apple"), ("b", "Banana & <cream>"), ("c", "Cherry")],
    [("", "---"), ("a", "Apple")],
    [(None, "None yet"), (1, "One"), (2, "Two")],
    [("Fruit", [("a", "Apple"), ("b", "Banana")]), ("x", "Other")],
    [("dup", "First"), ("dup", "Second")],
]


@pytest.mark.parametrize("choices", MENUS)
@pytest.mark.parametrize("value", [None, "", "a", "b", 1, "2", "dup", "missing"])
def test_a_menu_is_the_html_django_writes(choices, value):
    # Same options, labels escaped, the first matching option selected.
    attrs = {"id": "id_pick", "required": True, "data-x": "1", "hidden": False}
    ours = lib.Select(choices=choices).render("pick", value, attrs)
    django = forms.Select(choices=choices).render("pick", value, attrs)
    assertHTMLEqual(ours, django)


def test_a_menu_keeps_the_value_a_form_was_sent_back_with():
    class Zone(lib.Form):
        zone = lib.choice_field("Zone", [("UTC", "UTC"), ("Europe/Paris", "Paris")])

    html = str(Zone(data={"zone": "Europe/Paris"})["zone"])
    assert '<option value="Europe/Paris" selected>Paris</option>' in html
    assert '<option value="UTC">UTC</option>' in html


def test_cached_choices_are_worked_out_once_and_shared_by_every_form():
    calls = []

    def compute():
        calls.append(1)
        return [("a", "A"), ("b", "B")]

    class Pick(lib.Form):
        pick = lib.choice_field("Pick", lib.CachedChoices(compute))

    for _ in range(3):
        form = Pick(data={"pick": "b"})
        assert form.is_valid()
        assert 'value="b" selected' in str(form["pick"])
    assert len(calls) == 1
    assert not Pick(data={"pick": "c"}).is_valid()
