"""What a page or a job asks PostgreSQL, and how PostgreSQL would answer:
the machinery behind tests/test_plans.py.

Every statement run inside `Capture` is kept with its parameters, so its
plan can be asked afterwards with the same values. `scans` reads each plan
with sequential scans switched off (SET LOCAL enable_seqscan = off): the
planner then takes any index that can serve, so a Seq Scan that remains
means none can, and a whole-index walk with no index condition is the same
full read in another form. Either, on a table that holds couples' rows, is
a finding: the query reads the other couples' rows too.
"""

from __future__ import annotations

import json
import re
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import Resolver404, resolve

# Tables that hold no couple's rows, or only a handful for the whole box, so
# reading one whole costs the same with ten couples as with ten thousand.
SMALL_TABLES = {
    "django_content_type": "one row per model",
    "django_migrations": "one row per migration",
    "django_site": "one row",
    "auth_permission": "four rows per model",
    "auth_group": "unused: Troth has no groups",
    "auth_group_permissions": "unused: Troth has no groups",
    "django_admin_log": "the operator's own edits",
    "notifications_clocktick": "one row per clock job",
    "questions_question": "the question library, the same for every couple",
    "questions_pack": "the packs of the question library",
}
# Statements whose plans are read; EXPLAIN without ANALYZE runs none of them.
EXPLAINED = ("SELECT", "WITH", "UPDATE", "DELETE")
# Sequential scans off, so a Seq Scan left means no index can serve; joins
# as nested loops without a materialized copy of either side, so each table
# joined in is read by the join's key (a merge or hash join, or a nested
# loop over a materialized table, would read the whole of a table of a few
# test rows whatever the indexes).
PLANNER_SETTINGS = (
    "enable_seqscan",
    "enable_mergejoin",
    "enable_hashjoin",
    "enable_material",
)
FULL_INDEX_WALKS = {"Index Scan", "Index Only Scan", "Bitmap Index Scan"}
NOT_BY_KEY = " not by a key"
# An index condition that picks rows by a key: the couple's space, a person,
# the row itself or its parent (space_id = 1, id = goal_id, event_id = ANY).
BY_KEY = re.compile(r"(\bid|_id|_key|email)\)?(::[\w ]+)? = ")
PK_JOIN = re.compile(r"\.id\)? = |= \(?\"?\w+\"?\.id\b")
HREF = re.compile(r'href="(/[^"#]*)')
# Links that act, download or leave; each has its own tests.
NOT_PAGES = re.compile(
    r"^/(static/|accounts/logout|settings/export/|audits/\d+/export|calendar/feed/"
    r"|admin/)"
)
DIGITS = re.compile(r"\d+")


def couple_tables() -> set[str]:
    """Every table of an installed model but the small global ones."""
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    } - set(SMALL_TABLES)


class Capture:
    """The statements run inside, with their parameters (Django's query log
    is emptied by every request the test client makes)."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, object]] = []

    def __call__(self, execute, sql, params, many, context):
        if not many:
            self.statements.append((sql, params))
        return execute(sql, params, many, context)

    def __enter__(self) -> Capture:
        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._wrapper.__exit__(*exc)


@dataclass(frozen=True)
class Scan:
    """A plan node that reads a couples' table whole."""

    where: str  # the page's URL name or the job's name
    table: str
    node: str
    sql: str
    index: str = ""

    def __str__(self) -> str:
        using = f" using {self.index}" if self.index else ""
        return f"{self.where}: {self.node}{using} on {self.table}\n    {self.sql[:600]}"


def plan(sql: str, params) -> dict:
    """The plan PostgreSQL would choose with sequential scans off (the
    setting is undone with the savepoint)."""
    with transaction.atomic(), connection.cursor() as cursor:
        for setting in PLANNER_SETTINGS:
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        found = cursor.fetchone()[0]
        transaction.set_rollback(True)
    found = json.loads(found) if isinstance(found, str) else found
    return found[0]["Plan"]


