"""Every third-party module Troth imports is declared in pyproject.toml, and
the lock files pin what pyproject.toml asks for.

An import that works only because some other package happens to pull its
distribution in breaks the day that package drops it; these tests name the
module and the file so the fix is one line in pyproject.toml.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from django.conf import settings
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
# Troth's own top-level modules and folders: never a distribution.
FIRST_PARTY = {"troth", "tests", "benchmarks", "scripts", "conftest", "manage"}
# The folders whose code runs only with the dev extra installed.
DEV_ONLY_ROOTS = ("tests", "benchmarks", "scripts")

RUNTIME, DEV, OPTIONAL = "runtime", "dev", "optional"


def normalize(name: str) -> str:
    """A distribution name as the package index compares it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> dict[str, set[str]]:
    """The distributions pyproject.toml declares: runtime, dev, other extras."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project.get("optional-dependencies", {})

    def names(requirements: list[str]) -> set[str]:
        return {normalize(Requirement(r).name) for r in requirements}

    return {
        RUNTIME: names(project["dependencies"]),
        DEV: names(extras.get("dev", [])),
        OPTIONAL: names([r for extra, reqs in extras.items() for r in reqs]),
    }


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _catches_import_error(node: ast.Try) -> bool:
    for handler in node.handlers:
        caught = handler.type
        names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
        for name in names:
            if isinstance(name, ast.Name) and name.id in {
                "ImportError",
                "ModuleNotFoundError",
            }:
                return True
    return False


def imports(source: str, kind: str) -> list[tuple[str, str]]:
    """(top-level module, kind) for each absolute import in `source`.

    An import under `if TYPE_CHECKING:` is only read by mypy, a dev tool; one
    inside `try: … except ImportError:` is optional by design.
    """
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, kind: str) -> None:
        if isinstance(node, ast.Import):
            found.extend((alias.name.split(".")[0], kind) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module.split(".")[0], kind))
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, DEV)
            for child in node.orelse:
                visit(child, kind)
            return
        if isinstance(node, ast.Try) and _catches_import_error(node):
            for child in node.body:
                visit(child, OPTIONAL if kind == RUNTIME else kind)
            for rest in [*node.handlers, *node.orelse, *node.finalbody]:
                visit(rest, kind)
            return
        for inner in ast.iter_child_nodes(node):
            visit(inner, kind)

    visit(ast.parse(source), kind)
    return found


def kind_of(path: Path) -> str:
    relative = path.relative_to(ROOT)
    if relative.parts[0] in DEV_ONLY_ROOTS:
        return DEV
    if "tests" in relative.parts or path.name in {"conftest.py", "manage.py"}:
        return DEV
    return RUNTIME


def undeclared(
    files: list[tuple[str, str, str]], declared: dict[str, set[str]]
) -> list[str]:
    """One line for each import whose distribution pyproject.toml does not
    declare where that code runs. `files` holds (label, source, kind)."""
    distributions = packages_distributions()
    allowed = {
        RUNTIME: declared[RUNTIME],
        DEV: declared[RUNTIME] | declared[DEV],
        OPTIONAL: declared[RUNTIME] | declared[OPTIONAL],
    }
    problems = []
    for label, source, file_kind in files:
        for module, kind in imports(source, file_kind):
            if module in sys.stdlib_module_names or module in FIRST_PARTY:
                continue
            # An optional module may be absent here: its name is the guess.
            names = distributions.get(module) or ([module] if kind == OPTIONAL else [])
            if not names:
                problems.append(f"{label}: {module} is not installed")
            elif not {normalize(n) for n in names} & allowed[kind]:
                where = {RUNTIME: "dependencies", DEV: "the dev extra"}.get(
                    kind, "an extra"
                )
                problems.append(
                    f"{label}: imports {module} ({', '.join(names)}), "
                    f"not declared in {where}"
                )
    return problems


def project_files() -> list[tuple[str, str, str]]:
    paths = [
        *ROOT.joinpath("troth").rglob("*.py"),
        *(p for d in DEV_ONLY_ROOTS for p in ROOT.joinpath(d).rglob("*.py")),
        ROOT / "conftest.py",
        ROOT / "manage.py",
    ]
    return [
        (str(p.relative_to(ROOT)), p.read_text(), kind_of(p))
        for p in paths
        if p.exists()
    ]


def test_it_declares_every_module_troth_and_its_tests_import():
    assert undeclared(project_files(), declared()) == []


def test_it_declares_every_package_settings_name_by_dotted_path():
    # Apps, middleware and storages are loaded from strings, not imports.
    paths = [
        *settings.INSTALLED_APPS,
        *settings.MIDDLEWARE,
        *(storage["BACKEND"] for storage in settings.STORAGES.values()),
        *(backend["BACKEND"] for backend in settings.TASKS.values()),
    ]
    source = "".join(f"import {path}\n" for path in paths)
    assert undeclared([("troth/settings.py", source, RUNTIME)], declared()) == []


def test_it_reports_a_module_installed_only_as_something_elses_dependency():
    # sqlparse comes with Django; importing it directly would need a line.
    files = [("troth/example.py", "import sqlparse\n", RUNTIME)]
    assert undeclared(files, declared()) == [
        "troth/example.py: imports sqlparse (sqlparse), not declared in dependencies"
    ]


def test_it_needs_a_runtime_declaration_for_a_dev_module_imported_by_the_app():
    files = [
        ("troth/example.py", "import pytest\n", RUNTIME),
        ("troth/tests/test_example.py", "import pytest\n", DEV),
    ]
    assert undeclared(files, declared()) == [
        "troth/example.py: imports pytest (pytest), not declared in dependencies"
    ]


def test_it_reads_type_checking_and_optional_imports_for_what_they_are():
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from django_stubs_ext import StrOrPromise\n"
        "try:\n"
        "    import maxminddb\n"
        "except ImportError:\n"
        "    maxminddb = None\n"
        "import django.db\n"
    )
    assert imports(source, RUNTIME) == [
        ("typing", RUNTIME),
        ("django_stubs_ext", DEV),
        ("maxminddb", OPTIONAL),
        ("django", RUNTIME),
    ]


def lock(name: str) -> dict[str, str]:
    """`requirements*.lock` as {distribution: pinned version}."""
    pins = {}
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        requirement = Requirement(line)
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"{name}: {line} is not an exact pin"
        pins[normalize(requirement.name)] = spec.version
    return pins


@pytest.mark.parametrize(
    ("lock_name", "extras"),
    [("requirements.lock", []), ("requirements-dev.lock", ["dev"])],
)
def test_it_pins_every_declared_dependency_within_its_range(lock_name, extras):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(r) for r in project["dependencies"]] + [
        Requirement(r)
        for extra in extras
        for r in project["optional-dependencies"][extra]
    ]
    pins = lock(lock_name)
    stale = [
        f"{r} (locked: {pins.get(normalize(r.name), 'missing')})"
        for r in wanted
        if normalize(r.name) not in pins
        or not r.specifier.contains(pins[normalize(r.name)], prereleases=True)
    ]
    assert stale == [], f"{lock_name} is out of date; run `make lock`: {stale}"


def test_it_serves_the_same_releases_the_tests_ran_on():
    runtime, dev = lock("requirements.lock"), lock("requirements-dev.lock")
    differ = {
        name: (version, dev.get(name))
        for name, version in runtime.items()
        if dev.get(name) != version
    }
    assert differ == {}, f"requirements.lock differs from the dev lock: {differ}"
