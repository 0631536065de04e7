"""What one couple's pages and every clock job cost when many couples share
the box, as ratios to the cheapest signed-in request.

    .venv/bin/python benchmarks/scale.py --couples 1000 [--years 3] [--runs 10]
        [--database postgres://postgres@127.0.0.1:5432/troth_scale] [--keep]

Makes its own database: a fresh SQLite file in a temporary directory, or,
with --database, the PostgreSQL database named there, dropped and created
again (so never point it at a database anything else uses) and dropped at
the end unless --keep. Migrates it and
builds one couple the way `troth demo` does (every feature, six months), with
three years of history before that (a promise every other day from each,
daily pulses, moments and questions with both answers, disagreements, a
weekly ritual, the activity and notifications they made). That couple is then
copied N - 1 times in SQL (INSERT ... SELECT over a series, ids shifted per
copy, the text's ciphertext reused), so a thousand couples take minutes.

Then, in one run, against the real settings with Django's test client:
- the signed-in /healthz as the floor, and each main page of a couple in the
  middle of the N: server time p50 and p95 as multiples of the floor's p50,
  and the page's query count;
- each clock job from the apps' jobs.py: one catch-up tick, then the steady
  tick (nothing newly due), its time as a multiple of the floor and its
  queries;
- every full-table scan in those queries' plans over a table that holds the
  other couples' rows (EXPLAIN on each captured SELECT).
Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Databases this script must never drop.
PROTECTED = {"postgres", "template0", "template1", "test", "troth", "root"}
# The pages a couple opens; details are added for one of their own objects.
PAGES = [
    "/",
    "/promises/",
    "/checkins/",
    "/calendar/",
    "/self/",
    "/self/partner/",
    "/questions/",
    "/moments/",
    "/agreements/",
    "/repair/",
    "/dialogue/",
    "/conflicts/",
    "/goals/",
    "/exercises/",
    "/audits/",
    "/insights/",
    "/safety/",
    "/notifications/",
    "/promises/figures",
    "/settings/",
    "/more/",
]
FLOOR = "/healthz"
# The same request signed out: what the signed-in floor is compared with.
ANONYMOUS = "/healthz (signed out)"
# Full scans of smaller tables are listed too, but not as findings: below a
# few couples' rows a scan is the planner's fair choice.
BIG_TABLE = 1_000
# Statements whose plans are read (EXPLAIN without ANALYZE runs none of them).
EXPLAINED = {"SELECT", "WITH", "UPDATE", "DELETE", "INSERT"}
# Queries EXPLAIN could not take (printed at the end).
UNEXPLAINED: list[str] = []
# Copied per statement; each batch is one transaction.
BATCH = 200


def recreate_postgres(url: str, *, create: bool = True) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    if not name or name in PROTECTED:
        raise SystemExit(
            f"Refusing to drop the database {name!r}: name one of its own."
        )
    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup(data_dir: str, database: str | None, *, reuse: bool = False) -> None:
    os.environ["TROTH_DATA_DIR"] = data_dir
    for name in ("TROTH_BACKUP_DIR", "TROTH_EMAIL_HOST", "TROTH_DEBUG"):
        os.environ.pop(name, None)
    if database:
        if not reuse:
            recreate_postgres(database)
        os.environ["DATABASE_URL"] = database
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "troth.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    # Pages name their static files through the manifest, as in production.
    call_command("collectstatic", interactive=False, verbosity=0)
    # Emails go to the log without a mail host: thousands of lines, not figures.
    logging.disable(logging.WARNING)


def build_history(demo, years: int) -> None:
    """Three years (or `years`) before the demo's six months, in the tables
    that grow with time."""
    from django.contrib.contenttypes.models import ContentType

    from troth.conflicts.models import Conflict, ConflictView
    from troth.moments.models import Moment
    from troth.notifications.models import Notification
    from troth.promises.models import EventKind, Promise, PromiseEvent, State
    from troth.questions.models import Answer, Round
    from troth.schedule.models import Event, EventVisibility, RitualMark
    from troth.spaces.models import Activity, Visibility

    rng = random.Random(14)
    alex, sam, space = demo.alex, demo.sam, demo.space
    first = demo.now - dt.timedelta(days=365 * years)
    days = (demo.start - first).days
    if days <= 0:
        return
    day0 = first.date()
    shared = Visibility.SHARED

    promises = []
    for n in range(0, days, 2):
        for person, other in ((alex, sam), (sam, alex)):
            made = first + dt.timedelta(days=n - 1, hours=20)
            state = rng.choice([State.KEPT] * 6 + [State.NOT_QUITE, State.MISSED])
            p = Promise(
                space=space,
                author=person,
                promisee=other,
                created=made,
                state=state,
                settled_at=made + dt.timedelta(days=1, hours=3),
                done_at=made + dt.timedelta(hours=20)
                if state != State.MISSED
                else None,
            )
            p.set_terms(
                text="Take the recycling down",
                due_date=day0 + dt.timedelta(days=n),
                due_time=None,
                tz=person.timezone,
            )
            promises.append(p)
    promises = Promise.objects.bulk_create(promises, batch_size=500)
    promise_type = ContentType.objects.get_for_model(Promise)
    events, activities, notices = [], [], []
    for p in promises:
        events.append(
            PromiseEvent(
                promise=p, actor=p.author, kind=EventKind.MADE, created=p.created
            )
        )
        settled = {
            State.KEPT: EventKind.KEPT,
            State.NOT_QUITE: EventKind.NOT_QUITE,
            State.MISSED: EventKind.MISSED,
        }[State(p.state)]
        events.append(
            PromiseEvent(
                promise=p,
                actor=None if p.state == State.MISSED else p.promisee,
                kind=settled,
                created=p.settled_at or p.created,
            )
        )
        activities.append(
            Activity(
                space=space,
                author=p.author,
                recipient=p.promisee,
                verb="promise.made",
                target_type=promise_type,
                target_id=p.pk,
                created=p.created,
                # Its notice below was made: delivered, as a running clock leaves it.
                delivered_at=p.created,
                visibility=shared,
            )
        )
        notices.append(
            Notification(
                user=p.promisee,
                space=space,
                actor=p.author,
                kind="promise.made",
                target_type=promise_type,
                target_id=p.pk,
                url=f"/promises/{p.pk}/",
                key=f"promise.made:{p.pk}",
                created=p.created,
                read_at=p.created + dt.timedelta(hours=2),
                email=Notification.Email.SENT,
                email_after=p.created,
            )
        )
    PromiseEvent.objects.bulk_create(events, batch_size=500)
    Activity.objects.bulk_create(activities, batch_size=500)
    Notification.objects.bulk_create(notices, batch_size=500)

    from troth.checkins.models import Pulse

    Pulse.objects.bulk_create(
        [
            Pulse(
                space=space,
                author=person,
                day=day0 + dt.timedelta(days=n),
                created=first + dt.timedelta(days=n, hours=21),
                predictability=rng.randint(3, 7),
                dependability=rng.randint(3, 7),
                faith=rng.randint(3, 7),
                understood=rng.randint(3, 7),
                cared_for=rng.randint(3, 7),
                visibility=shared if person == sam else Visibility.PRIVATE,
            )
            for n in range(days)
            for person in (alex, sam)
            if rng.random() < 0.8
        ],
        batch_size=500,
    )
    Moment.objects.bulk_create(
        [
            Moment(
                space=space,
                author=person,
                about="partner",
                subject=other,
                kind="listened",
                note="You put your phone down when I started talking.",
                occurred_on=day0 + dt.timedelta(days=n),
                created=first + dt.timedelta(days=n, hours=19),
                acknowledged_at=first + dt.timedelta(days=n, hours=22),
                visibility=shared,
            )
            for n in range(days)
            for person, other in ((alex, sam), (sam, alex))
            if rng.random() < 0.4
        ],
        batch_size=500,
    )

    keys = list(Round.objects.filter(space=space).values_list("key", flat=True)[:50])
    rounds = Round.objects.bulk_create(
        [
            Round(
                space=space,
                day=day0 + dt.timedelta(days=n),
                key=keys[n % len(keys)] if keys else f"scale-{n}",
                level=1,
                created=first + dt.timedelta(days=n, hours=6),
                revealed_at=first + dt.timedelta(days=n, hours=21)
                if rng.random() < 0.7
                else None,
            )
            for n in range(days)
        ],
        batch_size=500,
    )
    Answer.objects.bulk_create(
        [
            Answer(
                space=space,
                author=person,
                round=r,
                text="A walk by the river, the first summer.",
                created=r.created + dt.timedelta(hours=10),
                visibility=shared,
            )
            for r in rounds
            for person in (alex, sam)
            if r.revealed_at or person == alex
        ],
        batch_size=500,
    )

    conflicts = Conflict.objects.bulk_create(
        [
            Conflict(
                space=space,
                author=alex,
                topic="The holiday budget",
                occurred_at=first + dt.timedelta(days=rng.randrange(days), hours=19),
                visibility=shared,
            )
            for _n in range(days * 5 // 30)
        ],
        batch_size=500,
    )
    ConflictView.objects.bulk_create(
        [
            ConflictView(
                space=space,
                author=person,
                conflict=c,
                visibility=shared,
                intensity=3,
                opening="gentle",
                repaired="yes",
                repair_minutes=180,
            )
            for c in conflicts
            for person in (alex, sam)
        ],
        batch_size=500,
    )

    begins = first.replace(hour=9, minute=0, second=0, microsecond=0)
    ritual = Event.objects.create(
        space=space,
        author=alex,
        kind=Event.Kind.RITUAL,
        visibility=EventVisibility.SHARED,
        title="Sunday breakfast",
        start=begins,
        end=begins + dt.timedelta(hours=1),
        time_zone="Europe/London",
        rrule="FREQ=WEEKLY",
    )
    RitualMark.objects.bulk_create(
        [
            RitualMark(
                event=ritual,
                original=begins + dt.timedelta(weeks=week),
                user=person,
                happened=rng.random() < 0.85,
                marked_at=begins + dt.timedelta(weeks=week, hours=3),
            )
            for week in range((demo.now - begins).days // 7)
            for person in (alex, sam)
        ],
        batch_size=500,
    )


def couple_tables():
    """The models whose rows belong to a couple (all that hold rows after
    the template is built, but the shared catalogues and the machinery)."""
    from django.apps import apps

    skip = {
        "contenttypes",
        "auth.permission",
        "sessions",
        "usersessions",
        "django_tasks_db",
        "notifications.clocktick",
        "admin",
    }
    found = []
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label in skip or label in skip or model._meta.proxy:
            continue
        if model.objects.exists():
            found.append(model)
    return found


def unique_sets(model) -> list[list]:
    meta = model._meta
    sets = [[f] for f in meta.concrete_fields if f.unique and not f.primary_key]
    for fields in meta.unique_together:
        sets.append([meta.get_field(n) for n in fields])
    for constraint in meta.constraints:
        if getattr(constraint, "fields", None):
            sets.append([meta.get_field(n) for n in constraint.fields])
    return sets


def clone_statements(models, strides: dict, vendor: str) -> list[tuple[str, str]]:
    """One INSERT ... SELECT per table, copying the template couple's rows
    once per k in the series, every id and every link to a copied table
    shifted by k times that table's template size."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.db.models import CharField, EmailField, TextField

    q = connection.ops.quote_name
    copied = set(models)
    ct_stride = {ContentType.objects.get_for_model(m).pk: strides[m] for m in models}
    k = "s.k"
    statements = []
    for model in models:
        meta = model._meta
        names = {f.name: f for f in meta.concrete_fields}
        changed = {}
        for fields in unique_sets(model):
            if any(
                f.primary_key or (f.is_relation and f.related_model in copied)
                for f in fields
            ):
                continue
            text = next(
                (f for f in fields if isinstance(f, (CharField, TextField))), None
            )
            if text is None:
                raise SystemExit(
                    f"{meta.label}: no way to keep {fields} unique in copies"
                )
            col = f"t.{q(text.column or text.name)}"
            if isinstance(text, EmailField) or "email" in text.name:
                changed[text.name] = (
                    f"replace({col}, '@', '+' || CAST({k} AS TEXT) || '@')"
                )
            else:
                keep = (text.max_length or 200) - 8
                changed[text.name] = (
                    f"substr({col}, 1, {keep}) || '~' || CAST({k} AS TEXT)"
                )
        columns, values = [], []
        for f in meta.concrete_fields:
            col = f"t.{q(f.column)}"
            columns.append(q(f.column))
            if f.name in changed:
                values.append(changed[f.name])
            elif f.primary_key:
                values.append(f"{col} + {k} * {strides[model]}")
            elif f.is_relation and f.related_model in copied:
                values.append(f"{col} + {k} * {strides[f.related_model]}")
            elif (
                f.name.endswith("_id") and f"{f.name[:-3]}_type" in names and ct_stride
            ):
                cases = " ".join(
                    f"WHEN {ct} THEN {col} + {k} * {stride}"
                    for ct, stride in ct_stride.items()
                )
                values.append(
                    f"CASE t.{q(names[f.name[:-3] + '_type'].column)} {cases} ELSE {col} END"
                )
            else:
                values.append(col)
        table = q(meta.db_table)
        select = (
            f"SELECT {', '.join(values)} FROM {table} t, s "
            f"WHERE t.{q(meta.pk.column)} <= {strides[model]}"
        )
        if vendor == "postgresql":
            series = "s AS (SELECT generate_series(%s, %s) AS k)"
        else:
            series = "RECURSIVE s(k) AS (SELECT %s UNION ALL SELECT k + 1 FROM s WHERE k < %s)"
        statements.append(
            (
                meta.db_table,
                f"WITH {series} INSERT INTO {table} ({', '.join(columns)}) {select}",
            )
        )
    return statements