def keyed_without(sql: str, params, table: str, index: str, tables: set[str]) -> bool:
    """Whether, with the index the planner took set aside, it reads `table`
    by a key instead. Over a few test rows an index on a status or a date
    costs the planner no more than the couple's own (every index is a page
    or two), and which it takes turns on what earlier tests left in the
    table's files; at scale the couple's key picks a few rows of millions
    and wins. So a read not by a key is a finding only when no index by a
    key can serve the query: each index taken is dropped in turn (DROP INDEX
    is undone with the savepoint) until the plan reads the table by a key,
    reads it whole, or takes an index that can't be dropped (a
    constraint's)."""
    dropped: set[str] = set()
    with transaction.atomic():
        try:
            while index and index not in dropped and len(dropped) < 5:
                dropped.add(index)
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(f'DROP INDEX "{index}"')
                found = [
                    (kind, name)
                    for t, kind, name in full_reads(
                        plan(sql, params), tables, by_key=True
                    )
                    if t == table
                ]
                if not found:
                    return True
                kind, index = found[0]
                if not kind.endswith(NOT_BY_KEY):
                    return False
            return False
        except DatabaseError:
            return False
        finally:
            transaction.set_rollback(True)


def nodes(node: dict) -> Iterator[dict]:
    """Every node of a plan but the legs of a BitmapAnd that another leg
    bounds (a partial index ANDed with a couple's index reads only what
    both hold), and the inner side of a join on a primary key (`_pk_join`)."""
    yield node
    children = node.get("Plans", [])
    if node["Node Type"] == "BitmapAnd" and any("Index Cond" in c for c in children):
        children = [c for c in children if "Index Cond" in c]
    for child in children:
        if not _pk_join(node, child):
            yield from nodes(child)


def full_reads(
    node: dict, tables: set[str], *, by_key: bool = False
) -> Iterator[tuple[str, str, str]]:
    """(table, node type, index) of each node that reads a couples' table
    whole, or with `by_key` by anything but a key (a range of dates or a
    status: every couple's rows in it). A bitmap index scan names its table
    on the heap scan above it."""
    heap: str | None = ""
    for each in nodes(node):
        kind = each["Node Type"]
        table = each.get("Relation Name") or (
            heap if kind == "Bitmap Index Scan" else None
        )
        if kind == "Bitmap Heap Scan":
            heap = table
        if table not in tables:
            continue
        cond = each.get("Index Cond")
        if kind == "Seq Scan" or (kind in FULL_INDEX_WALKS and cond is None):
            yield table, kind, each.get("Index Name", "")
        elif by_key and kind in FULL_INDEX_WALKS and not BY_KEY.search(str(cond)):
            yield table, f"{kind}{NOT_BY_KEY}", each.get("Index Name", "")


class Planner:
    """Reads the plan of each statement shape once, however many pages or
    jobs run it, and names the first place that ran it."""

    def __init__(self, *, by_key: bool = False) -> None:
        self.tables = couple_tables()
        self.by_key = by_key
        self.seen: set[str] = set()
        self.scans: list[Scan] = []
        self.explained = 0

    def read(self, where: str, capture: Capture) -> None:
        for sql, params in capture.statements:
            if not sql.lstrip().upper().startswith(EXPLAINED) or sql in self.seen:
                continue
            self.seen.add(sql)
            self.explained += 1
            found = full_reads(plan(sql, params), self.tables, by_key=self.by_key)
            for table, kind, index in set(found):
                if kind.endswith(NOT_BY_KEY) and keyed_without(
                    sql, params, table, index, self.tables
                ):
                    continue
                self.scans.append(Scan(where, table, kind, sql, index))


def _pk_join(parent: dict, node: dict) -> bool:
    """The inner side of a nested loop read by an index and matched on the
    primary key in a join filter: over a few test rows the planner's fair
    choice, where at scale it looks each row up by that key."""
    return (
        parent.get("Node Type") == "Nested Loop"
        and PK_JOIN.search(parent.get("Join Filter", "")) is not None
        and parent["Plans"][-1] is node
        and node["Node Type"] in FULL_INDEX_WALKS
    )


