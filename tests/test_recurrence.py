"""The one recurrence engine (troth/lib/recurrence.py): simple repeats as
RRULEs, expanded in bounded steps, and repeating promises on it, giving the
dates the hand-written day-by-day loop gave before."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

import pytest

from troth.lib import recurrence
from troth.lib.time import zone
from troth.promises.models import PromiseSeries

PARIS = zone("Europe/Paris")
D = dt.date


def old_matches(series: PromiseSeries, day: dt.date) -> bool:
    """How PromiseSeries.matches decided a day before the engine (kept here
    as the oracle the engine is checked against)."""
    if day < series.starts_on or (series.until and day > series.until):
        return False
    if series.repeat == "daily":
        return True
    if series.repeat == "weekly":
        return day.weekday() in (series.weekdays or [series.starts_on.weekday()])
    last_day = calendar.monthrange(day.year, day.month)[1]
    return day.day == min(series.starts_on.day, last_day)


def old_dates(series: PromiseSeries, start: dt.date, end: dt.date) -> list[dt.date]:
    """PromiseSeries.dates before the engine: every day, one by one."""
    first = max(start, series.starts_on)
    last = min(end, series.until) if series.until else end
    found = []
    day = first
    while day <= last:
        if old_matches(series, day):
            found.append(day)
        day += dt.timedelta(days=1)
    return found


def series(repeat, starts_on, *, weekdays=(), until=None) -> PromiseSeries:
    return PromiseSeries(
        repeat=repeat,
        starts_on=starts_on,
        weekdays=list(weekdays),
        until=until,
        tz="Europe/Paris",
    )


def assert_same_as_before(s: PromiseSeries, start: dt.date, end: dt.date) -> None:
    assert s.dates(start, end) == old_dates(s, start, end)
    day = start
    while day <= end:
        assert s.matches(day) == old_matches(s, day), day
        day += dt.timedelta(days=1)


# Simple rules


def test_it_writes_a_simple_repeat_as_an_rrule():
    start = D(2026, 1, 31)  # a Saturday
    assert recurrence.simple_rule("daily", start=start) == "FREQ=DAILY"
    assert recurrence.simple_rule("weekly", start=start) == "FREQ=WEEKLY;BYDAY=SA"
    assert (
        recurrence.simple_rule("weekly", start=start, weekdays=[3, 0, 3])
        == "FREQ=WEEKLY;BYDAY=MO,TH"
    )
    assert (
        recurrence.simple_rule("monthly", start=start, until=D(2026, 6, 30))
        == "FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1;UNTIL=20260630T235959"
    )
    assert recurrence.simple_rule("monthly", start=D(2026, 1, 28)) == (
        "FREQ=MONTHLY;BYMONTHDAY=28"
    )


def test_it_refuses_what_is_not_a_simple_repeat():
    with pytest.raises(ValueError):
        recurrence.simple_rule("yearly", start=D(2026, 1, 1))
    with pytest.raises(ValueError):
        recurrence.simple_rule("weekly", start=D(2026, 1, 1), weekdays=[7])


def test_it_falls_back_to_the_last_day_of_a_shorter_month():
    rule = recurrence.simple_rule("monthly", start=D(2027, 1, 31))
    dates = recurrence.dates_between(
        rule, first=D(2027, 1, 31), start=D(2027, 1, 1), end=D(2028, 5, 31)
    )
    assert dates[:5] == [
        D(2027, 1, 31),
        D(2027, 2, 28),
        D(2027, 3, 31),
        D(2027, 4, 30),
        D(2027, 5, 31),
    ]
    # A leap year's February ends on the 29th.
    assert D(2028, 2, 29) in dates and D(2028, 2, 28) not in dates
    assert len(dates) == 17  # one a month, none skipped


def test_it_keeps_the_29th_and_30th_where_the_month_has_them():
    for day, february in ((29, D(2028, 2, 29)), (30, D(2028, 2, 29))):
        rule = recurrence.simple_rule("monthly", start=D(2028, 1, day))
        dates = recurrence.dates_between(
            rule, first=D(2028, 1, day), start=D(2028, 1, 1), end=D(2028, 4, 30)
        )
        assert dates == [D(2028, 1, day), february, D(2028, 3, day), D(2028, 4, day)]


def test_it_ends_on_the_until_date_included():
    rule = recurrence.simple_rule("daily", start=D(2026, 3, 1), until=D(2026, 3, 4))
    assert recurrence.dates_between(
        rule, first=D(2026, 3, 1), start=D(2026, 2, 1), end=D(2026, 4, 1)
    ) == [D(2026, 3, 1), D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4)]


def test_it_gives_nothing_when_the_until_date_is_before_the_start():
    rule = recurrence.simple_rule("daily", start=D(2026, 3, 5), until=D(2026, 3, 4))
    assert (
        recurrence.dates_between(
            rule, first=D(2026, 3, 5), start=D(2026, 3, 1), end=D(2026, 3, 31)
        )
        == []
    )


def test_it_gives_every_date_across_a_clock_change():
    # Paris moves its clocks on 2026-03-29 and 2026-10-25: dates are
    # floating, so neither day is lost or doubled.
    rule = recurrence.simple_rule("daily", start=D(2026, 3, 27))
    dates = recurrence.dates_between(
        rule, first=D(2026, 3, 27), start=D(2026, 3, 27), end=D(2026, 10, 27)
    )
    assert D(2026, 3, 29) in dates and D(2026, 10, 25) in dates
    assert len(dates) == len(set(dates)) == (D(2026, 10, 27) - D(2026, 3, 27)).days + 1


# Expansion


def test_it_keeps_the_wall_clock_time_across_a_clock_change():
    first = dt.datetime(2026, 3, 26, 19, 30, tzinfo=PARIS)
    found = recurrence.between(
        "FREQ=WEEKLY",
        dtstart=first,
        after=first,
        before=dt.datetime(2026, 4, 3, tzinfo=PARIS),
    )
    assert [(v.date(), v.hour, v.minute) for v in found] == [
        (D(2026, 3, 26), 19, 30),
        (D(2026, 4, 2), 19, 30),
    ]
    assert [v.astimezone(dt.UTC).hour for v in found] == [18, 17]


def test_it_finds_a_late_window_of_an_old_series_within_the_step_limit():
    # A daily rule begun a century earlier: stepping from its start would
    # pass MAX_OCCURRENCES long before 2030, so the window is only found
    # whole because expansion starts shortly before it.
    found = recurrence.dates_between(
        "FREQ=DAILY", first=D(1930, 1, 1), start=D(2030, 6, 1), end=D(2030, 6, 7)
    )
    assert found == [D(2030, 6, d) for d in range(1, 8)]


def test_it_never_steps_past_its_limit_unless_told():
    rule = "FREQ=DAILY;COUNT=5000"
    first = dt.datetime(2000, 1, 1)
    # COUNT keeps expansion at the first start, so the limit bites.
    capped = recurrence.between(
        rule, dtstart=first, after=first, before=dt.datetime(2030, 1, 1), limit=100
    )
    assert len(capped) == 100
    whole = recurrence.between(
        rule, dtstart=first, after=first, before=dt.datetime(2030, 1, 1), limit=None
    )
    assert len(whole) == 5000


def test_it_judges_which_rules_it_can_always_expand_cheaply():
    first = dt.datetime(2026, 1, 1, 9, tzinfo=PARIS)
    assert recurrence.rule_verdict("FREQ=WEEKLY;BYDAY=MO,TH", first) is None
    assert recurrence.rule_verdict("FREQ=HOURLY", first) == ("freq", "HOURLY")
    assert recurrence.rule_verdict("FREQ=DAILY;BYHOUR=8,9", first) == (
        "daily",
        "BYHOUR",
    )
    assert recurrence.rule_verdict("FREQ=DAILY;COUNT=5001", first) == ("count", "")
    assert recurrence.rule_verdict("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", first) == (
        "sparse",
        "",
    )
    assert recurrence.rule_verdict("FREQ=NEVER", first) == ("unreadable", "")
    assert recurrence.rule_verdict("nonsense", first) == ("unreadable", "")


# Repeating promises on the engine


def test_promise_dates_are_the_ones_the_day_by_day_loop_gave():
    window = (D(2027, 12, 1), D(2028, 5, 10))
    for repeat, start, weekdays in [
        ("daily", D(2028, 1, 3), ()),
        ("weekly", D(2028, 1, 5), ()),  # on the first date's weekday
        ("weekly", D(2028, 1, 5), (0, 3, 6)),
        ("weekly", D(2028, 1, 5), (1,)),  # not on the first date's weekday
    ]:
        for until in (None, D(2028, 3, 1), D(2028, 1, 4)):
            s = series(repeat, start, weekdays=weekdays, until=until)
            assert_same_as_before(s, *window)


@pytest.mark.parametrize("day", [1, 15, 28, 29, 30, 31])
def test_monthly_promise_dates_are_the_ones_the_loop_gave(day):
    # 2027 has a 28-day February, 2028 a 29-day one.
    start = D(2027, 1, day)
    for until in (None, D(2028, 2, 28), D(2028, 2, 29), D(2026, 12, 31)):
        s = series("monthly", start, until=until)
        assert_same_as_before(s, D(2026, 12, 20), D(2028, 4, 5))


def test_promise_dates_are_the_same_over_any_window():
    # Windows before, across and after the series, one day long or empty.
    s = series("weekly", D(2026, 3, 10), weekdays=(1, 4), until=D(2026, 5, 20))
    days = [D(2026, 3, 1) + dt.timedelta(days=n) for n in range(0, 100, 9)]
    for start, end in itertools.product(days, repeat=2):
        assert s.dates(start, end) == old_dates(s, start, end), (start, end)


def test_a_promise_due_on_the_31st_falls_on_the_last_day_of_february():
    s = series("monthly", D(2027, 1, 31))
    assert s.dates(D(2027, 2, 1), D(2027, 3, 1)) == [D(2027, 2, 28)]
    assert s.dates(D(2028, 2, 1), D(2028, 3, 1)) == [D(2028, 2, 29)]
    assert s.matches(D(2027, 4, 30)) and not s.matches(D(2027, 5, 30))


def test_a_promise_series_with_its_last_day_before_its_first_has_no_dates():
    s = series("daily", D(2026, 5, 10), until=D(2026, 5, 9))
    assert s.dates(D(2026, 5, 1), D(2026, 6, 1)) == []
    assert not s.matches(D(2026, 5, 10))


def test_a_long_promise_window_is_not_cut_at_the_step_limit():
    # Callers ask for two weeks; a longer window still gets every date, as
    # the loop gave it (the range bounds the work, not MAX_OCCURRENCES).
    s = series("daily", D(2026, 1, 1))
    dates = s.dates(D(2026, 1, 1), D(2045, 12, 31))
    assert len(dates) == (D(2045, 12, 31) - D(2026, 1, 1)).days + 1
    assert len(dates) > recurrence.MAX_OCCURRENCES