def clone(couples: int) -> dict:
    """Copy the template couple until there are `couples`. Returns each
    copied table's rows per couple."""
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.db.models import Max

    models = couple_tables()
    strides = {m: m.objects.aggregate(n=Max(m._meta.pk.attname))["n"] for m in models}
    per_couple = {m._meta.db_table: m.objects.count() for m in models}
    statements = clone_statements(models, strides, connection.vendor)
    tables = [m._meta.db_table for m in models]
    indexes = []
    if connection.vendor == "postgresql":
        # Indexes are built faster once over all rows than row by row; the
        # unique ones stay (they are constraints, and cheap next to the rest).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                " FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
                " WHERE t.relname = ANY(%s) AND NOT i.indisunique",
                [tables],
            )
            indexes = cursor.fetchall()
            for name, _sql in indexes:
                cursor.execute(f"DROP INDEX {name}")
    done = 1
    while done < couples:
        last = min(couples - 1, done + BATCH - 1)
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The copies link only to rows of their own copy, made in the
                # same transaction: checking each link row by row (the
                # foreign keys' triggers) would take most of the time.
                cursor.execute("SET LOCAL session_replication_role = replica")
            for _table, sql in statements:
                cursor.execute(sql, [done, last])
        done = last + 1
    with connection.cursor() as cursor:
        if indexes:
            cursor.execute("SET maintenance_work_mem = '256MB'")
        for _name, sql in indexes:
            cursor.execute(sql)
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
        cursor.execute("ANALYZE")
    return per_couple


