"""Every language Troth ships is whole (issue 16): its catalogue passes
`msgfmt --check`, has no empty or fuzzy entry, holds every string the code
marks for translation, and its compiled `.mo` says what the `.po` says.

English is the source language: its catalogue holds only Troth's own
wording for strings of the libraries it uses, so it is not held to these.
docs/translating.md says how to add a language and pass this."""

from __future__ import annotations

import gettext
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

TROTH = Path(settings.BASE_DIR)
LOCALE = TROTH / "locale"
SHIPPED = [code for code, _name in settings.LANGUAGES if code != "en"]
# What `makemessages` reads: the code and the templates, nothing else.
SOURCES = ("*.py", "*.html", "*.txt", "*.md")

pytestmark = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed"
)


def catalogue(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / "django.po"


def entries(po: Path) -> list[dict]:
    """The entries of a PO file: msgctxt, msgid, msgid_plural, the msgstr
    (or each plural's), and its flags. A small reader: the format is
    line-based and written by gettext's own tools."""
    found: list[dict] = []
    current: dict = {}
    field = None
    for line in po.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if "msgid" in current:
                found.append(current)
            current, field = {}, None
        elif line.startswith("#,"):
            current["flags"] = {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[field] += unquote(line)
        else:
            match = re.match(
                r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (\".*\")$", line
            )
            assert match, f"{po}: cannot read {line!r}"
            field = match[1]
            current[field] = unquote(match[2])
    return [e for e in found if e["msgid"]]


ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m[1], m[0]), text[1:-1])


def translations(entry: dict) -> list[str]:
    return [v for k, v in entry.items() if k.startswith("msgstr")]


def test_every_shipped_language_has_a_catalogue():
    for code in SHIPPED:
        assert catalogue(code).exists(), f"{code} is in LANGUAGES without a catalogue"


@pytest.mark.parametrize("code", SHIPPED)
def test_catalogue_passes_msgfmt_check(code, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(catalogue(code))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", SHIPPED)
def test_catalogue_has_nothing_empty_or_fuzzy(code):
    missing = [
        e["msgid"][:70]
        for e in entries(catalogue(code))
        if "fuzzy" in e.get("flags", ()) or not all(translations(e))
    ]
    assert not missing, (
        f"{len(missing)} untranslated or fuzzy in {code}: {missing[:10]}"
    )


@pytest.mark.parametrize("code", SHIPPED)
def test_compiled_catalogue_matches_its_source(code, tmp_path):
    """The committed `.mo` is what Django reads: compiled from the `.po` as
    it is now (`make messages` compiles both)."""
    fresh = tmp_path / "fresh.mo"
    subprocess.run(["msgfmt", "-o", str(fresh), str(catalogue(code))], check=True)
    committed = catalogue(code).with_suffix(".mo")
    assert committed.exists(), f"{committed} is missing: run `make messages`"
    with committed.open("rb") as a, fresh.open("rb") as b:
        assert (
            gettext.GNUTranslations(a)._catalog == gettext.GNUTranslations(b)._catalog
        ), f"{committed} is older than its .po: run `make messages`"


@pytest.fixture(scope="module")
def extraction(tmp_path_factory) -> tuple[set[tuple], str]:
    """What `makemessages` finds in the code now, extracted from a copy of
    the source tree into a catalogue of its own (it writes where it runs)."""
    if not SHIPPED:
        return set(), ""
    copy = tmp_path_factory.mktemp("source") / "troth"
    shutil.copytree(
        TROTH,
        copy,
        ignore=lambda folder, names: [
            n
            for n in names
            if n in ("locale", "static", "__pycache__")
            or not (Path(folder, n).is_dir() or any(Path(n).match(p) for p in SOURCES))
        ],
    )
    (copy / "locale").mkdir()
    here = os.getcwd()
    said = io.StringIO()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[copy / "locale"]):
            # Said at verbosity 1: xgettext's warnings (see the last test).
            call_command(
                "makemessages",
                locale=[SHIPPED[0]],
                no_location=True,
                verbosity=1,
                stdout=said,
                stderr=said,
            )
    finally:
        os.chdir(here)
    po = copy / "locale" / SHIPPED[0] / "LC_MESSAGES" / "django.po"
    return {(e.get("msgctxt"), e["msgid"]) for e in entries(po)}, said.getvalue()


@pytest.mark.parametrize("code", SHIPPED)
def test_catalogue_holds_every_marked_string(code, extraction):
    extracted, _said = extraction
    have = {(e.get("msgctxt"), e["msgid"]) for e in entries(catalogue(code))}
    new = sorted(msgid[:70] for _ctx, msgid in extracted - have)
    assert not new, (
        f"{len(new)} strings marked in the code are not in the {code} catalogue "
        f"(run `make messages` and translate them): {new[:10]}"
    )


def test_no_words_are_marked_both_as_a_plural_and_alone(extraction):
    """A catalogue holds one entry per msgid: "Every day" marked alone and as
    the singular of "Every %(n)s days" leaves one of them untranslated."""
    _extracted, said = extraction
    assert "occurrence without plural" not in said, said


# Formats for machines (ISO dates, the ICS feed) and single parts (a day's
# name, a month's) read the same in every language.
MACHINE_FORMATS = {"c", "Y-m-d", "Ymd", "l", "D", "j", "F", "N", "H:i", "G:i", "U"}


def test_dates_for_people_use_a_language_s_own_format():
    """A date written for people takes its format from the language:
    Django's named formats ("DATE_FORMAT"), or a format marked for
    translation (`date:_("l j F")`, Spanish "l j \\d\\e F")."""
    literal = re.compile(r"""\|date:(["'])([^"']+)\1""")
    found = [
        f"{path.relative_to(TROTH)}: {m[2]}"
        for path in TROTH.rglob("*.html")
        for m in literal.finditer(path.read_text(encoding="utf-8"))
        if not m[2].isupper() and m[2] not in MACHINE_FORMATS
    ]
    assert not found, found


def test_a_spanish_date_reads_as_spanish_writes_it():
    import datetime as dt

    from django.template import Context, Template
    from django.utils import translation

    day = dt.date(2026, 12, 6)
    with translation.override("es"):
        text = Template('{{ d|date:_("l j F Y") }}').render(Context({"d": day}))
    assert text == "domingo 6 de diciembre de 2026"
