"""Troth's own deck: at least 400 questions in themed packs, three levels,
no near-duplicates, every text to be translated, every key for ever."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from itertools import combinations

from django.utils.functional import Promise

from troth.questions.deck import (
    DECK,
    DECK_BY_KEY,
    PACK_BY_KEY,
    PACKS,
    THEME_PACK,
    Level,
    Theme,
    deck_for,
    deck_for_level,
)

# Two questions whose normalised texts are this alike (difflib's ratio)
# say the same thing: rewrite one.
NEAR_DUPLICATE = 0.8


def _normal(text) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", str(text).lower()).split())


def test_the_deck_holds_at_least_400_questions_and_100_at_each_level():
    assert len(DECK) >= 400
    for level in Level.values:
        assert len(deck_for_level(level)) >= 100, level


def test_every_pack_asks_at_every_level():
    for pack in PACKS:
        levels = Counter(q.level for q in deck_for(Level.values, [pack.key]))
        assert set(levels) == set(Level.values), pack.key
        assert min(levels.values()) >= 7, pack.key


def test_no_two_questions_are_near_duplicates():
    texts = [(q.key, _normal(q.text)) for q in DECK]
    alike = []
    for (key_a, a), (key_b, b) in combinations(texts, 2):
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        if matcher.real_quick_ratio() < NEAR_DUPLICATE:
            continue
        if matcher.quick_ratio() >= NEAR_DUPLICATE and matcher.ratio() >= (
            NEAR_DUPLICATE
        ):
            alike.append((key_a, key_b))
    assert alike == []


def test_every_text_is_marked_for_translation():
    for question in DECK:
        assert isinstance(question.text, Promise), question.key
        assert question.follow_up is None or isinstance(question.follow_up, Promise)
    for pack in PACKS:
        assert isinstance(pack.name, Promise) and isinstance(pack.about, Promise)


def test_every_question_is_a_question():
    assert all(str(q.text).endswith("?") for q in DECK)


def test_keys_are_unique_and_name_their_pack():
    assert len(DECK_BY_KEY) == len(DECK)
    assert len(PACK_BY_KEY) == len(PACKS)
    for pack in PACKS:
        numbers = [int(card.key.removeprefix(f"{pack.key}.")) for card in pack.cards]
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), pack.key
        assert all(q.pack == pack.key for q in pack.cards if hasattr(q, "pack"))


def test_the_first_questions_keep_their_keys_and_texts():
    # Rounds in every database store these keys: each must still resolve,
    # to the same text, in the pack its theme went to.
    for level in Level.values:
        for theme in Theme.values:
            for n in range(1, 6):
                question = DECK_BY_KEY[f"{level}.{theme}.{n}"]
                assert question.level == level and question.theme == theme
                assert question.pack == THEME_PACK[theme] in PACK_BY_KEY
    pinned = {
        "1.past.1": "What small memory from your childhood still makes you smile, "
        "and why does it stay with you?",
        "1.present.1": "What made you feel good today, even for a moment?",
        "2.trust.1": "What helps you trust that I mean what I say?",
        "2.hopes.5": "Which hope for yourself have you never told anyone?",
        "3.fears.5": "What are you afraid to want?",
        "3.appreciation.2": "What have I given you that nobody else has?",
        "3.trust.4": "What does being faithful mean to you, beyond the obvious?",
    }
    for key, text in pinned.items():
        assert str(DECK_BY_KEY[key].text) == text


def test_the_new_keys_stay_where_they_are():
    pinned = {
        "everyday.1": "Which part of an ordinary day do you look forward to most, "
        "and what does it give you?",
        "money.19": "When, if ever, does money make you feel unequal between us?",
        "home.15": "Who does most of the remembering in our lives, the birthdays, "
        "the bills, the shopping lists, and how does that feel?",
        "family.18": "Where do you feel you belong, and where have you felt you "
        "didn't?",
    }
    for key, text in pinned.items():
        assert str(DECK_BY_KEY[key].text) == text


def test_the_deepest_questions_mostly_offer_a_follow_up():
    deepest = deck_for_level(Level.DEEPEST)
    with_follow_up = [q for q in deepest if q.follow_up is not None]
    assert len(with_follow_up) >= 0.9 * len(deepest)
    follow_ups = [_normal(q.follow_up) for q in with_follow_up]
    assert len(set(follow_ups)) == len(follow_ups)


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
