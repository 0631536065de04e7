"""Troth's own deck: three levels, every theme, written to be translated."""

from __future__ import annotations

from collections import Counter

from django.utils.functional import Promise

from troth.questions.deck import DECK, DECK_BY_KEY, Level, Theme, deck_for_level


def test_each_level_has_at_least_thirty_two_questions():
    for level in Level.values:
        assert len(deck_for_level(level)) >= 32, level


def test_each_level_covers_every_theme():
    for level in Level.values:
        themes = Counter(q.theme for q in deck_for_level(level))
        assert set(themes) == set(Theme.values), level
        assert min(themes.values()) >= 4


def test_keys_are_unique_and_stable_in_form():
    assert len(DECK_BY_KEY) == len(DECK)
    for question in DECK:
        level, theme, number = question.key.split(".")
        assert int(level) == question.level and theme == question.theme
        assert int(number) >= 1


def test_every_question_is_marked_for_translation_and_asked_once():
    texts = [str(q.text) for q in DECK]
    assert all(isinstance(q.text, Promise) for q in DECK)
    assert len(set(texts)) == len(texts)
    assert all(text.endswith("?") for text in texts)


def test_questions_ask_about_feelings_more_than_facts():
    # A rough but honest check of the deck's intent: most questions name a
    # feeling or ask how something felt, rather than for a fact.
    words = (
        "feel",
        "felt",
        "hope",
        "afraid",
        "fear",
        "love",
        "safe",
        "trust",
        "worry",
        "proud",
        "hurt",
        "need",
        "grateful",
        "smile",
        "moved",
        "appreciate",
        "admire",
        "accepted",
        "ashamed",
        "alone",
        "lonely",
        "regret",
        "miss",
        "wish",
        "unseen",
        "forgive",
        "heal",
        "enjoy",
        "relax",
        "nervous",
        "heart",
        "dream",
        "want",
        "mean",
    )
    feeling = [q for q in DECK if any(w in str(q.text).lower() for w in words)]
    assert len(feeling) / len(DECK) > 0.7
