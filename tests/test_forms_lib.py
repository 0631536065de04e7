"""The shared pieces of Troth's forms (troth/lib/forms.py): what a person
sees and is told when a form built from them is shown or sent back."""

from __future__ import annotations

import datetime as dt

from troth.lib import forms as lib


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
