"""How long importing a 5,000-event calendar file takes, next to the time
icalendar takes only to parse it.

    .venv/bin/python benchmarks/ics_import.py [--events 5000] [--runs 3]

Builds a fresh SQLite database in a temporary directory (nothing else is
touched), writes a calendar file shaped like a long-kept Google or Outlook
calendar (time zones given as VTIMEZONE blocks, some under Windows or custom
names, weekly and monthly series with skipped and moved dates, all-day
events), then times in one run: parsing the file with icalendar alone, the
whole import (`calendar_import`: reading, checking, writing), and importing
the same file again (which must add nothing). Prints each time and its ratio
to the parse. Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VTIMEZONES = """BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:BST
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:GMT
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:Customized Time Zone
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""

ZONES = ("Europe/London", "W. Europe Standard Time", "Customized Time Zone")
TITLES = ("Dentist", "Team lunch", "Call with Mum", "Climbing", "Book club", "Flight")


def calendar_file(events: int, rng: random.Random) -> bytes:
    """A calendar with `events` VEVENTs (a moved date of a series is one of
    them, as exporters write it: a second VEVENT with the same UID)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Troth benchmark//EN",
        *VTIMEZONES.strip().splitlines(),
    ]
    first = dt.datetime(2019, 1, 7, 9, 0)
    n = written = 0
    while written < events:
        n += 1
        written += 1
        start = first + dt.timedelta(
            days=rng.randint(0, 6 * 365), hours=rng.randint(0, 11)
        )
        uid = f"bench-{n}@example.com"
        kind = rng.random()
        lines += ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z"]
        lines.append(f"SUMMARY:{rng.choice(TITLES)} {n}")
        if kind < 0.15:
            day = start.date()
            lines += [
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + dt.timedelta(days=rng.randint(1, 3)):%Y%m%d}",
                "END:VEVENT",
            ]
            continue
        zone = rng.choice(ZONES)
        end = start + dt.timedelta(minutes=rng.choice((30, 60, 90)))
        lines += [
            f"DTSTART;TZID={zone}:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID={zone}:{end:%Y%m%dT%H%M%S}",
            "LOCATION:Somewhere\\, nearby",
            "DESCRIPTION:Bring the notes.\\nAnd the charger.",
        ]
        moved = None
        if kind < 0.35:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=20")
            skipped = start + dt.timedelta(weeks=2)
            lines.append(f"EXDATE;TZID={zone}:{skipped:%Y%m%dT%H%M%S}")
            moved = start + dt.timedelta(weeks=3)
        elif kind < 0.45:
            lines.append(
                f"RRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL={start.year + 2}0101T000000Z"
            )
        lines.append("END:VEVENT")
        if moved is not None and written < events:
            written += 1
            later = moved + dt.timedelta(hours=1)
            lines += [
                "BEGIN:VEVENT",
                f"UID:{uid}",
                f"RECURRENCE-ID;TZID={zone}:{moved:%Y%m%dT%H%M%S}",
                f"DTSTART;TZID={zone}:{later:%Y%m%dT%H%M%S}",
                f"DTEND;TZID={zone}:{later + (end - start):%Y%m%dT%H%M%S}",
                f"SUMMARY:{rng.choice(TITLES)} {n} (moved)",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def setup(data_dir: str) -> None:
    os.environ["TROTH_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "troth.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="troth-bench-") as data_dir:
        setup(data_dir)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from icalendar import Calendar

        from troth.accounts.models import User
        from troth.schedule.models import Event, EventVisibility
        from troth.schedule.services import calendar_import
        from troth.spaces.models import Membership, Space

        data = calendar_file(args.events, random.Random(5))
        print(f"A file of {args.events} events, {len(data) / 1024 / 1024:.1f} MB")
        parse, full, again = [], [], []
        for run in range(args.runs):
            alex = User.objects.create_user(
                f"alex{run}@example.com", "x", timezone="Europe/London"
            )
            space = Space.objects.create()
            Membership.objects.create(space=space, user=alex)

            started = time.perf_counter()
            Calendar.from_ical(data, multiple=True)
            parse.append(time.perf_counter() - started)

            run_import = partial(
                calendar_import,
                space=space,
                author=alex,
                data=data,
                visibility=EventVisibility.PRIVATE,
            )

            started = time.perf_counter()
            with CaptureQueriesContext(connection) as first_queries:
                first = run_import()
            full.append(time.perf_counter() - started)

            started = time.perf_counter()
            with CaptureQueriesContext(connection) as second_queries:
                second = run_import()
            again.append(time.perf_counter() - started)

            stored = Event.objects.filter(author=alex).count()
            print(
                f"run {run + 1}: parse {parse[-1]:.2f} s, import {full[-1]:.2f} s "
                f"({len(first_queries)} queries, {first.added} added), "
                f"re-import {again[-1]:.2f} s ({len(second_queries)} queries, "
                f"{second.added} added, {second.unchanged} unchanged; {stored} stored)"
            )
            if second.added or second.updated or stored != first.added:
                print("the second import changed something", file=sys.stderr)
                return 1
        p, f, a = (statistics.median(x) for x in (parse, full, again))
        print(
            f"median of {args.runs}: parse {p:.2f} s; import {f:.2f} s = {f / p:.1f} x parse; "
            f"re-import {a:.2f} s = {a / p:.1f} x parse"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
