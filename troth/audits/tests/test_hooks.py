"""The audit's figures come from every app's `audit.py`, found by
troth.lib.hooks like the dashboard's and the export's parts, so a feature
takes part in the audit without the audits app naming it."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import pytest
from django.apps import apps

from troth.audits import figures as audit_figures
from troth.audits.figures import contributors, draft_figures, rows
from troth.audits.tests.helpers import at

START = at("2026-09-01", 0)
END = at("2026-10-01", 0)
AUDITS = Path(audit_figures.__file__).parent


def test_it_gathers_the_audit_from_every_app_with_an_audit_module():
    with_module = {
        config.name
        for config in apps.get_app_configs()
        if config.name.startswith("troth.")
        and (Path(config.path) / "audit.py").is_file()
    }
    found = [module.__name__.removesuffix(".audit") for module in contributors()]
    assert set(found) == with_module
    assert len(found) == len(with_module)
    # The order is each module's ORDER, so the snapshot's keys keep theirs.
    orders = [module.ORDER for module in contributors()]
    assert orders == sorted(set(orders))


@pytest.mark.django_db
def test_it_drafts_each_apps_part_as_that_app_gives_it(space):
    drafted = draft_figures(space, start=START, end=END, now=END)
    partners = list(space.partners)
    for module in contributors():
        part = module.figures(space, partners, start=START, end=END, now=END)
        assert {key: drafted.get(key) for key in part} == part, module.__name__
    assert list(drafted)[:4] == ["version", "people", "promises", "agreements"]


def _new_feature() -> types.ModuleType:
    new = types.ModuleType("troth.newfeature.audit")
    new.ORDER = 55  # type: ignore[attr-defined]
    new.figures = lambda space, partners, **period: {  # type: ignore[attr-defined]
        "newfeature": {"people": len(partners)}
    }

    def rows(figures, people, add):
        add.ours(
            "newfeature.people",
            "New feature",
            "People",
            figures["newfeature"]["people"],
        )

    new.rows = rows  # type: ignore[attr-defined]
    return new


@pytest.mark.django_db
def test_it_puts_a_new_apps_figures_in_the_audit(space, monkeypatch):
    """A feature added later takes part by having the module: nothing in
    troth/audits needs editing."""
    found = audit_figures.app_modules("audit")
    new = _new_feature()
    monkeypatch.setattr(audit_figures, "app_modules", lambda name: (*found, new))

    drafted = draft_figures(space, start=START, end=END, now=END)

    assert drafted["newfeature"] == {"people": 2}
    keys = list(drafted)
    assert keys.index("moments") < keys.index("newfeature") < keys.index("questions")
    shown = [(row.section, row.key, row.value) for row in rows(drafted, {})]
    assert ("New feature", "newfeature.people", 2) in shown
    sections = list(dict.fromkeys(section for section, _, _ in shown))
    assert sections.index("Closeness") < sections.index("New feature")


@pytest.mark.django_db
def test_it_shows_the_apps_rows_in_their_order(space):
    """Repair is drafted last (so the snapshot keeps its key order) but
    shown between closeness and disagreements, as before."""
    figures = {
        "version": 1,
        "people": [],
        "questions": {"answered_together": 1},
        "repair": {"open": 1},
        "conflicts": {"shared": 2, "repaired": 1},
    }
    keys = [row.key for row in rows(figures, {})]
    assert keys == [
        "questions.answered_together",
        "repair.open",
        "conflicts.shared",
        "conflicts.repaired",
    ]


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_it_imports_no_other_apps_stats():
    """The audits app reads other features' figures only through the hook,
    never their stats modules (as `from troth.x.stats import ...` or
    `from troth.x import stats`)."""
    offending = {
        f"{path.relative_to(AUDITS)}: {name}"
        for path in AUDITS.rglob("*.py")
        for name in _imported(path)
        if name.startswith("troth.") and name.split(".")[-1] in {"stats", "progress"}
    }
    assert offending == set()
