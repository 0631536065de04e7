"""Time zones in the feed and the export, as other calendar apps read them.

A calendar app turns an event's local time into an instant with the
VTIMEZONE blocks in the file, so those blocks are checked here by parsers
that did not write them: vobject (dateutil's VTIMEZONE reader), icalendar
reading the blocks themselves, and Mozilla's ical.js under Node when it is
installed (`npm ci --prefix tests/icaljs`), each against Python's zoneinfo
for every occurrence, past 2038 too.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
import vobject
from dateutil.rrule import rrulestr
from dateutil.tz import tzical
from icalendar import Calendar, Timezone

from troth.schedule.ics import export_ics, feed_ics
from troth.schedule.tests.helpers import at, make_event
from troth.schedule.timezones import transitions, vtimezone

pytestmark = pytest.mark.django_db

ZONES = [
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",  # daylight saving time in the southern summer
    "Asia/Kolkata",  # none
]
# Zones whose rules take other forms: "Sun>=2" (Santiago), "Fri>=23"
# (Jerusalem), negative DST in tzdata's source (Dublin), rules across the
# year's end (Auckland), none any more (Sao Paulo, Mexico City) and
# irregular changes with Ramadan (Casablanca).
MORE_ZONES = [
    "America/Santiago",
    "Asia/Jerusalem",
    "Europe/Dublin",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "America/Mexico_City",
    "Africa/Casablanca",
]
# Occurrences are compared up to here: past 2038, where 32-bit time and
# tzdata's explicit transitions end.
UNTIL = datetime(2046, 1, 1, tzinfo=UTC)
WEEKLY = "FREQ=WEEKLY;BYDAY=SU"
MONTHLY = "FREQ=MONTHLY;BYDAY=1SU"

ICALJS = Path(__file__).resolve().parents[3] / "tests" / "icaljs"


def expected(start: datetime, rule: str) -> list[int]:
    """Each occurrence's UTC instant by Python's zoneinfo: the rule stepped
    in local wall-clock time, each result placed in the event's zone."""
    zone = start.tzinfo
    assert isinstance(zone, ZoneInfo)
    local = rrulestr(rule, dtstart=start.replace(tzinfo=None))
    out = []
    for value in local:
        instant = value.replace(tzinfo=zone).astimezone(UTC)
        if instant >= UNTIL:
            break
        out.append(int(instant.timestamp()))
    return out


@pytest.fixture
def events(alice, space):
    """One weekly and one monthly event in each zone, from 2025 with no end;
    Sundays at 09:00 land on the day the clocks change."""
    made = {}
    for zone in ZONES:
        for rule in (WEEKLY, MONTHLY):
            start = at(date(2025, 1, 5), "09:00", zone)
            event = make_event(alice, space, title=zone, start=start, rrule=rule)
            made[event.uid] = expected(start, rule)
    return made


@pytest.fixture
def old_event(alice, space):
    """New York before its 2007 rules: the export needs the old changes."""
    start = at(date(2004, 1, 4), "09:00", "America/New_York")
    rule = "FREQ=WEEKLY;BYDAY=SU;COUNT=300"
    event = make_event(alice, space, title="Old", start=start, rrule=rule)
    return {event.uid: expected(start, rule)}


def renamed(text: str) -> tuple[str, str]:
    """The file with every TZID made unknown to any zone database, so a
    parser can only use the file's own VTIMEZONE blocks."""
    prefix = f"X-Check-{uuid.uuid4().hex[:8]}/"
    text = re.sub(r"TZID=", f"TZID={prefix}", text)
    return re.sub(r"^TZID:", f"TZID:{prefix}", text, flags=re.M), prefix


def with_icalendar(text: str) -> dict[str, list[int]]:
    calendar = Calendar.from_ical(text)
    out: dict[str, list[int]] = {}
    start = datetime(1990, 1, 1, tzinfo=UTC)
    for occurrence in recurring_ical_events.of(calendar).between(start, UNTIL):
        when = occurrence["DTSTART"].dt
        out.setdefault(str(occurrence["UID"]), []).append(int(when.timestamp()))
    return {uid: sorted(values) for uid, values in out.items()}


def with_vobject(text: str) -> dict[str, list[int]]:
    out = {}
    for vevent in vobject.readOne(text).vevent_list:
        values = []
        for when in vevent.getrruleset(addRDate=True):
            if when >= UNTIL:
                break
            values.append(int(when.timestamp()))
        out[vevent.uid.value] = values
    return out


