"""Agreement starters: one for each domain a couple asked for, every clause
something both can consent to, none a way to watch the other
(docs/content.md)."""

from __future__ import annotations

import difflib
import itertools
import re

import pytest
from django.utils.functional import Promise

from conftest import client_for
from troth.agreements.models import Agreement, Status, Topic
from troth.agreements.services import CLAUSE_MAX, TITLE_MAX
from troth.agreements.starters import STARTERS, starter_by_key

# The domains issue 15 names, and the starter that covers each.
DOMAINS = {
    "online life and phones": "online",
    "friends and former partners": "friends",
    "money": "money",
    "home and chores": "household",
    "family and in-laws": "family",
    "time alone and time together": "time",
    "privacy of devices and accounts": "privacy",
    "what we share about us with others": "sharing",
}
# Starters that existed before: links name their keys.
EARLIER_KEYS = {"online", "time", "money", "household", "transparency"}

# Two clauses whose normalised texts match this closely say the same thing.
NEAR_DUPLICATE = 0.8

# Words about watching the other. A sentence may use them only to rule the
# watching out ("Neither of us asks for the other's passwords").
WATCHING = re.compile(
    r"password|passcode|\bpin\b|location|where (the other|you|I) (is|are|am)|"
    r"track|monitor|\bspy|screenshot|read receipt|"
    r"(check|go(es)? through|look(s)? through|read(s)?|search(es)?) (on )?"
    r"(your|my|the other's|each other's|their)|"
    r"sign(s)? in as|log(s)? in as|"
    r"show(s)? (me|you|each other) (your|my|the|our)",
    re.IGNORECASE,
)
RULED_OUT = re.compile(
    r"\b(never|not|neither|nor|no one|nobody)\b|n't\b", re.IGNORECASE
)
# A demand is never a clause, whatever else the sentence says.
DEMAND = re.compile(
    r"\bI (may|can|will|get to) (check|look|read|see|go through)|"
    r"\byou (must|have to|will|need to) (show|give|tell me|share|hand)|"
    r"\bat all times\b|\bon demand\b|\bwhenever I (ask|want|like)\b|"
    r"\b(don't|do not|doesn't) mind\b|\bhand over\b",
    re.IGNORECASE,
)


def watching(text) -> list[str]:
    """The parts of a clause that would let one partner watch the other."""
    text = str(text)
    found = [m.group() for m in DEMAND.finditer(text)]
    for sentence in re.split(r"[.;!?]\s*", text):
        if WATCHING.search(sentence) and not RULED_OUT.search(sentence):
            found.append(sentence)
    return found


def normalised(text) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", str(text).lower()).split())


def test_every_domain_has_its_own_starter_and_topic():
    assert len(STARTERS) >= 8
    starters = [starter_by_key(key) for key in DOMAINS.values()]
    assert all(starters), DOMAINS
    topics = [s.topic for s in starters if s]
    assert len(set(topics)) == len(DOMAINS)
    assert Topic.OTHER not in topics
    assert {s.key for s in STARTERS} >= EARLIER_KEYS


def test_keys_are_unique_and_topics_are_real():
    keys = [s.key for s in STARTERS]
    assert len(keys) == len(set(keys))
    for starter in STARTERS:
        assert re.fullmatch(r"[a-z]+", starter.key)
        assert starter.topic in Topic.values, starter.key


def test_every_text_is_lazy_and_fits_the_form():
    for starter in STARTERS:
        for text in (starter.title, starter.summary, starter.intro):
            assert isinstance(text, Promise), starter.key
            assert str(text).strip(), starter.key
        assert len(str(starter.title)) <= TITLE_MAX
        # One line in the list of starters on a phone.
        assert len(str(starter.summary)) <= 80, starter.key
        assert 3 <= len(starter.clauses) <= 6, starter.key
        for clause in starter.clauses:
            assert isinstance(clause, Promise), starter.key
            assert str(clause).strip(), starter.key
            assert len(str(clause)) <= CLAUSE_MAX


def test_no_title_hides_inside_another():
    # A link is found by its name ("Our online lives"); no title may contain
    # another.
    titles = [str(s.title).lower() for s in STARTERS]
    for a, b in itertools.permutations(titles, 2):
        assert a not in b, (a, b)