def rows_read(sql: str, params, tables: set[str]) -> Counter[str]:
    """The most rows of each couples' table one scan of the statement reads
    in one loop as PostgreSQL runs it (EXPLAIN ANALYZE, undone with the
    savepoint): the rows it keeps and those its filters throw away. It is
    planned as `plan` does, taking any index that serves (over a few
    couples a whole read of a small table is otherwise the fair choice)."""
    with transaction.atomic(), connection.cursor() as cursor:
        for setting in PLANNER_SETTINGS:
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
        found = cursor.fetchone()[0]
        transaction.set_rollback(True)
    found = json.loads(found) if isinstance(found, str) else found
    stack: list[tuple[dict, dict]] = [({}, found[0]["Plan"])]
    read = Counter[str]()
    while stack:
        parent, node = stack.pop()
        stack.extend((node, child) for child in node.get("Plans", []))
        table = node.get("Relation Name")
        if table in tables and not _pk_join(parent, node):
            rows = (
                node.get("Actual Rows", 0)
                + node.get("Rows Removed by Filter", 0)
                + node.get("Rows Removed by Index Recheck", 0)
            )
            read[table] = max(read[table], rows)
    return read


def table_rows(tables: set[str]) -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(tables):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - a model's table
            counts[table] = cursor.fetchone()[0]
    return counts


class Rows:
    """Keeps each SELECT shape a page asked, with its parameters, to count
    the rows it reads."""

    def __init__(self) -> None:
        self.tables = couple_tables()
        self.statements: dict[str, tuple[str, object]] = {}

    def read(self, where: str, capture: Capture) -> None:
        for sql, params in capture.statements:
            if sql.lstrip().upper().startswith(("SELECT", "WITH")):
                self.statements.setdefault(sql, (where, params))

    def count(self) -> dict[str, Counter[str]]:
        return {
            sql: rows_read(sql, params, self.tables)
            for sql, (_where, params) in self.statements.items()
        }


def demo_couple(n: int, now) -> object:
    """Another couple with the demo's months of activity (troth/demo.py),
    the same for every `n` but their addresses."""
    import random

    from troth.accounts.builders import build_user
    from troth.demo import PASSWORD, Demo
    from troth.lib.hooks import app_modules
    from troth.spaces.builders import build_space

    started = Demo(space=None, alex=None, sam=None, now=now, rng=None).start  # type: ignore[arg-type]  # only its dates
    alex, sam = (
        build_user(
            f"{name.lower()}{n}@example.com",
            PASSWORD,
            display_name=name,
            timezone=zone,
            date_joined=started,
            verified=True,
        )
        for name, zone in (("Alex", "Europe/London"), ("Sam", "Europe/Berlin"))
    )
    space = build_space(alex, sam, created=started, joined_at=[started, started])
    demo = Demo(space=space, alex=alex, sam=sam, now=now, rng=random.Random(20261127))
    for module in app_modules("demo"):
        module.populate(demo)
    return demo


def forget_statistics() -> None:
    """Plan as the planner does for tables it knows nothing about (about
    ten pages each), whatever statistics earlier tests left behind: a table
    it believes nearly empty it reads whole by its primary key even where an
    index fits the query, which is no finding at scale. Undone with the
    test's transaction; needs a superuser, as the test database's owner is
    (otherwise the test is skipped, saying why)."""
    with connection.cursor() as cursor:
        try:
            cursor.execute(
                "UPDATE pg_class SET reltuples = -1, relpages = 0"
                " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')"
            )
            cursor.execute(
                "DELETE FROM pg_statistic WHERE starelid IN (SELECT oid FROM pg_class"
                " WHERE relnamespace = 'public'::regnamespace)"
            )
        except DatabaseError as error:
            pytest.skip(f"plans need a superuser to set statistics aside: {error}")


def analyze() -> None:
    """Fresh statistics, so the planner sees how many couples there are."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def place(path: str) -> str:
    """A page's URL name: the same for every object of its kind."""
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return path
    return match.view_name


def crawl(client: Client, planner: Planner | Rows, start: str = "/") -> list[str]:
    """Open every page reachable from `start` by links (one of each URL
    name and query shape), handing what each page asked to `planner`.
    Returns the pages opened."""
    seen = {start}
    queue = deque([start])
    shapes: Counter[str] = Counter()
    opened = []
    while queue:
        path = queue.popleft()
        with Capture() as captured:
            response = client.get(path)
        opened.append(path)
        assert response.status_code < 500, f"{path}: {response.status_code}"
        planner.read(place(path), captured)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        for href in HREF.findall(response.content.decode()):
            href = href.replace("&amp;", "&")
            if href in seen or NOT_PAGES.match(href):
                continue
            seen.add(href)
            shape = DIGITS.sub("N", href)
            if not shapes[shape]:
                shapes[shape] += 1
                queue.append(href)
    return opened
