"""Troth runs django-tasks-db's worker through the library's documented
surface: `troth worker` is its `db_worker` command. The one exception is the
worker thread of `troth serve`, held to one function in troth/cli.py and
written up in docs/upstream.md; it is pinned here, so an upgrade that
changes what it relies on fails a test rather than a deployment.
"""

from __future__ import annotations

import ast
import inspect
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from unittest import mock

import django_tasks_db
import pytest
from django.core.management import load_command_class
from django_tasks_db.models import DBTaskResult

from tests.test_cli import TROTH, env_for, free_port
from troth import cli

# Troth in its own processes on its own SQLite data dir: the same whatever
# database the suite runs on.
pytestmark = pytest.mark.sqlite_install

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = Path(django_tasks_db.__file__).resolve().parent
# What the library documents: the backend (named in TASKS) and its models,
# the queue's table. Its command modules, utils and compat are its own.
DOCUMENTED_MODULES = {"django_tasks_db", "django_tasks_db.models"}
# The function allowed past the documented surface (see its docstring).
EXCEPTION = ("troth/cli.py", "worker_thread_start_with_library_internals")


def troth_sources() -> list[Path]:
    return sorted(
        path
        for folder in ("troth", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
    )


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.endswith("__")


def library_private_names() -> set[str]:
    """Every underscore name django-tasks-db defines: functions, methods,
    classes, parameters, module and class variables, `self._x` attributes."""
    names: set[str] = set()
    for path in LIBRARY.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
    return {name for name in names if is_private(name)}


def private_uses(source: str, private: set[str]) -> list[str]:
    """Where `source` imports an underscore module or name of the library,
    or reads, writes or passes one of its underscore names."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "django_tasks_db"
        ):
            parts = [*node.module.split("."), *(a.name for a in node.names)]
            found += [f"line {node.lineno}: import {p}" for p in parts if is_private(p)]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("django_tasks_db") and any(
                    is_private(p) for p in alias.name.split(".")
                ):
                    found.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.Attribute) and node.attr in private:
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.keyword) and node.arg in private:
            found.append(f"line {node.value.lineno}: {node.arg}=")
    return found


def test_the_scan_knows_the_librarys_private_names():
    private = library_private_names()
    # The worker's task count, the backend's id helper: if these vanish the
    # scan is reading the wrong place and would pass whatever Troth does.
    assert {"_run_tasks", "_get_id"} <= private
    assert private_uses("worker._run_tasks += 1", private) == ["line 1: ._run_tasks"]
    assert private_uses("f(_run_tasks=0)", private) == ["line 1: _run_tasks="]
    assert private_uses("from django_tasks_db._x import y", private)
    assert private_uses("worker.running = False", private) == []


def test_troth_uses_no_private_name_of_django_tasks_db():
    private = library_private_names()
    found = {
        str(path.relative_to(ROOT)): uses
        for path in troth_sources()
        if (uses := private_uses(path.read_text(), private))
    }
    assert found == {}


def library_imports(path: Path) -> list[tuple[str, str | None]]:
    """(module, enclosing function) for each import of django-tasks-db."""
    found: list[tuple[str, str | None]] = []

    def visit(node: ast.AST, function: str | None) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            modules = []
        found.extend(
            (module, function)
            for module in modules
            if module.split(".")[0] == "django_tasks_db"
        )
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(path.read_text()), None)
    return found


def test_only_one_function_goes_past_the_documented_modules():
    beyond = [
        (str(path.relative_to(ROOT)), module, function)
        for path in troth_sources()
        if path != Path(__file__).resolve()
        for module, function in library_imports(path)
        if module not in DOCUMENTED_MODULES
    ]
    file, function = EXCEPTION
    assert beyond == [(file, "django_tasks_db.management.commands.db_worker", function)]


def test_troth_worker_passes_db_worker_only_options_it_documents():
    with mock.patch("django.core.management.call_command") as call_command:
        cli._run_db_worker()
    (name,), options = call_command.call_args
    assert name == "db_worker"
    command = load_command_class("django_tasks_db", "db_worker")
    parser = command.create_parser("troth", "db_worker")
    documented = set(vars(parser.parse_args([])))
    assert set(options) <= documented
    # The same worker as the command line would ask for.
    assert options["queue_name"] == cli.WORKER_QUEUES == "*"
    assert "--no-startup-delay" in parser.format_help()


def test_the_worker_class_serve_builds_still_has_the_shape_it_relies_on():
    from django_tasks_db.management.commands.db_worker import Worker

    assert list(inspect.signature(Worker).parameters) == [
        "queue_names",
        "interval",
        "batch",
        "backend_name",
        "startup_delay",
        "max_tasks",
        "worker_id",
        "excluded_queue_names",
    ]
    worker = Worker(
        queue_names=["*"],
        interval=1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="x",
        excluded_queue_names=[],
    )
    # Stopping it means clearing this flag, which its loop checks.
    assert worker.running is True
    assert "while self.running" in inspect.getsource(Worker.run)


def task_counts(data_dir: Path) -> dict[str, int]:
    path = data_dir / "troth.sqlite3"
    if not path.exists():
        return {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        try:
            rows = db.execute(
                f"SELECT status, COUNT(*) FROM {DBTaskResult._meta.db_table}"
                " GROUP BY status"
            ).fetchall()
        except sqlite3.OperationalError:  # not migrated yet
            return {}
    return dict(rows)


@pytest.mark.parametrize(
    ("args", "stop"),
    [
        (["worker", "--migrate"], signal.SIGTERM),
        (["serve", "--port", "{port}"], signal.SIGTERM),
    ],
    ids=["worker", "serve"],
)
def test_each_way_of_running_troth_runs_the_clocks_jobs(tmp_path, args, stop):
    port = str(free_port())
    process = subprocess.Popen(
        [*TROTH, *(a.format(port=port) for a in args)],
        env=env_for(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        counts: dict[str, int] = {}
        # The clock enqueues every job at start; the worker runs them all.
        while time.monotonic() < deadline:
            counts = task_counts(tmp_path)
            if counts and set(counts) == {"SUCCESSFUL"}:
                break
            time.sleep(0.5)
        process.send_signal(stop)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert set(counts) == {"SUCCESSFUL"}, (counts, output)
    assert process.returncode == 0, output
    assert "stopped" in output.lower()