def pick_couple(couples: int):
    """The couple in the middle of the N, and something of theirs to open."""
    from troth.accounts.models import User
    from troth.spaces.models import Space

    user = User.objects.filter(email__startswith="alex").order_by("pk")[couples // 2]
    space = Space.objects.get(memberships__user=user)
    return user, space


def detail_pages(user, space) -> list[str]:
    from troth.agreements.models import Agreement
    from troth.goals.models import Goal
    from troth.promises.models import Promise

    pages = []
    for model, prefix in (
        (Promise, "/promises/"),
        (Goal, "/goals/"),
        (Agreement, "/agreements/"),
    ):
        obj = model.objects.visible_to(user).filter(space=space).order_by("-pk").first()
        if obj:
            pages.append(f"{prefix}{obj.pk}/")
    return pages


def load() -> str:
    return ", ".join(f"{n:.1f}" for n in os.getloadavg()) + " (1, 5, 15 min)"


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def plan_scans(sql: str, vendor: str, sizes: dict) -> set[str]:
    """Tables of other couples' rows the query reads whole."""
    from django.db import connection

    found = set()
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            stack = [plan[0]["Plan"]]
            while stack:
                node = stack.pop()
                table = node.get("Relation Name")
                if node["Node Type"] == "Seq Scan" and table in sizes:
                    found.add(table)
                stack.extend(node.get("Plans", []))
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            for row in cursor.fetchall():
                words = row[-1].split()
                if words[:1] == ["SCAN"] and "USING" not in words:
                    table = words[1]
                    if table in sizes:
                        found.add(table)
    return found


def captured_scans(queries, vendor: str, sizes: dict) -> dict[str, int]:
    scans: dict[str, int] = {}
    shapes = set()
    for query in queries:
        sql = query["sql"]
        # A job asks the same query once per couple: one plan of each shape.
        shape = re.sub(r"\d+", "0", sql)
        if sql.split(None, 1)[0].upper() not in EXPLAINED or shape in shapes:
            continue
        shapes.add(shape)
        try:
            tables = plan_scans(sql, vendor, sizes)
        except Exception as error:  # noqa: BLE001 - said at the end, not fatal
            UNEXPLAINED.append(f"{error}: {sql[:200]}")
            continue
        for table in tables:
            scans[table] = sizes[table]
    return scans


class Capture:
    """The statements run inside: every one counted (Django's query log
    keeps only the last 9,000, and anything may empty it), the SQL of the
    first ones kept for their plans."""

    def __init__(self) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.n = 0
        self.written = 0
        self.log = CaptureQueriesContext(connection)
        self.connection = connection

    def __call__(self, execute, sql, params, many, context):
        self.n += 1
        result = execute(sql, params, many, context)
        if sql.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            # Rows a write changed: a tick that changed none did nothing.
            self.written += max(context["cursor"].rowcount, 0)
        return result

    def __enter__(self) -> Capture:
        self.connection.queries_log.clear()
        self.log.__enter__()
        self.wrapper = self.connection.execute_wrapper(self)
        self.wrapper.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.wrapper.__exit__(*exc)
        self.log.__exit__(*exc)

    @property
    def captured_queries(self) -> list[dict]:
        return self.log.captured_queries


def count(captured: Capture) -> str:
    return f"{captured.n:,}"


def scans_text(scans: dict[str, int]) -> str:
    big = sorted(t for t, n in scans.items() if n >= BIG_TABLE)
    return ", ".join(f"{t} ({scans[t]:,} rows)" for t in big) or "-"


def measure_pages(client, pages: list[str], runs: int, vendor: str, sizes: dict):
    """Each page's status, size, queries and scans once, then `runs` timed
    requests of each, round robin; the floor signed out too, by a client of
    its own."""
    from django.test import Client

    clients = {ANONYMOUS: Client(HTTP_HOST="localhost")}
    urls = [ANONYMOUS, FLOOR, *pages]
    status, counts, scans = {}, {}, {}
    for url in urls:
        # Counted on the second request: the first after signing in also
        # records the session's activity, as one every few minutes does.
        get(clients, client, url)
        with Capture() as captured:
            response = get(clients, client, url)
        status[url] = f"{response.status_code}, {len(response.content) / 1000:.0f} KB"
        counts[url] = count(captured)
        scans[url] = captured_scans(captured.captured_queries, vendor, sizes)
    samples: dict[str, list[float]] = {url: [] for url in urls}
    for _n in range(runs):
        # Round robin, so every page sees the same load on a busy machine.
        for url in urls:
            t = time.perf_counter()
            get(clients, client, url)
            samples[url].append((time.perf_counter() - t) * 1000)
    return status, counts, scans, samples


def get(clients: dict, client, url: str):
    if url in clients:
        return clients[url].get(FLOOR)
    return client.get(url)


def run_job(job):
    took, captured, _done = run_tick(job)
    return took, captured


def run_tick(job):
    with Capture() as captured:
        t = time.perf_counter()
        done = job.task.call()
        took = (time.perf_counter() - t) * 1000
    return took, captured, done


# A job's catch-up ends when a tick does nothing (or after this many).
CATCH_UP_TICKS = 50


def catch_up(job):
    """What the copied data left due, done as a running clock would: tick
    after tick while a tick still changes something (a batch at a time: a
    job may move rows on without anything to send). Returns the first
    tick's time and queries, and the ticks taken."""
    took, captured, done = run_tick(job)
    ticks = 1
    while ticks < CATCH_UP_TICKS and (did_something(done) or wrote(captured)):
        _took, captured, done = run_tick(job)
        ticks += 1
    return (took, captured), ticks


def wrote(captured) -> bool:
    return captured.written > 0


def did_something(done) -> bool:
    """A job's return says what it did: a count, or counts in a tuple."""
    if isinstance(done, (list, tuple)):
        return any(did_something(item) for item in done)
    if isinstance(done, dict):
        return any(did_something(item) for item in done.values())
    return bool(done)


def data_dir_for(args) -> Path:
    """A kept database keeps its data directory too (its secret key
    decrypts the copied text): one per database name, under the system's
    temporary directory."""
    name = urlsplit(args.database).path.lstrip("/")
    return Path(tempfile.gettempdir()) / f"troth-scale-{name}"


def built_couples(database: str | None) -> int:
    """How many copied couples a kept database already holds (0: none)."""
    if not database:
        return 0
    import psycopg

    try:
        with psycopg.connect(database) as conn:
            row = conn.execute(
                "SELECT count(*) FROM accounts_user WHERE email LIKE 'alex%%'"
            ).fetchone()
    except psycopg.Error:
        return 0
    return row[0] if row else 0


def build(args) -> dict:
    """The template couple and its copies; returns each table's rows per
    couple."""
    from django.utils import timezone

    from troth.demo import demo_create

    t = time.perf_counter()
    demo = demo_create(timezone.now())
    build_history(demo, args.years)
    template = time.perf_counter() - t
    t = time.perf_counter()
    per_couple = clone(args.couples)
    cloned = time.perf_counter() - t
    rows = sum(per_couple.values())
    print(
        f"One couple ({args.years} years, {rows:,} rows in {len(per_couple)} tables) "
        f"built in {template:.1f} s; copied to {args.couples:,} couples "
        f"({rows * args.couples:,} rows) in {cloned:.1f} s "
        f"({cloned / max(args.couples - 1, 1) * 1000:.1f} s per 1,000 couples, ANALYZE included)"
    )
    return per_couple


def kept_sizes(couples: int) -> dict:
    """Rows per couple of a kept database's copied tables (the planner's
    estimates: counting 80 million rows would take longer than the run)."""
    from django.db import connection

    tables = [m._meta.db_table for m in couple_tables()]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname = ANY(%s)", [tables]
        )
        found = dict(cursor.fetchall())
    rows = sum(found.values())
    print(f"Reusing {couples:,} couples ({rows:,.0f} rows, the planner's estimate)")
    return {table: max(int(found.get(table, 0) // couples), 1) for table in tables}


def report_pages(args, pages, measured) -> float:
    status, counts, scans, samples = measured
    floor = statistics.median(samples[FLOOR])
    anonymous = statistics.median(samples[ANONYMOUS])
    print()
    print(
        f"Pages of one couple among {args.couples:,} ({args.runs} requests each, round robin); "
        f"floor = signed-in {FLOOR}: p50 {floor:.2f} ms, p95 {percentile(samples[FLOOR], 0.95):.2f} ms, "
        f"{counts[FLOOR]} queries; signed out: p50 {anonymous:.2f} ms, {counts[ANONYMOUS]} queries "
        f"(signed in = {floor / anonymous:.2f} x signed out)"
    )
    print(
        "| page | status, size | p50 × floor | p95 × floor | queries | full scans of big tables |"
    )
    print("|---|---|---|---|---|---|")
    for url in [ANONYMOUS, FLOOR, *pages]:
        s = samples[url]
        print(
            f"| {url} | {status[url]} | {statistics.median(s) / floor:.1f} | "
            f"{percentile(s, 0.95) / floor:.1f} | {counts[url]} | {scans_text(scans[url])} |"
        )
    return floor


def report_jobs(args, jobs, first, floor, vendor, sizes) -> None:
    print()
    print(
        f"Clock jobs with {args.couples:,} couples: one catch-up tick, then {args.ticks} steady ticks (nothing newly due)"
    )
    print(
        "| job | every | catch-up × floor | catch-up queries | steady × floor (median) | steady queries | worker time an hour | full scans of big tables |"
    )
    print("|---|---|---|---|---|---|---|---|")
    busy = 0.0
    for job in jobs:
        (took0, captured0), caught = first[job.name]
        ticks = [run_job(job) for _n in range(args.ticks)]
        steady = statistics.median(t for t, _c in ticks)
        found = captured_scans(ticks[-1][1].captured_queries, vendor, sizes)
        # Seconds of a worker an hour spent on ticks with nothing to do.
        hourly = steady / 1000 * (3600 / job.every.total_seconds())
        busy += hourly
        print(
            f"| {job.name.removeprefix('troth.')} | {job.every} | {took0 / floor:.1f} | {count(captured0)}"
            f"{f' ({caught} ticks)' if caught > 2 else ''} | "
            f"{steady / floor:.1f} | {count(ticks[-1][1])} | {hourly:.1f} s | "
            f"{scans_text(found)} |"
        )
    print(
        f"All steady ticks together: {busy:.0f} s of one worker an hour "
        f"({busy / 36:.1f} % of a worker) with {args.couples:,} couples"
    )


def make_due(n: int) -> list[int]:
    """One open promise in each of `n` couples falls due in two hours, its
    reminder time just passed: `n` reminders due at once."""
    from django.db.models import Max
    from django.utils import timezone

    from troth.promises.models import Promise, State
    from troth.spaces.models import Space

    now = timezone.now()
    # The latest promise of each of the first n couples, grouped over their
    # rows (a subquery per couple ordered by id let PostgreSQL walk the whole
    # table's primary key backwards for each couple: it ran for 13 minutes
    # at 1,000 couples once).
    spaces = list(Space.objects.order_by("pk").values_list("pk", flat=True)[:n])
    pks = list(
        Promise.objects.filter(space_id__in=spaces)
        .values("space_id")
        .annotate(latest=Max("pk"))
        .order_by("space_id")
        .values_list("latest", flat=True)
    )
    Promise.objects.filter(pk__in=pks).update(
        state=State.OPEN,
        created=now - dt.timedelta(days=1),
        due_at=now + dt.timedelta(hours=2),
        remind_at=now - dt.timedelta(minutes=1),
        reminded_at=None,
        done_at=None,
    )
    return pks


def report_due(n: int, floor: float) -> None:
    """What `n` reminders due at once cost: the reminding tick, then
    sending their emails (without a mail host they go to the log: the
    worker's side of sending); each reminder once."""
    from django.test import override_settings
    from django.utils import timezone

    from troth.notifications.models import Notification
    from troth.notifications.services import emails_send_due
    from troth.promises.tasks import remind_due_soon

    # Whatever else was waiting to be emailed goes first, untimed.
    with override_settings(TROTH_EMAIL_RATE=10**9):
        emails_send_due(now=timezone.now() + dt.timedelta(days=1))
    pks = make_due(n)
    started = timezone.now()
    made, ticks = 0, 0
    with Capture() as remind:
        t = time.perf_counter()
        # A tick takes a batch; the clock ticks again until none is left.
        while (sent := remind_due_soon.call()) or not ticks:
            made += sent
            ticks += 1
        reminding = time.perf_counter() - t
    new = Notification.objects.filter(kind="promise.due_soon", created__gte=started)
    # Every email is let through at once (the rate is a setting) and sent
    # as if its quiet hours were over.
    with Capture() as sending, override_settings(TROTH_EMAIL_RATE=10 * n + 1000):
        t = time.perf_counter()
        emailed = emails_send_due(now=timezone.now() + dt.timedelta(days=1))
        mailing = time.perf_counter() - t
    again = remind_due_soon.call()
    print()
    print(
        f"{len(pks):,} reminders due at once (one promise in each of {len(pks):,} couples): "
        f"reminding {reminding:.2f} s in {ticks} tick(s) ({reminding * 1000 / floor:.0f} × floor, "
        f"{count(remind)} queries) made {made} reminders ({new.count()} notices); "
        f"sending the emails due {mailing:.2f} s ({count(sending)} queries, {emailed} emails); "
        f"a second tick reminded {again}"
    )


def throughput(args, data_dir: str, cookie, seconds: float) -> None:
    """Requests a second the real server (`troth serve`, waitress, four
    threads, no worker) answers for the floor and for Today, with four
    clients keeping their connections; as a ratio of the floor's."""
    import socket
    import subprocess

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, TROTH_DATA_DIR=data_dir)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "troth.cli",
            "serve",
            "--port",
            str(port),
            "--threads",
            "4",
            "--no-worker",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    headers = {"Cookie": f"{cookie.key}={cookie.value}", "Host": "localhost"}
    try:
        wait_for(port)
        rates = {url: load_rate(port, url, headers, seconds) for url in (FLOOR, "/")}
    finally:
        server.terminate()
        server.wait(30)
    print()
    print(
        f"Throughput under `troth serve` (4 threads, 4 clients, {seconds:.0f} s each): "
        f"floor {rates[FLOOR]:.0f} requests/s, Today {rates['/']:.0f} requests/s "
        f"= {rates['/'] / rates[FLOOR]:.2f} × the floor's"
    )


def load_rate(port: int, url: str, headers: dict, seconds: float) -> float:
    """Requests a second four keep-alive clients get answered for `url`."""
    import http.client
    import threading

    done: list[int] = []

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n, end = 0, time.perf_counter() + seconds
        while time.perf_counter() < end:
            conn.request("GET", url, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{url} answered {response.status}")
            n += 1
        done.append(n)

    threads = [threading.Thread(target=client) for _n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / seconds


def wait_for(port: int) -> None:
    import http.client

    for _n in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", FLOOR, headers={"Host": "localhost"})
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--couples", type=int, default=20)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--runs", type=int, default=10, help="timed requests per page")
    parser.add_argument("--ticks", type=int, default=3, help="steady ticks per job")
    parser.add_argument("--due", type=int, default=1000, help="reminders due at once")
    parser.add_argument(
        "--seconds",
        type=float,
        default=10,
        help="seconds of load per throughput figure",
    )
    parser.add_argument(
        "--database",
        help="postgres://user@host:port/NAME: dropped and created again (default: a temporary SQLite file)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="leave the PostgreSQL database to look into"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the database a --keep run left (migrated first), without building",
    )
    args = parser.parse_args()
    if (args.keep or args.reuse) and not args.database:
        parser.error("--keep and --reuse need --database")
    return args


def main() -> int:
    args = parse_args()
    context: contextlib.AbstractContextManager[str]
    if args.database and (args.keep or args.reuse):
        kept = data_dir_for(args)
        kept.mkdir(exist_ok=True)
        context = contextlib.nullcontext(str(kept))
    else:
        context = tempfile.TemporaryDirectory(prefix="troth-scale-")
    reuse = args.reuse and built_couples(args.database) == args.couples
    if args.reuse and not reuse:
        print("Nothing to reuse for that many couples: building.")
    with context as data_dir:
        started = time.perf_counter()
        setup(data_dir, args.database, reuse=reuse)
        from django.db import connection
        from django.test import Client

        from troth.lib.clock import all_jobs

        vendor = connection.vendor
        print(f"Machine: {os.cpu_count()} CPUs, load average {load()}")
        print(
            f"Database: {vendor} {connection.settings_dict['NAME']}; set up in {time.perf_counter() - started:.1f} s"
        )
        per_couple = kept_sizes(args.couples) if reuse else build(args)
        sizes = {table: n * args.couples for table, n in per_couple.items()}

        # One catch-up tick of every job first: what the template left due is
        # done once, as a running clock would have done it.
        jobs = all_jobs()
        first = {job.name: catch_up(job) for job in jobs}

        user, space = pick_couple(args.couples)
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        pages = PAGES + detail_pages(user, space)
        measured = measure_pages(client, pages, args.runs, vendor, sizes)
        floor = report_pages(args, pages, measured)
        report_jobs(args, jobs, first, floor, vendor, sizes)
        report_due(args.due, floor)
        throughput(args, data_dir, client.cookies[settings_cookie()], args.seconds)
        for line in UNEXPLAINED:
            print(f"Not explained: {line}")
        print()
        print(
            f"Whole run: {time.perf_counter() - started:.0f} s; load average {load()}"
        )
        connection.close()
        if args.database and not args.keep and not args.reuse:
            recreate_postgres(args.database, create=False)
    return 0


def settings_cookie() -> str:
    from django.conf import settings

    return settings.SESSION_COOKIE_NAME


if __name__ == "__main__":
    raise SystemExit(main())
