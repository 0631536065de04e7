"""The shape of the code, kept true by tests (docs/architecture.md, "Layers").

- `troth/lib` is the ground floor: it imports nothing from an app, not even
  for types, so any app may use it and it never pulls an app in.
- No import circles among Troth's modules at module level, and no Troth
  import hidden inside a function, where a circle would go unseen (but where
  Django requires it: IMPORTS_IN_FUNCTIONS).
- Every feature's URLconf and every link to a feature is named outright, so a
  misspelt name fails loudly instead of leaving a feature without pages.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
from pathlib import Path

import pytest
from django.urls import clear_url_caches

import troth.urls

TROTH = Path(__file__).resolve().parent.parent / "troth"

# `{% url 'x' as name %}` followed by `{% if name %}`: a link that vanishes,
# silently, when its name does not resolve.
APPS = {
    path.parent.name for path in TROTH.glob("*/apps.py") if path.parent.name != "lib"
}


def modules() -> dict[str, Path]:
    """Every module of the troth package but tests and migrations, by name."""
    found = {}
    for path in TROTH.rglob("*.py"):
        parts = path.relative_to(TROTH.parent).with_suffix("").parts
        if "tests" in parts or "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imported(node: ast.Import | ast.ImportFrom, known: dict[str, Path]) -> list[str]:
    """The troth modules an import statement loads (`from troth.x import y`
    names the module troth.x.y when there is one, else troth.x)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level or not node.module:
        raise AssertionError(f"relative import at line {node.lineno}")
    return [
        f"{node.module}.{alias.name}"
        if f"{node.module}.{alias.name}" in known
        else node.module
        for alias in node.names
    ]


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def module_level_imports(body: list[ast.stmt]):
    """Imports that run when the module is imported: at the top, or in a
    top-level if/try/class body, but not under TYPE_CHECKING (never run) and
    not inside a function (run only when it is called)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and is_type_checking(node):
            yield from module_level_imports(node.orelse)
        elif isinstance(node, ast.If | ast.Try | ast.ClassDef | ast.With):
            for field in ("body", "orelse", "finalbody"):
                yield from module_level_imports(getattr(node, field, []))
            for handler in getattr(node, "handlers", []):
                yield from module_level_imports(handler.body)


def import_graph() -> dict[str, set[str]]:
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(), str(path))
        graph[name] = {
            target
            for node in module_level_imports(tree.body)
            for target in imported(node, known)
            if target in known and target != name
        }
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_it_keeps_lib_free_of_the_apps():
    offending = []
    for path in sorted((TROTH / "lib").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                offending += [
                    f"{path.relative_to(TROTH)}:{node.lineno} imports {name}"
                    for name in names
                    if name.split(".")[:2][-1] in APPS and name.startswith("troth.")
                ]
    assert offending == []


def test_it_has_no_import_circles():
    assert cycles(import_graph()) == []


# The only places a Troth import may wait inside a function, and why.
IMPORTS_IN_FUNCTIONS = {
    # Runs before django.setup(): the settings are read only once the
    # command has set the environment up.
    "troth/cli.py",
    # Django imports an AppConfig's module before any model is loaded.
    "troth/accounts/apps.py",
}


def function_imports(body: list[ast.stmt], inside: bool = False):
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom) and inside:
            yield node
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield from function_imports(node.body, True)
        elif not (isinstance(node, ast.If) and is_type_checking(node)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                yield from function_imports(getattr(node, field, []), inside)


def test_it_hides_no_troth_import_inside_a_function():
    # With no circles, an import inside a function only hides what a module
    # depends on; the exceptions are where Django requires it.
    hidden = []
    for path in modules().values():
        where = str(path.relative_to(TROTH.parent))
        if where in IMPORTS_IN_FUNCTIONS:
            continue
        tree = ast.parse(path.read_text(), str(path))
        hidden += [
            f"{where}:{node.lineno}"
            for node in function_imports(tree.body)
            for name in (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            if name.split(".")[0] == "troth"
        ]
    assert hidden == []


def test_it_finds_a_circle_where_there_is_one():
    # The finder itself, so that an empty answer above means something.
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


HIDDEN_LINK = re.compile(
    r"\{%\s*url\s[^%]*\bas\s+(\w+)\s*%\}(?:(?!\{%\s*endif).)*?\{%\s*if\s+\1\s*%\}",
    re.DOTALL,
)


def test_it_stops_at_start_when_a_feature_urlconf_is_missing(monkeypatch):
    # A None in sys.modules makes the module unimportable, as a misspelt
    # name would be.
    monkeypatch.setitem(sys.modules, "troth.goals.urls", None)
    try:
        with pytest.raises(ImportError):
            importlib.reload(troth.urls)
    finally:
        monkeypatch.undo()
        importlib.reload(troth.urls)
        clear_url_caches()


def test_it_links_every_feature_without_hiding_a_link_that_does_not_resolve():
    hidden = [
        f"{path.relative_to(TROTH)}: {match.group(0)[:60]}"
        for path in sorted(TROTH.rglob("templates/**/*.html"))
        for match in HIDDEN_LINK.finditer(path.read_text())
    ]
    assert hidden == []
