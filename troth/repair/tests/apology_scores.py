"""Precision and recall of the apology checker on a labelled set.

The tables in docs/apology-checker.md are this module's output, pasted as
printed; a test compares them with a fresh run, so the doc cannot drift from
what the checker does. Regenerate with:

    .venv/bin/python -m troth.repair.tests.apology_scores

It prints the English held-out tables, then the Spanish ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from troth.repair.apology import check
from troth.repair.apology.kinds import COMPONENT_KEYS, FLAG_KEYS

# (text, components, flags), whichever set it comes from.
Labelled = tuple[str, frozenset[str], frozenset[str]]


def scores(items: Iterable[Labelled], language: str = "en") -> dict[str, dict]:
    """Per component and per flag: precision, recall, and the counts."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for text, components, flags in items:
        report = check(text, language=language)
        got = report.found | report.raised
        want = components | flags
        for key in (*COMPONENT_KEYS, *FLAG_KEYS):
            if key in got and key in want:
                tp[key] += 1
            elif key in got:
                fp[key] += 1
            elif key in want:
                fn[key] += 1
    return {
        key: _row(tp[key], fp[key], fn[key]) for key in (*COMPONENT_KEYS, *FLAG_KEYS)
    }


def _row(tp: int, fp: int, fn: int) -> dict:
    return {
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def together(table: dict[str, dict], keys: Iterable[str]) -> dict:
    """All the given kinds pooled (micro-averaged)."""
    keys = tuple(keys)
    return _row(
        sum(table[k]["tp"] for k in keys),
        sum(table[k]["fp"] for k in keys),
        sum(table[k]["fn"] for k in keys),
    )


def markdown(table: dict[str, dict], keys: Iterable[str], first: str) -> str:
    """A Markdown table, the form docs/apology-checker.md shows."""

    def figure(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f}"

    keys = tuple(keys)
    lines = [
        f"| {first} | precision | recall | tp | fp | fn |",
        "|---|---|---|---|---|---|",
    ]
    rows = [(k, table[k]) for k in keys]
    rows.append((f"all {first}s together", together(table, keys)))
    for name, row in rows:
        lines.append(
            f"| {name} | {figure(row['precision'])} | {figure(row['recall'])} "
            f"| {row['tp']} | {row['fp']} | {row['fn']} |"
        )
    return "\n".join(lines)


def held_out_tables() -> str:
    """What docs/apology-checker.md shows for each held-out set."""
    from troth.repair.tests.apology_heldout import (
        HELD_OUT,
        HELD_OUT_2,
        HELD_OUT_3,
        HELD_OUT_4,
    )

    parts = []
    for name, cases in (
        ("HELD_OUT_4", HELD_OUT_4),
        ("HELD_OUT_3", HELD_OUT_3),
        ("HELD_OUT_2", HELD_OUT_2),
        ("HELD_OUT", HELD_OUT),
    ):
        table = scores((c.text, c.parts, c.flags) for c in cases)
        parts.append(f"`{name}`, {len(cases)} apologies:")
        parts.append(markdown(table, FLAG_KEYS, "flag"))
        parts.append(markdown(table, COMPONENT_KEYS, "component"))
    return "\n\n".join(parts)


def spanish_tables() -> str:
    """What docs/apology-checker.md shows for the Spanish sets: the
    development set (tuned on) and the held-out set (measured once)."""
    from troth.repair.tests.apology_heldout_es import HELD_OUT_ES
    from troth.repair.tests.apology_set_es import DEV_ES

    parts = []
    for name, cases in (("HELD_OUT_ES", HELD_OUT_ES), ("DEV_ES", DEV_ES)):
        table = scores(cases, language="es")
        parts.append(f"`{name}`, {len(cases)} apologies:")
        parts.append(markdown(table, FLAG_KEYS, "flag"))
        parts.append(markdown(table, COMPONENT_KEYS, "component"))
    return "\n\n".join(parts)


if __name__ == "__main__":
    print(held_out_tables())
    print()
    print(spanish_tables())
