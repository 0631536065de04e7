"""The apology checker in Spanish: its development set, language check and
speed. The held-out Spanish set (apology_heldout_es.py) was written apart
and measured once; its figures are in docs/apology-checker.md.
"""

from __future__ import annotations

import time

import pytest

from troth.repair.apology import check
from troth.repair.apology.checker import patterns_for
from troth.repair.apology.kinds import FLAG_KEYS
from troth.repair.tests.apology_set import DEV
from troth.repair.tests.apology_set_es import DEV_ES


def test_the_spanish_set_is_big_enough_and_covers_every_kind():
    assert len(DEV_ES) >= 60
    for key in FLAG_KEYS:
        assert sum(1 for _, _, flags in DEV_ES if key in flags) >= 5, key
    assert sum(1 for _, c, f in DEV_ES if not f and len(c) >= 4) >= 10  # good ones
    assert sum(1 for _, c, f in DEV_ES if f and len(c) >= 2) >= 8  # mixed ones
    assert not {text for text, _, _ in DEV} & {text for text, _, _ in DEV_ES}


@pytest.mark.parametrize(
    ("text", "components", "flags"),
    DEV_ES,
    ids=[f"es{i:03d}" for i in range(len(DEV_ES))],
)
def test_it_finds_the_labelled_components_and_flags(text, components, flags):
    report = check(text, language="es")
    assert report.raised == flags
    assert report.found == components


def test_spanish_is_read_with_the_spanish_patterns_in_any_region():
    for code in ("es", "es-MX", "es-ar", "ES"):
        assert patterns_for(code).language == "es"
    report = check("Lo siento, pero tú también me mentiste.", language="es-MX")
    assert report.language == "es"
    assert report.raised == {"sorry_but", "blame"}
    assert report.found == {"regret"}


def test_the_english_patterns_do_not_read_spanish():
    report = check("Lo siento, pero tú también me mentiste.", language="en")
    assert report.raised == frozenset()


def test_the_flags_quote_the_writers_own_words_with_their_accents():
    report = check("Se me olvidó tu cumpleaños. ¿Ya estamos bien?", language="es")
    quotes = {row["kind"].key: row["quotes"] for row in report.flag_rows()}
    assert quotes == {"passive": ["Se me olvidó"], "pressure": ["Ya estamos bien?"]}


def test_it_reads_spanish_typed_without_accents():
    with_accents = check("Perdón si te ofendí. Se me cayó tu móvil.", language="es")
    without = check("perdon si te ofendi. se me cayo tu movil", language="es")
    assert with_accents.raised == without.raised == {"conditional", "passive"}


def test_a_conditional_sentence_counts_for_nothing():
    report = check("Lo siento si te hice daño.", language="es")
    assert report.raised == {"conditional"}
    assert report.found == frozenset()


def test_giving_them_time_is_not_pressure():
    report = check(
        "Te mentí y lo siento. Tómate el tiempo que necesites; ojalá algún día "
        "puedas perdonarme.",
        language="es",
    )
    assert report.raised == frozenset()
    assert report.found == {"responsibility", "regret", "forgiveness"}


def test_spanish_text_is_not_taken_for_another_language():
    for text, _, _ in DEV_ES:
        assert not check(text, language="es").language_unsure, text


def test_english_text_read_as_spanish_gets_the_note():
    long_enough = [text for text, _, _ in DEV if len(text.split()) >= 12]
    assert len(long_enough) >= 100
    for text in long_enough:
        report = check(text, language="es")
        assert report.language_unsure, text
        assert report.language == "es"


@pytest.mark.parametrize(
    "text",
    [
        "Je suis désolé de t'avoir menti, je ne recommencerai plus jamais.",
        "本当にごめんなさい。二度としません。約束します。",
        "أنا آسف جدًا لأنني كذبت عليك، ولن يتكرر ذلك أبدًا.",
    ],
)
def test_other_languages_read_as_spanish_get_the_note(text):
    assert check(text, language="es").language_unsure


def test_enormous_spanish_text_is_checked_quickly_up_to_a_limit():
    text = ("Lo siento, pero solo fue una broma y tú también me obligaste. " * 40_000)[
        :2_000_000
    ]
    started = time.process_time()
    report = check(text, language="es")
    assert time.process_time() - started < 2
    assert report.truncated
    assert report.raised == {"sorry_but", "minimising", "blame"}


def test_pathological_spanish_text_does_not_slow_it_down():
    for text in (
        "lo siento " * 3000,
        "si " * 5000 + "daño",
        "se me " * 3000,
        "el " * 4000 + "fue",
        "perdón pero " * 1000,
        "ñ" * 12000,
        "." * 12000,
    ):
        started = time.process_time()
        check(text, language="es")
        assert time.process_time() - started < 1, text[:20]
