"""The self map's prompts: enough of each kind for a year of use, each with
an example answer, in warm words of our own (docs/content.md)."""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter

import pytest
from django.utils.functional import Promise

from troth.selfmap.models import Kind
from troth.selfmap.prompts import PROMPTS, prompt_by_key, prompts_for

# Two prompts whose normalised texts match this closely ask the same thing.
NEAR_DUPLICATE = 0.8

# Links and saved pages name these keys: each must keep asking this.
STABLE = {
    "b1": "time to yourself",
    "b2": "private for you",
    "b3": "disagreements to be raised",
    "b4": "asked about first",
    "b5": "hurtful rather than playful",
    "b6": "friends, family or work",
    "t1": "tone of voice or words",
    "t2": "brings back an old hurt",
    "t3": "left out or forgotten",
    "t4": "feel criticised",
    "t5": "your body tenses",
    "v1": "count on you for",
    "v2": "stand up for",
    "v3": "day feel well spent",
    "v4": "take from your family",
    "v5": "our home feels like",
    "n1": "when you are low",
    "n2": "most loved",
    "n3": "safe bringing up something hard",
    "n4": "keeps you steady",
    "n5": "before you can reconnect",
}

# Asking someone to go back over a hurt is not what a prompt is for.
RELIVING = re.compile(
    r"where does it come from|what happened|worst (thing|moment|time)|describe|"
    r"remember when|"
    r"relive|tell the story|trauma|abuse",
    re.IGNORECASE,
)
# Words that diagnose, score or assume a gender.
CLINICAL = re.compile(
    r"diagnos|disorder|symptom|therap|patholog|narcissis|codependen|"
    r"attachment style|score|normal",
    re.IGNORECASE,
)
GENDERED = re.compile(
    r"\b(he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend)\b",
    re.IGNORECASE,
)


def normalised(text) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", str(text).lower()).split())


def texts(prompt) -> list[str]:
    return [str(prompt.question), str(prompt.example_title), str(prompt.example)]


def test_there_are_at_least_100_prompts_and_20_of_each_kind():
    assert len(PROMPTS) >= 100
    counts = Counter(p.kind for p in PROMPTS)
    assert set(counts) == set(Kind.values)
    assert min(counts.values()) >= 20, counts


def test_every_prompt_has_a_question_and_an_example_answer():
    for prompt in PROMPTS:
        for text in (prompt.question, prompt.example_title, prompt.example):
            # Lazy: the reader's language is chosen when the page is drawn.
            assert isinstance(text, Promise), prompt.key
            assert str(text).strip(), prompt.key
        assert str(prompt.question).endswith("?"), prompt.key
        # An example answer is a sentence or two.
        assert 40 <= len(str(prompt.example)) <= 300, prompt.key


def test_keys_are_unique_stable_and_named_for_their_kind():
    keys = [p.key for p in PROMPTS]
    assert len(keys) == len(set(keys))
    letters = {Kind.BOUNDARY: "b", Kind.TRIGGER: "t", Kind.VALUE: "v", Kind.NEED: "n"}
    for prompt in PROMPTS:
        assert re.fullmatch(rf"{letters[prompt.kind]}\d+", prompt.key), prompt.key
    for key, words in STABLE.items():
        prompt = prompt_by_key(key)
        assert prompt is not None, key
        assert words in str(prompt.question).lower(), key


def test_no_two_prompts_are_near_duplicates():
    for field in ("question", "example_title", "example"):
        for a, b in itertools.combinations(PROMPTS, 2):
            ratio = difflib.SequenceMatcher(
                None, normalised(getattr(a, field)), normalised(getattr(b, field))
            ).ratio()
            assert ratio < NEAR_DUPLICATE, (field, a.key, b.key, round(ratio, 2))


def test_the_similarity_check_catches_a_reworded_copy():
    # The check above would fail for a prompt that only changes a word or
    # its punctuation.
    original = normalised(prompt_by_key("n2").question)
    copy = normalised("What makes you feel the most loved by your partner!")
    ratio = difflib.SequenceMatcher(None, original, copy).ratio()
    assert ratio >= NEAR_DUPLICATE


def test_trigger_prompts_never_ask_anyone_to_relive_a_hurt():
    assert RELIVING.search("What happened, and where does it come from?")
    for prompt in prompts_for(Kind.TRIGGER):
        for text in texts(prompt):
            assert not RELIVING.search(text), (prompt.key, text)


def test_prompts_make_no_clinical_claims_and_assume_no_gender():
    assert CLINICAL.search("A symptom of an attachment disorder")
    assert GENDERED.search("Ask her first")
    for prompt in PROMPTS:
        for text in texts(prompt):
            assert not CLINICAL.search(text), (prompt.key, text)
            assert not GENDERED.search(text), (prompt.key, text)


@pytest.mark.django_db
class TestPages:
    def test_every_prompt_opens_its_page_with_its_example(
        self, alice, space, alice_client
    ):
        for prompt in PROMPTS:
            response = alice_client.get(f"/self/new?prompt={prompt.key}")
            assert response.status_code == 200, prompt.key
            body = response.content.decode()
            assert 'data-testid="prompt-example"' in body
            assert str(prompt.example_title) in body.replace("&#x27;", "'")
            assert re.search(rf'value="{prompt.kind}"[^>]*checked', body)

    def test_the_example_is_shown_as_one_possible_answer(
        self, alice, space, alice_client
    ):
        body = alice_client.get("/self/new?prompt=n4").content.decode()
        assert "One person's answer" in body
        assert "A walk every morning" in body
        assert "keeps me steady" in body

    def test_a_kind_offers_a_few_prompts_and_folds_the_rest(
        self, alice, space, alice_client
    ):
        body = alice_client.get("/self/new?kind=value").content.decode()
        values = prompts_for(Kind.VALUE)
        shown, folded = body.split('data-testid="more-prompts"')
        for prompt in values[:5]:
            assert f'data-testid="prompt-{prompt.key}"' in shown
        for prompt in values[5:]:
            assert f'data-testid="prompt-{prompt.key}"' in folded
        assert f"{len(values) - 5} more questions" in body
        # Only this kind's prompts.
        assert 'data-testid="prompt-b1"' not in body

    def test_an_unknown_prompt_key_just_opens_a_blank_entry(
        self, alice, space, alice_client
    ):
        response = alice_client.get("/self/new?prompt=b999")
        assert response.status_code == 200
        assert 'data-testid="prompt-example"' not in response.content.decode()
