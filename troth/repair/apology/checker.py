"""The apology checker: local, rule-based, and advisory.

It reads a draft apology one sentence at a time and reports which of the
six components of an apology (Lewicki, Polin & Lount 2016) its words
suggest, and flags likely deflections, quoting the words that raised each.
It never blocks anything: the writer decides. The words it looks for are
data, one module per language (`patterns_en.py`, `patterns_es.py`); how it
works and how well is in docs/apology-checker.md.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

from troth.repair.apology.kinds import BY_KEY, COMPONENT_KEYS, FLAG_KEYS, Kind

# Longer text is checked up to this many characters (the composer allows
# less); a note says the rest was not read.
MAX_CHARS = 12_000
# Sentences that apologise for nothing ("sorry if", "sorry you feel"): the
# component words inside them are not counted.
DISCOUNTING = ("conditional", "sorry_you_feel")
# Below this share of common words (and with enough words to judge), the
# text is probably in another language.
LANGUAGE_SHARE = 0.15
LANGUAGE_MIN_WORDS = 6

# One character for one, so positions in the normalised text are positions
# in what the person wrote.
_STRAIGHTEN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_SENTENCE = re.compile(r"[^.!?;:\n]+[.!?;:]*")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class Hit:
    """Words in the text that suggested a component or raised a flag."""

    key: str
    quote: str
    start: int
    end: int


@dataclass
class Report:
    components: dict[str, list[Hit]] = field(default_factory=dict)
    flags: dict[str, list[Hit]] = field(default_factory=dict)
    empty: bool = False
    truncated: bool = False
    language: str = "en"
    language_unsure: bool = False
    # No patterns in the writer's language: these findings come from the
    # English ones, which the composer must not pass off as a reading.
    unavailable: bool = False

    @property
    def found(self) -> frozenset[str]:
        return frozenset(k for k, hits in self.components.items() if hits)

    @property
    def raised(self) -> frozenset[str]:
        return frozenset(k for k, hits in self.flags.items() if hits)

    def component_rows(self) -> list[dict]:
        """The six components in the suggested order, each found or not."""
        return [
            {"kind": BY_KEY[key], "hits": self.components.get(key, [])}
            for key in COMPONENT_KEYS
        ]

    def flag_rows(self) -> list[dict]:
        """Each raised flag with its explanation and the quoted words."""
        rows = []
        for key in FLAG_KEYS:
            hits = self.flags.get(key) or []
            if hits:
                quotes = list(dict.fromkeys(h.quote for h in hits))
                rows.append({"kind": BY_KEY[key], "quotes": quotes})
        return rows


@dataclass(frozen=True)
class _Compiled:
    language: str
    common: frozenset
    alphabet: re.Pattern | None
    components: dict
    flags: dict
    exceptions: dict


def _asked(language: str) -> str:
    """The language part of a code: "es-MX" → "es"."""
    return (language or "en").split("-")[0].lower()


def _module_for(language: str) -> tuple[str, ModuleType]:
    code = _asked(language)
    if not re.fullmatch(r"[a-z]{2,3}", code):
        code = "en"
    try:
        return code, importlib.import_module(f"troth.repair.apology.patterns_{code}")
    except ModuleNotFoundError:
        return "en", importlib.import_module("troth.repair.apology.patterns_en")


def _compile(patterns: dict) -> dict:
    return {
        key: [re.compile(p, re.IGNORECASE) for p in patterns.get(key, ())]
        for key in patterns
    }


@cache
def patterns_for(language: str) -> _Compiled:
    code, module = _module_for(language)
    return _Compiled(
        language=code,
        common=frozenset(w.lower() for w in module.COMMON_WORDS),
        alphabet=(
            re.compile(module.ALPHABET) if getattr(module, "ALPHABET", "") else None
        ),
        components=_compile(module.COMPONENTS),
        flags=_compile(module.FLAGS),
        exceptions=_compile(getattr(module, "EXCEPT", {})),
    )


def _sentences(text: str):
    for match in _SENTENCE.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()


def _hits(key: str, regexes, sentence: str, offset: int, original: str) -> list[Hit]:
    found = []
    for regex in regexes:
        for match in regex.finditer(sentence):
            start, end = offset + match.start(), offset + match.end()
            quote = original[start:end].strip(" ,;-")
            if quote:
                found.append(Hit(key, quote, start, end))
    return found


def _merged(hits: list[Hit], original: str) -> list[Hit]:
    """Overlapping hits of one kind become one quote ("sorry if I hurt")."""
    merged: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if merged and hit.start <= merged[-1].end:
            last = merged[-1]
            start, end = last.start, max(last.end, hit.end)
            merged[-1] = Hit(hit.key, original[start:end].strip(" ,;-"), start, end)
        else:
            merged.append(hit)
    return merged


def check(text: str | None, *, language: str = "en") -> Report:
    """Read `text` and report components found and flags raised."""
    compiled = patterns_for(language)
    report = Report(
        components={key: [] for key in COMPONENT_KEYS},
        flags={key: [] for key in FLAG_KEYS},
        language=compiled.language,
        unavailable=_asked(language) != compiled.language,
    )
    original = (text or "").replace("\r\n", "\n")
    if not original.strip():
        report.empty = True
        return report
    if len(original) > MAX_CHARS:
        original = original[:MAX_CHARS]
        report.truncated = True
    normal = original.translate(_STRAIGHTEN)
    for offset, sentence in _sentences(normal):
        raised: set[str] = set()
        for key, regexes in compiled.flags.items():
            hits = _hits(key, regexes, sentence, offset, original)
            if hits and _excepted(key, sentence, compiled):
                hits = []
            if hits:
                raised.add(key)
                report.flags.setdefault(key, []).extend(hits)
        if raised & set(DISCOUNTING):
            continue
        for key, regexes in compiled.components.items():
            hits = _hits(key, regexes, sentence, offset, original)
            if hits and _excepted(key, sentence, compiled):
                hits = []
            report.components.setdefault(key, []).extend(hits)
    for by_key in (report.flags, report.components):
        for key, found in by_key.items():
            by_key[key] = _merged(found, original)
    report.language_unsure = _other_language(normal, compiled)
    return report


def _excepted(key: str, sentence: str, compiled: _Compiled) -> bool:
    """Whether the sentence matches an exception for `key` ("not only … but
    also" is no "sorry, but"), which drops that kind's hits in it."""
    return any(e.search(sentence) for e in compiled.exceptions.get(key, ()))


def _other_language(text: str, compiled: _Compiled) -> bool:
    """Whether the text is probably not in the patterns' language: mostly
    other letters, or almost none of its most common words."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    if compiled.alphabet is not None:
        own = sum(1 for c in letters if compiled.alphabet.match(c))
        if own / len(letters) < 0.5:
            return True
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) >= LANGUAGE_MIN_WORDS:
        share = sum(1 for w in words if w in compiled.common) / len(words)
        return share < LANGUAGE_SHARE
    return False


def kind(key: str) -> Kind:
    return BY_KEY[key]
