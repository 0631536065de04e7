"""No page and no clock job reads the other couples' rows: every statement
they run is planned with sequential scans off (tests/plans.py), and a whole
read of a couples' table that remains means no index serves the query.

A second check runs each page's statements (EXPLAIN ANALYZE) among a few
couples with the same months of activity: no scan may read more rows of a
table in one go than one couple has there.

Findings still open are listed in KNOWN and KNOWN_GROWTH with what would
fix them; the tests fail on any other. Reads of every couple's rows that
are the point (a job walking the partial index of what is due) are in
BY_DESIGN with the reason.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from conftest import make_space, make_user
from tests.crowd import crowd
from tests.matrix import PEOPLE, World, registered_cases
from tests.plans import (
    Capture,
    Planner,
    Rows,
    analyze,
    crawl,
    demo_couple,
    forget_statistics,
    place,
    rows_read,
    table_rows,
)
from troth.demo import demo_create
from troth.lib.clock import all_jobs

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="query plans are PostgreSQL's: run with DATABASE_URL=postgres://…",
    ),
]

# (page URL name or job, table): reads of every couple's rows that are the
# point, with the reason.
BY_DESIGN: dict[tuple[str, str], str] = {
    # Whether a notice was already made is asked by its key, which names the
    # one object it is about ("agreement.ended:<id>:…"): at most one row per
    # partner, however many couples there are.
    ("troth.agreements.tasks.agreements_end_lapsed", "notifications_notification"): (
        "looks a notice up by its key (one_notification_per_key), which names"
        " the agreement: a row or two, not every couple's"
    ),
    ("troth.audits.tasks.remind_audits", "notifications_notification"): (
        "looks a notice up by its key (one_notification_per_key), which names"
        " the audit: a row or two, not every couple's"
    ),
    ("troth.notifications.tasks.sweep_activities", "spaces_activity"): (
        "walks the partial index activity_undelivered, which holds only the"
        " activities not yet delivered: what is due, not every couple's"
    ),
    ("troth.accounts.tasks.prune_sessions", "django_session"): (
        "counts and deletes the sessions whose expire_date has passed (or"
        " shows them idle) by django_session's expire_date index: the sessions"
        " it prunes, not every couple's; the sessions list's rows are matched"
        " to their session by key (Exists), not by NOT IN"
    ),
    ("troth.agreements.tasks.agreements_remind", "agreements_agreement"): (
        "walks the partial indexes agreements_review_due and agreements_ends_due"
        " (agreements in force) by the dates a week ahead: what is due. On the"
        " test's few rows the planner reads agreements_ends_due whole; with"
        " 300 couples and 3,000 agreements, analysed, EXPLAIN ANALYZE shows a"
        " BitmapOr of both indexes by their date ranges reading 31 entries"
    ),
}
# (page URL name or job, table): findings still open, each with what would
# fix it, for the lead to fix and remove. Some depend on the hour the test
# runs (what the jobs find due), so one not found is not a failure.
KNOWN: dict[tuple[str, str], str] = {}

# (page URL name, table) of statements that read more rows than one couple
# has: the finding and its fix, for the lead to fix and remove.
KNOWN_GROWTH: dict[tuple[str, str], str] = {}


def _report(scans) -> str:
    return "\n".join(str(scan) for scan in scans)


def _is_job(where: str) -> bool:
    return where.startswith("troth.")


def _check(planner: Planner, *, jobs: bool, all_pages: bool = True) -> None:
    """Fail on a finding not in KNOWN or BY_DESIGN; say which KNOWN ones
    of these (jobs, or pages when all pages were opened) were not found."""
    found = {(s.where, s.table): s for s in planner.scans}
    ours = {key for key in KNOWN if _is_job(key[0]) == jobs and (jobs or all_pages)}
    new = [
        scan
        for key, scan in sorted(found.items())
        if key not in KNOWN and key not in BY_DESIGN
    ]
    assert not new, (
        f"{len(new)} statement(s) read another couple's rows "
        f"(of {planner.explained} plans read):\n{_report(new)}"
    )
    gone = sorted(ours - set(found))
    if gone:
        print(f"KNOWN findings not found this time (fixed? remove them): {gone}")


def _world() -> World:
    people = {name: make_user(name) for name in PEOPLE}
    return World(
        **people,
        space=make_space(people["alice"], people["bob"]),
        other_space=make_space(people["carol"], people["dave"]),
    )


def test_no_page_reads_another_couples_rows():
    demo = demo_create()
    crowd(6)
    forget_statistics()
    planner = Planner(by_key=True)
    for person in demo.partners:
        client = Client(raise_request_exception=False)
        client.force_login(person)
        opened = crawl(client, planner)
        assert len(opened) >= 100, f"{person}: only {len(opened)} pages reached"
    _check(planner, jobs=False)


def _get_cases():
    cases, _ = registered_cases()
    for name, entries in sorted(cases.items()):
        for case in entries:
            if case.method == "GET" and case.allowed:
                yield name, case


def test_no_object_page_reads_another_couples_rows():
    from django.urls import reverse

    world = _world()
    crowd(6)
    forget_statistics()
    planner = Planner(by_key=True)
    clients = {}
    for name, case in _get_cases():
        person = sorted(case.allowed)[0]
        if person not in clients:
            clients[person] = Client(raise_request_exception=False)
            clients[person].force_login(world.person(person))
        url = reverse(name, kwargs=case.make(world))
        with Capture() as captured:
            clients[person].get(url, case.data)
        planner.read(place(url), captured)
    _check(planner, jobs=False, all_pages=False)


def test_no_clock_job_reads_another_couples_rows():
    demo_create()
    crowd(6)
    forget_statistics()
    planner = Planner()
    for job in all_jobs():
        job.task.call()  # catching up: what was due is done
        with Capture() as captured:
            job.task.call()
        planner.read(job.name, captured)
    _check(planner, jobs=True)


# Couples with the same months of activity: a scan that reads more rows of
# a table in one go than one couple has there reads another couple's.
COUPLES = 4


def test_no_page_reads_more_rows_than_one_couple_has():
    now = timezone.now()
    first, *_ = [demo_couple(n, now) for n in range(COUPLES)]
    analyze()
    rows = Rows()
    client = Client(raise_request_exception=False)
    client.force_login(first.alex)
    opened = crawl(client, rows)
    assert len(opened) >= 100, f"only {len(opened)} pages reached"
    # At least one: the sessions are the signed-in test client's alone.
    per_couple = {t: max(1, n / COUPLES) for t, n in table_rows(rows.tables).items()}
    found = []
    for sql, (where, params) in rows.statements.items():
        for table, n in rows_read(sql, params, rows.tables).items():
            if n > per_couple[table] and (where, table) not in KNOWN_GROWTH:
                found.append(
                    f"{where}: one scan reads {n} rows of {table}, one couple"
                    f" has {per_couple[table]:g}\n    {sql[:600]}"
                )
    assert not found, "\n".join(found)


def test_a_read_not_by_a_key_is_a_finding_only_when_no_key_serves():
    """Over a few rows the planner may take a date index where the couple's
    key serves as well (which it took in CI turned on what earlier tests
    left in the table's files); setting that index aside shows whether a
    read by the key exists."""
    from tests.plans import couple_tables, keyed_without

    tables = couple_tables()
    planned = (
        'SELECT * FROM "exercises_session" WHERE "cancelled_at" IS NULL'
        ' AND "starts_at" > %s'
    )
    now = timezone.now()
    assert keyed_without(
        planned + ' AND "space_id" = %s',
        [now, 1],
        "exercises_session",
        "exercises_session_planned",
        tables,
    )
    assert not keyed_without(
        planned, [now], "exercises_session", "exercises_session_planned", tables
    )
    # Nothing was dropped for good.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname = 'exercises_session_planned'"
        )
        assert cursor.fetchone()[0] == 1
