"""The one time module (troth/lib/time.py): zones by name, a person's and a
couple's day, month starts, and wall-clock times across DST changes."""

from __future__ import annotations

import datetime as dt

from troth.lib import time as ttime

PARIS = ttime.zone("Europe/Paris")
TOKYO = ttime.zone("Asia/Tokyo")
NEW_YORK = ttime.zone("America/New_York")


def test_it_reads_a_known_zone_by_name():
    assert ttime.zone("Europe/Paris").key == "Europe/Paris"


def test_it_falls_back_to_utc_for_an_unknown_or_empty_zone_name():
    # A name tzdata dropped, a malformed one, and none at all: a page must
    # still render, in UTC, rather than fail.
    for name in ("Mars/Olympus_Mons", "../etc/passwd", "", None):
        assert ttime.zone(name).key == "UTC"


def test_it_reads_a_time_skipped_in_spring_with_the_offset_before():
    # Paris skips 02:00-03:00 on 2026-03-29: 02:30 is read as 01:30 UTC
    # (03:30 on the clock), as promises and reminders have always done.
    day = dt.date(2026, 3, 29)
    assert not ttime.wall_time_exists(day, dt.time(2, 30), PARIS)
    assert ttime.local_instant(day, dt.time(2, 30), PARIS) == dt.datetime(
        2026, 3, 29, 1, 30, tzinfo=dt.UTC
    )
    assert ttime.wall_time_exists(day, dt.time(3, 30), PARIS)


def test_it_takes_the_first_of_a_time_repeated_in_autumn():
    # Paris shows 02:00-03:00 twice on 2026-10-25: 02:30 is the first one,
    # still on summer time (UTC+2).
    day = dt.date(2026, 10, 25)
    assert ttime.wall_time_exists(day, dt.time(2, 30), PARIS)
    assert ttime.local_instant(day, dt.time(2, 30), PARIS) == dt.datetime(
        2026, 10, 25, 0, 30, tzinfo=dt.UTC
    )


def test_it_gives_a_persons_local_date():
    now = dt.datetime(2026, 6, 1, 22, 0, tzinfo=dt.UTC)
    assert ttime.local_today(TOKYO, now) == dt.date(2026, 6, 2)
    assert ttime.local_today(NEW_YORK, now) == dt.date(2026, 6, 1)


def test_it_waits_for_both_partners_before_the_couples_day_turns(alice, bob):
    alice.timezone, bob.timezone = "Asia/Tokyo", "America/New_York"
    # 22:00 UTC: already the 2nd in Tokyo, still the 1st in New York.
    now = dt.datetime(2026, 6, 1, 22, 0, tzinfo=dt.UTC)
    assert ttime.space_today([alice, bob], now) == dt.date(2026, 6, 1)
    # The 2nd begins for the couple at New York's midnight, the later one.
    assert ttime.space_day_start([alice, bob], dt.date(2026, 6, 2)) == dt.datetime(
        2026, 6, 2, 4, 0, tzinfo=dt.UTC
    )


def test_it_uses_utc_for_a_space_without_partners():
    now = dt.datetime(2026, 6, 1, 22, 0, tzinfo=dt.UTC)
    assert ttime.space_today([], now) == dt.date(2026, 6, 1)
    assert ttime.space_day_start([], dt.date(2026, 6, 2)) == dt.datetime(
        2026, 6, 2, tzinfo=dt.UTC
    )


def test_it_starts_a_month_at_local_midnight_on_the_first():
    start = ttime.month_start(dt.date(2026, 3, 17), TOKYO)
    assert start == dt.datetime(2026, 2, 28, 15, 0, tzinfo=dt.UTC)
