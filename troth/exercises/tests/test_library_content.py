"""The library's content: enough exercises for a year of use, each complete,
each grounded in an entry of RESEARCH.md, written for any couple."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from django.utils.functional import Promise

from troth.exercises import library

# The research Troth rests on: entries of ../shared/RESEARCH.md, as written
# there. Every source the library cites must be one of these. When the file
# is present (next to the repository), the test also checks that each entry
# is still in it, so the two cannot drift apart unnoticed.
RESEARCH_ENTRIES = {
    "Rempel, Holmes & Zanna (1985)",
    "Larzelere & Huston (1980)",
    "Laurenceau, Barrett & Pietromonaco (1998)",
    "Aron et al. (1997)",
    "Langer et al. (2020)",
    "Gottman & Levenson 1992",
    '"Bids" for connection',
    "The Four Horsemen and their antidotes",
    "Atone → Attune → Attach",
    "Lewicki, Polin & Lount (2016)",
    "Frantz & Bennigson (2005)",
    "Fincham, Beach & Davila (2004)",
    "Imago Dialogue (Hendrix)",
}
RESEARCH_MD = Path(__file__).resolve().parents[3].parent / "shared" / "RESEARCH.md"

# Slugs that planned sessions store: they must never disappear.
KEPT_SLUGS = {
    "small-promise-kept",
    "same-time-same-place",
    "when-it-mattered",
    "what-i-count-on",
    "honest-about-small-things",
    "feelings-not-just-facts",
    "three-rounds-of-questions",
    "two-minute-check-in",
    "mirror-then-swap",
    "heard-before-sorry",
    "complete-apology",
    "gentle-start",
    "my-part",
    "pause-plan",
    "appreciation-week",
    "noticing-reaches",
    "five-years-from-now",
    "something-new",
}

AT_LEAST_APART = 8
AT_LEAST_SHORT = 10
AT_LEAST_PER_THEME = 3


def _texts(item: library.Exercise) -> list:
    texts = [item.title, item.purpose, item.roles, *item.steps, item.if_hard]
    return texts + [text for text in (item.timing, item.apart) if text]


def _words(item: library.Exercise) -> str:
    return " ".join(str(text) for text in _texts(item)).lower()


def test_it_has_at_least_forty_exercises_with_unique_keys():
    assert len(library.EXERCISES) >= 40
    assert len(library.BY_SLUG) == len(library.EXERCISES)
    for item in library.EXERCISES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item.slug), item.slug


def test_no_key_a_session_may_hold_has_gone():
    assert not KEPT_SLUGS - set(library.BY_SLUG)


def test_every_exercise_is_complete():
    for item in library.EXERCISES:
        assert item.minutes > 0, item.slug
        assert item.theme in library.Theme.values, item.slug
        assert len(item.steps) >= 3, item.slug
        assert str(item.if_hard).strip(), f"{item.slug}: no “if it goes badly”"
        assert str(item.purpose).strip() and str(item.roles).strip(), item.slug


def test_every_text_is_marked_for_translation():
    for item in library.EXERCISES:
        for text in _texts(item):
            assert isinstance(text, Promise), f"{item.slug}: {text!r}"
            assert str(text).strip(), item.slug
    for source in library.SOURCES.values():
        assert isinstance(source.idea, Promise)
        assert not source.caveat or isinstance(source.caveat, Promise)


def test_every_exercise_names_a_source_from_research_md():
    for item in library.EXERCISES:
        assert item.sources, f"{item.slug}: no source"
        assert len(set(item.sources)) == len(item.sources), item.slug
        for key in item.sources:
            assert key in library.SOURCES, f"{item.slug}: unknown source {key}"
    for key, source in library.SOURCES.items():
        assert source.research in RESEARCH_ENTRIES, f"{key}: not in RESEARCH.md"
        assert source.citation.strip()
    used = {key for item in library.EXERCISES for key in item.sources}
    assert used == set(library.SOURCES), "a source no exercise draws on"


def test_the_pinned_entries_are_still_in_research_md():
    if not RESEARCH_MD.exists():
        return  # a copy of the repository without the shared notes
    text = " ".join(RESEARCH_MD.read_text().replace("**", "").split())
    for entry in RESEARCH_ENTRIES:
        assert entry in text, f"{entry} is no longer in RESEARCH.md"


def test_it_covers_every_theme_and_length():
    themes = Counter(item.theme for item in library.EXERCISES)
    assert set(themes) == set(library.Theme.values)
    assert min(themes.values()) >= AT_LEAST_PER_THEME, themes
    assert {item.length for item in library.EXERCISES} == set(library.Length.values)


def test_several_are_for_couples_apart_and_for_little_time():
    apart = [item for item in library.EXERCISES if item.for_apart]
    short = [item for item in library.EXERCISES if item.little_time]
    assert len(apart) >= AT_LEAST_APART
    assert len(short) >= AT_LEAST_SHORT
    assert all(item.minutes <= 10 for item in short)
    assert any(item.little_time for item in apart)
    # An exercise made for couples apart says how to do it apart.
    assert all(str(item.apart).strip() for item in apart)
    # Apart covers long distance, shift work and travel.
    words = " ".join(_words(item) for item in apart)
    for situation in ("long distance", "shift", "travel"):
        assert situation in words, situation


def test_hard_topics_say_where_exercises_are_not_advised():
    for item in library.EXERCISES:
        if item.theme in (library.Theme.REPAIR, library.Theme.CONFLICT):
            assert item.tender, f"{item.slug}: no safety line"


def test_it_is_written_for_any_couple():
    gendered = re.compile(
        r"\b(he|she|him|his|hers|husband|wife|boyfriend|girlfriend)\b", re.I
    )
    for item in library.EXERCISES:
        assert not gendered.search(_words(item)), item.slug


def test_it_makes_no_claim_research_md_rules_out():
    banned = ("40%", "86%", "33%", "proven", "clinically", "score:", "points")
    for item in library.EXERCISES:
        words = _words(item)
        for phrase in banned:
            assert phrase not in words, f"{item.slug}: {phrase}"
    for source in library.SOURCES.values():
        assert "proven" not in str(source.idea).lower()


def test_repair_never_asks_for_forgiveness():
    for item in library.EXERCISES:
        if item.theme == library.Theme.REPAIR:
            for step in item.steps:
                text = str(step).lower()
                assert "forgive me" not in text
                assert "forgive" not in text or "nobody is asked" in text, item.slug


def test_today_suggests_everyday_practices_only():
    start = date(2027, 1, 1)
    days = [start + timedelta(days=n) for n in range(366)]
    suggested = {library.suggestion_for(day).slug for day in days}
    assert suggested == {item.slug for item in library.EXERCISES if not item.tender}
    assert library.suggestion_for(start) == library.suggestion_for(start)
    assert library.suggestion_for(start) != library.suggestion_for(days[1])