def test_no_two_clauses_are_near_duplicates():
    clauses = [(s.key, c) for s in STARTERS for c in s.clauses]
    for (ka, a), (kb, b) in itertools.combinations(clauses, 2):
        ratio = difflib.SequenceMatcher(None, normalised(a), normalised(b)).ratio()
        assert ratio < NEAR_DUPLICATE, (ka, kb, str(a), str(b), round(ratio, 2))


@pytest.mark.parametrize(
    "clause",
    [
        "I may check your phone whenever I want.",
        "We give each other our passwords.",
        "We keep location sharing on, so we always know where the other is.",
        "Each of us can read the other's messages.",
        "You must show me your messages when I ask.",
        "We don't mind the other going through our phones.",
        "We share our screens on demand.",
        "Either of us can look through each other's email.",
    ],
)
def test_the_watching_check_catches_a_clause_that_watches(clause):
    assert watching(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "Neither of us asks for the other's passwords.",
        "Our phones are our own; neither of us goes through the other's.",
        "I don't need to show you the messages.",
        "We keep one evening a week for the two of us.",
    ],
)
def test_the_watching_check_lets_a_clause_rule_watching_out(clause):
    assert not watching(clause)


def test_no_starter_asks_anyone_to_watch_the_other():
    for starter in STARTERS:
        for clause in starter.clauses:
            assert not watching(clause), (starter.key, str(clause))


def test_clauses_speak_for_both_or_for_the_speaker_alone():
    # A clause binds "we", "each of us", or the one who offers it ("I");
    # never "you" alone.
    for starter in STARTERS:
        for clause in starter.clauses:
            text = str(clause)
            assert re.search(
                r"\b((?i:we|our|us|each of us|neither of us|either of us)|I)\b", text
            ), (starter.key, text)
            assert not re.match(r"you\b", text, re.IGNORECASE), (starter.key, text)


@pytest.mark.django_db
class TestPages:
    def test_the_choice_page_lists_every_starter_in_one_line(self, alice, bob, space):
        text = client_for(alice).get("/agreements/new").content.decode()
        for starter in STARTERS:
            assert f'data-testid="starter-{starter.key}"' in text
            assert str(starter.title) in text.replace("&#x27;", "'")
            assert str(starter.summary) in text.replace("&#x27;", "'")
            # The longer intro waits for the form.
            assert str(starter.intro).replace("'", "&#x27;") not in text

    def test_every_starter_fills_the_form_with_its_topic_and_clauses(
        self, alice, bob, space
    ):
        for starter in STARTERS:
            page = client_for(alice).get(f"/agreements/new?starter={starter.key}")
            text = page.content.decode().replace("&#x27;", "'")
            assert page.status_code == 200
            assert str(starter.intro) in text
            assert re.search(rf'value="{starter.topic}"[^>]*selected', text)
            for clause in starter.clauses:
                assert str(clause).replace('"', "&quot;") in text, str(clause)

    def test_every_starter_can_be_proposed_as_it_stands(self, alice, bob, space):
        for starter in STARTERS:
            response = client_for(alice).post(
                "/agreements/new",
                {
                    "title": str(starter.title),
                    "topic": starter.topic,
                    "review_days": "30",
                    "starter": starter.key,
                    "clause": [str(c) for c in starter.clauses],
                },
            )
            assert response.status_code == 302, starter.key
        agreements = Agreement.objects.all()
        assert {a.topic for a in agreements} == {s.topic for s in STARTERS}
        assert all(a.status == Status.PROPOSED for a in agreements)
        family = agreements.get(topic=Topic.FAMILY)
        assert family.clauses.count() == len(starter_by_key("family").clauses)

    def test_a_new_topic_shows_its_name_on_the_agreement(self, alice, bob, space):
        client_for(alice).post(
            "/agreements/new",
            {
                "title": "Our devices and accounts",
                "topic": Topic.PRIVACY,
                "review_days": "30",
                "clause": ["Our phones are each our own."],
            },
        )
        agreement = Agreement.objects.get()
        assert agreement.topic == Topic.PRIVACY
        page = client_for(bob).get(agreement.get_absolute_url()).content.decode()
        assert "Privacy of devices and accounts" in page

    def test_an_unknown_topic_is_refused_and_nothing_is_saved(self, alice, bob, space):
        response = client_for(alice).post(
            "/agreements/new",
            {
                "title": "Our devices and accounts",
                "topic": "phones-of-others",
                "review_days": "30",
                "clause": ["Our phones are each our own."],
            },
        )
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()
        assert not Agreement.objects.exists()