def with_icaljs(text: str) -> dict[str, list[int]]:
    node = shutil.which("node")
    if node is None or not (ICALJS / "node_modules" / "ical.js").is_dir():
        pytest.skip(
            "ical.js is not installed: run `npm ci --prefix tests/icaljs` (needs Node)"
        )
    result = subprocess.run(
        [node, str(ICALJS / "expand.mjs"), UNTIL.date().isoformat()],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def differences(theirs: dict[str, list[int]], ours: dict[str, list[int]]) -> list[str]:
    problems = []
    for uid, instants in ours.items():
        got = theirs.get(uid, [])
        wrong = [
            datetime.fromtimestamp(a, UTC).isoformat()
            for a, b in zip(instants, got, strict=False)
            if a != b
        ]
        if len(got) != len(instants) or wrong:
            problems.append(
                f"{uid}: {len(got)} occurrences for {len(instants)}, "
                f"{len(wrong)} at another instant, first {wrong[:3]}"
            )
    return problems


PARSERS = {
    "icalendar": lambda text: with_icalendar(renamed(text)[0]),
    "vobject": lambda text: with_vobject(renamed(text)[0]),
    "ical.js": with_icaljs,
}


@pytest.mark.parametrize("parser", PARSERS)
def test_every_occurrence_in_the_feed_is_at_its_instant(alice, events, parser):
    text = feed_ics(alice).decode()
    problems = differences(PARSERS[parser](text), events)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("parser", PARSERS)
def test_every_occurrence_in_the_export_is_at_its_instant(
    alice, events, old_event, parser
):
    text = export_ics(alice).decode()
    problems = differences(PARSERS[parser](text), events | old_event)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("parser", PARSERS)
def test_other_forms_of_rules_read_right_too(alice, space, parser):
    made = {}
    for zone in MORE_ZONES:
        start = at(date(2025, 1, 5), "09:00", zone)
        event = make_event(alice, space, title=zone, start=start, rrule=WEEKLY)
        made[event.uid] = expected(start, WEEKLY)
    problems = differences(PARSERS[parser](feed_ics(alice).decode()), made)
    assert not problems, "\n".join(problems)


def test_the_feed_reads_right_by_zone_name_too(alice, events):
    """What a reader that looks TZIDs up in its own database (icalendar,
    as Troth's importer uses it) makes of the same feed."""
    problems = differences(with_icalendar(feed_ics(alice).decode()), events)
    assert not problems, "\n".join(problems)


def test_zones_are_written_as_yearly_rules_as_calendar_apps_write_them(alice, events):
    calendar = Calendar.from_ical(feed_ics(alice))
    zones = {str(tz["TZID"]): tz for tz in calendar.walk("VTIMEZONE")}
    assert sorted(zones) == sorted(ZONES)
    for name, tz in zones.items():
        observances = tz.subcomponents
        assert all("RDATE" not in o for o in observances)
        if name == "Asia/Kolkata":
            assert [o.name for o in observances] == ["STANDARD"]
            assert "RRULE" not in observances[0]
            continue
        assert sorted(o.name for o in observances) == ["DAYLIGHT", "STANDARD"]
        for observance in observances:
            rule = observance["RRULE"]
            assert rule["FREQ"] == ["YEARLY"]
            assert "UNTIL" not in rule and "COUNT" not in rule
    london = {
        o.name: o["RRULE"].to_ical().decode()
        for o in zones["Europe/London"].subcomponents
    }
    assert london == {
        "DAYLIGHT": "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "STANDARD": "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    }
    sydney = zones["Australia/Sydney"].subcomponents
    assert {o.name: o["DTSTART"].dt.month for o in sydney} == {
        "DAYLIGHT": 10,
        "STANDARD": 4,
    }


@pytest.mark.parametrize("name", ZONES + MORE_ZONES)
def test_each_block_gives_zoneinfos_offset_around_every_change(name):
    """The block on its own, read by icalendar and by dateutil's VTIMEZONE
    reader (vobject's), from the start it was asked for to past 2038: an
    hour and a second either side of each of zoneinfo's changes, and each
    month's first day."""
    zone = ZoneInfo(name)
    since = datetime(2003, 6, 1, tzinfo=UTC)
    text = vtimezone(zone, since, now=datetime(2026, 1, 1, tzinfo=UTC)).to_ical()
    readers = {
        "icalendar": Timezone.from_ical(text).to_tz(lookup_tzid=False),
        "dateutil": tzical(io.StringIO(text.decode())).get(),
    }
    instants = [
        datetime(year, month, 1, tzinfo=UTC)
        for year in range(since.year + 1, UNTIL.year)
        for month in range(1, 13)
    ]
    for change in transitions(zone, since.year, UNTIL.year):
        if change.at >= since:
            for seconds in (-3600, -1, 0, 3600):
                instants.append(change.at + timedelta(seconds=seconds))
    assert len(instants) > 500
    wrong = []
    for instant in instants:
        truth = instant.astimezone(zone).utcoffset()
        for reader, tz in readers.items():
            got = instant.astimezone(tz).utcoffset()
            if got != truth:
                wrong.append(f"{reader} {instant:%Y-%m-%d %H:%M:%S}: {got} for {truth}")
    assert not wrong, f"{len(wrong)} wrong, first: {wrong[:5]}"


def test_a_zone_without_daylight_saving_time_is_one_standard():
    text = vtimezone(ZoneInfo("Asia/Kolkata"), datetime(2025, 1, 1, tzinfo=UTC))
    assert [o.name for o in text.subcomponents] == ["STANDARD"]
    (standard,) = text.subcomponents
    assert standard["TZOFFSETTO"].td == timedelta(hours=5, minutes=30)
    assert standard["TZOFFSETFROM"].td == timedelta(hours=5, minutes=30)


def test_history_is_written_only_as_far_back_as_the_events_need():
    zone = ZoneInfo("America/New_York")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    recent = vtimezone(zone, datetime(2025, 3, 1, tzinfo=UTC), now=now)
    assert len(recent.subcomponents) == 2
    older = vtimezone(zone, datetime(2005, 6, 1, tzinfo=UTC), now=now)
    fixed = [o for o in older.subcomponents if "RRULE" not in o]
    # The changes of 2005 and 2006 under the old rules, from the one in
    # force on 1 June 2005 (April's): one per observance, no RDATE lists.
    assert [o["DTSTART"].dt.date() for o in fixed] == [
        date(2005, 4, 3),
        date(2005, 10, 30),
        date(2006, 4, 2),
        date(2006, 10, 29),
    ]
