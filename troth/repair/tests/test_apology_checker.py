"""The apology checker on a labelled set written for Troth, and on bad input.

The set and how it was made are in apology_set.py; the measured figures are
in docs/apology-checker.md and printed by this test (per component and per
flag, for the development and the held-out sets).
"""

from __future__ import annotations

import time
from collections import Counter

import pytest

from troth.repair.apology import check
from troth.repair.apology.checker import MAX_CHARS, patterns_for
from troth.repair.apology.kinds import COMPONENT_KEYS, FLAG_KEYS
from troth.repair.tests.apology_set import DEV, HELD_OUT


def scores(items) -> dict[str, dict[str, float | int | None]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for text, components, flags in items:
        report = check(text)
        got = report.found | report.raised
        want = components | flags
        for key in (*COMPONENT_KEYS, *FLAG_KEYS):
            if key in got and key in want:
                tp[key] += 1
            elif key in got:
                fp[key] += 1
            elif key in want:
                fn[key] += 1
    table = {}
    for key in (*COMPONENT_KEYS, *FLAG_KEYS):
        table[key] = {
            "precision": tp[key] / (tp[key] + fp[key]) if tp[key] + fp[key] else None,
            "recall": tp[key] / (tp[key] + fn[key]) if tp[key] + fn[key] else None,
            "tp": tp[key],
            "fp": fp[key],
            "fn": fn[key],
        }
    return table


def render(name: str, table) -> str:
    def pct(value):
        return "  n/a" if value is None else f"{value:5.2f}"

    lines = [
        f"Apology checker on {name}",
        f"{'':16} {'precision':>9} {'recall':>6}   tp  fp  fn",
    ]
    for key, row in table.items():
        if key == FLAG_KEYS[0]:
            lines.append("  flags")
        lines.append(
            f"{key:16} {pct(row['precision']):>9} {pct(row['recall']):>6}"
            f"  {row['tp']:3} {row['fp']:3} {row['fn']:3}"
        )
    return "\n".join(lines)


def micro(table, keys) -> tuple[float, float]:
    tp = sum(table[k]["tp"] for k in keys)
    fp = sum(table[k]["fp"] for k in keys)
    fn = sum(table[k]["fn"] for k in keys)
    return tp / (tp + fp), tp / (tp + fn)


def test_the_labelled_set_is_big_enough_and_covers_every_flag():
    assert len(DEV) >= 40
    assert len(HELD_OUT) >= 20
    for key in FLAG_KEYS:
        assert sum(1 for _, _, flags in DEV if key in flags) >= 5, key
    assert sum(1 for _, c, f in DEV if not f and len(c) >= 4) >= 10  # good ones
    assert sum(1 for _, c, f in DEV if f and len(c) >= 2) >= 8  # mixed ones


@pytest.mark.parametrize(
    ("text", "components", "flags"),
    DEV,
    ids=[f"dev{i:02d}" for i in range(len(DEV))],
)
def test_it_finds_the_labelled_components_and_flags(text, components, flags):
    report = check(text)
    assert report.raised == flags
    assert report.found == components


def test_precision_and_recall_per_flag(capsys):
    dev, held = scores(DEV), scores(HELD_OUT)
    with capsys.disabled():
        print()
        print(render(f"the development set ({len(DEV)} apologies)", dev))
        print(render(f"the held-out set ({len(HELD_OUT)} apologies)", held))
    for key in FLAG_KEYS:
        assert dev[key]["precision"] >= 0.9, key
        assert dev[key]["recall"] >= 0.9, key
    for key in COMPONENT_KEYS:
        assert dev[key]["precision"] >= 0.9, key
        assert dev[key]["recall"] >= 0.9, key
    # On text it was not tuned on, the checker misses much more: it must
    # still rarely raise a flag wrongly. These floors guard against getting
    # worse; docs/apology-checker.md reports the figures.
    precision, recall = micro(held, FLAG_KEYS)
    assert precision >= 0.8
    assert recall >= 0.35
    precision, recall = micro(held, COMPONENT_KEYS)
    assert precision >= 0.9
    assert recall >= 0.7


def test_each_flag_quotes_the_words_that_raised_it():
    report = check("I'm sorry, but you kept pushing me. It was just a joke.")
    rows = {row["kind"].key: row for row in report.flag_rows()}
    assert rows["sorry_but"]["quotes"] == ["sorry, but"]
    assert rows["blame"]["quotes"] == ["you kept"]
    assert rows["minimising"]["quotes"][0].startswith("It was just a joke")
    assert "cancel" in str(rows["sorry_but"]["kind"].guide)


def test_overlapping_words_make_one_quote():
    report = check("I\u2019m sorry if I hurt you.")
    assert report.flag_rows()[0]["quotes"] == ["sorry if I hurt"]
    assert report.raised == {"conditional"}


def test_quotes_keep_the_writers_own_punctuation():
    report = check("You\u2019re overreacting.")
    quotes = {row["kind"].key: row["quotes"] for row in report.flag_rows()}
    assert quotes["blame"] == ["You\u2019re overreacting"]


def test_the_components_come_in_the_suggested_order():
    rows = check("I lied. I'm sorry.").component_rows()
    assert [row["kind"].key for row in rows] == [
        "responsibility",
        "repair",
        "regret",
        "explanation",
        "repentance",
        "forgiveness",
    ]
    assert [bool(row["hits"]) for row in rows] == [
        True,
        False,
        True,
        False,
        False,
        False,
    ]


@pytest.mark.parametrize("text", ["", "   \n\t ", None])
def test_empty_text_is_reported_as_empty(text):
    report = check(text)
    assert report.empty
    assert not report.found and not report.raised


def test_enormous_text_is_checked_quickly_up_to_a_limit():
    text = ("I'm sorry, but it was just a joke and you made me do it. " * 40_000)[
        :2_000_000
    ]
    started = time.monotonic()
    report = check(text)
    assert time.monotonic() - started < 2
    assert report.truncated
    assert max(h.end for hits in report.flags.values() for h in hits) <= MAX_CHARS


def test_pathological_text_does_not_slow_it_down():
    for text in ("sorry " * 3000, "if " * 5000 + "hurt", "a" * 12000, "." * 12000):
        started = time.monotonic()
        check(text)
        assert time.monotonic() - started < 1, text[:20]


@pytest.mark.parametrize(
    "text",
    [
        "Je suis désolé de t'avoir menti, je ne recommencerai plus jamais.",
        "本当にごめんなさい。二度としません。約束します。",
        "Es tut mir leid, dass ich dich angelogen habe. Das war falsch von mir.",
    ],
)
def test_text_in_another_language_is_handled_with_a_note(text):
    report = check(text)
    assert report.language_unsure
    assert report.language == "en"


def test_english_text_is_not_mistaken_for_another_language():
    for text, _, _ in DEV:
        assert not check(text).language_unsure, text


def test_an_unknown_language_falls_back_to_english_patterns():
    assert patterns_for("xx").language == "en"
    assert patterns_for("../../etc").language == "en"
    assert check("I'm sorry, but no.", language="fr").raised == {"sorry_but"}
