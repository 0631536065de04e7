"""docs/export.md names every key of the personal export.

The demo couple is built once for the module, inside a transaction that is
rolled back; Alex's and Sam's archives come from `account_export`, the
function the download view calls, through the same JSON encoding. Every key
that appears, at any depth, must be named in the doc's section for its part
(a `### … \\`name\\`` heading): as code in the text (`key`, or inside
`{key, other}`) or as a `"key":` in one of the section's JSON shapes. A
feature that adds a key without documenting it fails here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from troth.accounts.models import User
from troth.accounts.services import account_export
from troth.demo import demo_create
from troth.lib.hooks import app_modules

# The test database is set up for modules that ask for it.
pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parent.parent / "docs" / "export.md"

# Parts of the top level with a section of their own.
TOP_SECTIONS = (
    "account",
    "sign_ins",
    "sessions",
    "spaces",
    "activity",
    "notifications",
)


@pytest.fixture(scope="module")
def archives(django_db_setup, django_db_blocker) -> dict[str, dict]:
    """Alex's and Sam's archives, as the download view encodes them."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo = demo_create()
        result = {}
        for person in (demo.alex, demo.sam):
            user = User.objects.get(pk=person.pk)
            archive = account_export(user=user)
            text = json.dumps(archive, cls=DjangoJSONEncoder, ensure_ascii=False)
            result[user.display_name] = json.loads(text)
        transaction.set_rollback(True)
    return result


def sections(doc: str) -> dict[str, str]:
    """Each `###` section's text, by the first code name in its heading."""
    found: dict[str, str] = {}
    parts = re.split(r"^(#{1,3} .*)$", doc, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        name = re.search(r"`([a-z_]+)`", heading)
        if heading.startswith("### ") and name:
            found[name.group(1)] = body
    return found


def mentioned(text: str) -> set[str]:
    """Names written as code in `text`: inline code, and JSON keys in fenced
    blocks."""
    names: set[str] = set()
    fenced = re.findall(r"^```[a-z]*\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    for block in fenced:
        names |= set(re.findall(r'"([A-Za-z_][A-Za-z0-9_]*)"\s*:', block))
    prose = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    for span in re.findall(r"`([^`]+)`", prose):
        names |= set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", span))
    return names


def keys(value, path: str) -> Iterator[tuple[str, str]]:
    """(path, key) for every key in `value`, at any depth. Keys made of
    digits (account numbers in an audit's figures) are not names to
    document; what is under them is."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if not key.isdigit():
                yield f"{path}.{key}", key
            yield from keys(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from keys(item, f"{path}[]")


def undocumented(part, path: str, section: str) -> set[str]:
    names = mentioned(section)
    return {where for where, key in keys(part, path) if key not in names}


@pytest.fixture(scope="module")
def doc() -> dict[str, str]:
    return sections(DOC.read_text(encoding="utf-8"))


def test_it_names_every_top_level_key(archives, doc):
    names = mentioned(DOC.read_text(encoding="utf-8"))
    for archive in archives.values():
        missing = set(archive) - names
        assert not missing, f"docs/export.md does not name {sorted(missing)}"


@pytest.mark.parametrize("part", TOP_SECTIONS)
def test_it_names_every_key_of_each_top_level_part(archives, doc, part):
    assert part in doc, f"docs/export.md has no section for `{part}`"
    for name, archive in archives.items():
        missing = undocumented(archive[part], part, doc[part])
        assert not missing, f"{name}'s export: undocumented {sorted(missing)}"


def test_it_has_every_feature_in_the_archive_without_an_error(archives):
    labels = {
        apps.get_containing_app_config(module.__name__).label
        for module in app_modules("export")
    }
    for name, archive in archives.items():
        assert set(archive["features"]) == labels
        failed = [
            label for label, part in archive["features"].items() if "error" in part
        ]
        assert not failed, f"{name}'s export failed for {failed}"


def test_it_has_a_section_for_every_feature(archives, doc):
    missing = {
        label
        for archive in archives.values()
        for label in archive["features"]
        if label not in doc
    }
    assert not missing, f"docs/export.md has no section for {sorted(missing)}"


def test_it_names_every_key_of_every_feature_in_its_section(archives, doc):
    problems = {}
    for name, archive in archives.items():
        for label, part in archive["features"].items():
            missing = undocumented(part, label, doc.get(label, ""))
            if missing:
                problems[f"{name}: {label}"] = sorted(missing)
    assert not problems, f"undocumented keys in docs/export.md: {problems}"


def test_it_looks_inside_list_items_and_nested_objects(archives):
    # The demo gives the checks above something to look at: items of the
    # features' lists, and objects inside them.
    alex = archives["Alex"]["features"]
    found = {where for where, _ in keys(alex, "features")}
    assert "features.promises.promises[].history[].who" in found
    assert "features.questions.rounds[].my_answer.reactions_received[].from" in found
    assert "features.audits.audits[].figures.promises.me.due" in found


def test_it_notices_a_key_the_doc_does_not_name():
    section = (
        "\n```json\n"
        '{"things": [{"name": "a"}]}\n'
        "```\n\nEach thing: `{name, size}`; `colour` is its colour.\n"
    )
    part = {"things": [{"name": "a", "colour": "red", "weight": 3}]}
    assert undocumented(part, "x", section) == {"x.things[].weight"}
    assert undocumented({"size": 1}, "x", section) == set()
    assert undocumented({"a": 1}, "x", "`{a, b}`") == set()
    assert undocumented({"c": 1}, "x", "the c key") == {"x.c"}
