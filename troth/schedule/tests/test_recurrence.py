"""Repeats, time zones and daylight-saving changes; moving and calling off
single dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from conftest import client_for
from troth.schedule.models import Event, OccurrenceChange, RitualMark
from troth.schedule.recurrence import expand, is_occurrence
from troth.schedule.services import EventFields, event_update
from troth.schedule.tests.helpers import (
    at,
    form_data,
    make_all_day,
    make_event,
    make_ritual,
    rule,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def apart(alice, bob):
    """Alice in London, Bob in New York."""
    alice.timezone = "Europe/London"
    alice.save()
    bob.timezone = "America/New_York"
    bob.save()
    return alice, bob


def weekly_date_night(alice, space, **extra):
    # Fridays 19:30 in London, from 19 March 2027; the clocks go forward on
    # Sunday 28 March 2027.
    return make_event(
        alice,
        space,
        title="Date night",
        start=at(date(2027, 3, 19), "19:30", "Europe/London"),
        hours=2.5,
        zone="Europe/London",
        rrule=rule(freq="WEEKLY", count=4),
        **extra,
    )


def reload(event):
    return Event.objects.prefetch_related("changes").get(pk=event.pk)


def test_a_weekly_event_keeps_its_wall_clock_time_across_the_clock_change(
    alice, space, apart
):
    event = weekly_date_night(alice, space)
    occurrences = expand(
        [reload(event)],
        datetime(2027, 3, 1, tzinfo=UTC),
        datetime(2027, 5, 1, tzinfo=UTC),
        LONDON,
    )
    assert [o.start.strftime("%a %d %b %H:%M") for o in occurrences] == [
        "Fri 19 Mar 19:30",
        "Fri 26 Mar 19:30",
        "Fri 02 Apr 19:30",
        "Fri 09 Apr 19:30",
    ]
    # The instant moves an hour earlier in UTC once London is on summer time.
    assert [o.start.astimezone(UTC).strftime("%H:%M") for o in occurrences] == [
        "19:30",
        "19:30",
        "18:30",
        "18:30",
    ]


def test_the_autumn_change_too(alice, space):
    event = make_event(
        alice,
        space,
        start=at(date(2027, 10, 30), "08:00", "Europe/Berlin"),
        zone="Europe/Berlin",
        rrule=rule(freq="DAILY", count=3),
    )
    occurrences = expand(
        [reload(event)],
        datetime(2027, 10, 1, tzinfo=UTC),
        datetime(2027, 11, 5, tzinfo=UTC),
        ZoneInfo("Europe/Berlin"),
    )
    assert [o.start.strftime("%H:%M") for o in occurrences] == ["08:00"] * 3
    assert [o.start.astimezone(UTC).strftime("%H:%M") for o in occurrences] == [
        "06:00",  # summer time on Saturday 30 October
        "07:00",  # winter time from Sunday 31 October
        "07:00",
    ]


def test_a_partner_in_another_zone_sees_the_times_in_their_own(
    alice, bob, space, apart
):
    weekly_date_night(alice, space)
    # New York moved to summer time on 14 March, London not until 28 March:
    # for two weeks the gap is four hours, then five again.
    page = client_for(bob).get("/calendar/agenda/2027/3/15/").content.decode()
    assert "15:30" in page  # 19 March, 19:30 GMT
    assert "14:30" in page  # 2 April, 19:30 BST
    own = client_for(alice).get("/calendar/agenda/2027/3/15/").content.decode()
    assert "19:30" in own and "15:30" not in own


def test_the_event_page_names_the_events_own_zone_when_it_differs(
    alice, bob, space, apart
):
    event = weekly_date_night(alice, space)
    page = client_for(bob).get(event.occurrence_url(event.start)).content.decode()
    assert "15:30" in page
    assert "19:30–22:00 in Europe/London" in page


def test_an_evening_in_london_is_the_next_morning_in_tokyo(alice, bob, space, apart):
    bob.timezone = "Asia/Tokyo"
    bob.save()
    weekly_date_night(alice, space)
    page = client_for(bob).get("/calendar/week/2027/4/5/").content.decode()
    # Friday 9 April 19:30 BST is Saturday 10 April 03:30 in Tokyo.
    saturday = page.index('week-number">10 Apr')
    sunday = page.index('week-number">11 Apr')
    assert saturday < page.index("03:30") < sunday


def test_an_all_day_event_is_on_the_same_date_for_everyone(alice, bob, space):
    alice.timezone = "America/Los_Angeles"
    alice.save()
    bob.timezone = "Pacific/Auckland"
    bob.save()
    make_all_day(alice, space, date(2027, 6, 12), 2, title="Weekend away")
    for person in (alice, bob):
        occurrences = expand(
            [Event.objects.prefetch_related("changes").get()],
            datetime(2027, 6, 1, tzinfo=UTC),
            datetime(2027, 7, 1, tzinfo=UTC),
            person.tz,
        )
        assert [(o.start.date(), o.last_day) for o in occurrences] == [
            (date(2027, 6, 12), date(2027, 6, 13))
        ]
        page = client_for(person).get("/calendar/week/2027/6/7/").content.decode()
        assert page.index('week-number">12 Jun') < page.index("Weekend away")
        assert page.index('week-number">11 Jun') < page.index('week-number">12 Jun')
        assert page.count("Weekend away") == 2  # on the 12th and the 13th


def test_a_repeat_ends_on_its_last_date(alice, space):
    client = client_for(alice)
    client.post(
        "/calendar/events/new",
        form_data(
            start_date="2027-01-04",
            repeat="WEEKLY",
            ends="until",
            until="2027-01-25",
        ),
    )
    event = reload(Event.objects.get())
    occurrences = expand(
        [event],
        datetime(2027, 1, 1, tzinfo=UTC),
        datetime(2027, 3, 1, tzinfo=UTC),
        LONDON,
    )
    assert [o.start.day for o in occurrences] == [4, 11, 18, 25]
    assert event.last_end == at(date(2027, 1, 25), "21:00", "Europe/London")


def test_a_weekly_repeat_on_chosen_days(alice, space):
    client_for(alice).post(
        "/calendar/events/new",
        form_data(
            start_date="2027-01-04",  # a Monday
            repeat="WEEKLY",
            weekdays=["WE", "FR"],
            ends="count",
            count="5",
        ),
    )
    event = reload(Event.objects.get())
    occurrences = expand(
        [event],
        datetime(2027, 1, 1, tzinfo=UTC),
        datetime(2027, 3, 1, tzinfo=UTC),
        LONDON,
    )
    # Monday is kept as the first date even though it wasn't ticked.
    assert [o.start.strftime("%a %d") for o in occurrences] == [
        "Mon 04",
        "Wed 06",
        "Fri 08",
        "Mon 11",
        "Wed 13",
    ]


def test_a_monthly_repeat_every_other_month(alice, space):
    event = make_event(
        alice,
        space,
        start=at(date(2027, 1, 15), "09:00", "Europe/London"),
        rrule=rule(freq="MONTHLY", interval=2),
    )
    occurrences = expand(
        [reload(event)],
        datetime(2027, 1, 1, tzinfo=UTC),
        datetime(2027, 12, 31, tzinfo=UTC),
        LONDON,
    )
    assert [o.start.month for o in occurrences] == [1, 3, 5, 7, 9, 11]
    assert reload(event).last_end is None  # no end


def test_a_yearly_all_day_birthday(alice, space):
    event = make_all_day(
        alice,
        space,
        date(2027, 2, 9),
        title="Lena's birthday",
        rrule=rule(freq="YEARLY"),
    )
    occurrences = expand(
        [reload(event)],
        datetime(2027, 1, 1, tzinfo=UTC),
        datetime(2030, 1, 1, tzinfo=UTC),
        LONDON,
    )
    assert [o.start.date() for o in occurrences] == [
        date(2027, 2, 9),
        date(2028, 2, 9),
        date(2029, 2, 9),
    ]


def test_it_moves_one_date_and_keeps_the_others(alice, space, apart):
    event = weekly_date_night(alice, space)
    second = at(date(2027, 3, 26), "19:30", "Europe/London")
    key = second.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    client = client_for(alice)
    assert client.get(f"/calendar/events/{event.pk}/at/{key}/move").status_code == 200
    response = client.post(
        f"/calendar/events/{event.pk}/at/{key}/move",
        {"start_date": "2027-03-27", "start_time": "18:00", "end_time": "20:00"},
    )
    assert response.status_code == 302
    occurrences = expand(
        [reload(event)],
        datetime(2027, 3, 1, tzinfo=UTC),
        datetime(2027, 5, 1, tzinfo=UTC),
        LONDON,
    )
    assert [o.start.strftime("%a %d %H:%M") for o in occurrences] == [
        "Fri 19 19:30",
        "Sat 27 18:00",
        "Fri 02 19:30",
        "Fri 09 19:30",
    ]
    assert occurrences[1].moved
    page = client.get(f"/calendar/events/{event.pk}/at/{key}/").content.decode()
    assert "moved" in page and "Saturday 27 March 2027" in page


def test_it_calls_off_one_date_and_can_put_it_back(alice, space, apart):
    event = weekly_date_night(alice, space)
    second = at(date(2027, 3, 26), "19:30", "Europe/London").astimezone(UTC)
    key = second.strftime("%Y%m%dT%H%M%SZ")
    client = client_for(alice)
    client.post(f"/calendar/events/{event.pk}/at/{key}/cancel")
    window = (
        datetime(2027, 3, 1, tzinfo=UTC),
        datetime(2027, 5, 1, tzinfo=UTC),
        LONDON,
    )
    assert len(expand([reload(event)], *window)) == 3
    assert (
        "called off"
        in client.get(f"/calendar/events/{event.pk}/at/{key}/").content.decode()
    )
    client.post(f"/calendar/events/{event.pk}/at/{key}/restore")
    assert len(expand([reload(event)], *window)) == 4
    assert not OccurrenceChange.objects.exists()


def test_a_date_that_is_not_part_of_the_series_is_not_found(alice, space):
    event = weekly_date_night(alice, space)
    client = client_for(alice)
    assert (
        client.get(f"/calendar/events/{event.pk}/at/20270320T193000Z/").status_code
        == 404
    )
    assert client.get(f"/calendar/events/{event.pk}/at/not-a-date/").status_code == 404
    assert (
        client.post(
            f"/calendar/events/{event.pk}/at/20270320T193000Z/cancel"
        ).status_code
        == 409
    )
    assert not OccurrenceChange.objects.exists()
    assert not is_occurrence(
        event, datetime(2027, 4, 16, 18, 30, tzinfo=UTC)
    )  # after COUNT=4


def test_moving_a_date_to_end_before_it_starts_is_refused(alice, space):
    event = weekly_date_night(alice, space)
    key = event.start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    response = client_for(alice).post(
        f"/calendar/events/{event.pk}/at/{key}/move",
        {"start_date": "2027-03-20", "start_time": "20:00", "end_time": "19:00"},
    )
    assert response.status_code == 400
    assert b"The end is before the start." in response.content
    assert not OccurrenceChange.objects.exists()


def test_the_partner_cannot_move_or_call_off_a_date(alice, bob, space):
    event = weekly_date_night(alice, space)
    key = event.start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    client = client_for(bob)
    assert (
        client.post(f"/calendar/events/{event.pk}/at/{key}/cancel").status_code == 404
    )
    assert client.get(f"/calendar/events/{event.pk}/at/{key}/move").status_code == 404
    assert not OccurrenceChange.objects.exists()


def test_changing_a_series_drops_changes_to_dates_it_no_longer_has(alice, space):
    event = weekly_date_night(alice, space)
    key = event.start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    client_for(alice).post(f"/calendar/events/{event.pk}/at/{key}/cancel")
    event = reload(event)
    start = at(date(2027, 3, 20), "10:00", "Europe/London")  # now Saturdays
    event_update(
        event=event,
        by=alice,
        fields=EventFields(
            title="Date night",
            start=start,
            end=start + timedelta(hours=2),
            time_zone="Europe/London",
            rrule=rule(freq="WEEKLY", count=4),
            visibility=event.visibility,
        ),
    )
    assert not OccurrenceChange.objects.exists()


def test_a_ritual_whose_time_changes_keeps_its_past(alice, bob, space):
    first = at(date.today() - timedelta(days=21), "19:30", "Europe/London")
    ritual = make_ritual(alice, space, start=first)
    RitualMark.objects.create(event=ritual, original=first, user=alice, happened=True)
    ritual = reload(ritual)
    new_first = at(date.today() + timedelta(days=3), "20:00", "Europe/London")
    successor = event_update(
        event=ritual,
        by=alice,
        fields=EventFields(
            title="Date night",
            start=new_first,
            end=new_first + timedelta(hours=2),
            time_zone="Europe/London",
            rrule=rule(freq="WEEKLY"),
            visibility="shared",
            kind=Event.Kind.RITUAL,
        ),
    )
    ritual = reload(ritual)
    assert successor.pk != ritual.pk
    assert ritual.last_end is not None and ritual.last_end < new_first
    assert RitualMark.objects.get().event == ritual  # the answer stays with its date
    past = expand(
        [ritual], first - timedelta(days=1), new_first + timedelta(days=30), LONDON
    )
    assert len(past) == 4 and all(o.start < new_first for o in past)
    future = expand(
        [reload(successor)],
        new_first - timedelta(days=1),
        new_first + timedelta(days=15),
        LONDON,
    )
    assert [o.start.strftime("%H:%M") for o in future] == ["20:00", "20:00", "20:00"]


def test_a_ritual_change_cannot_start_in_the_past(alice, space):
    first = at(date.today() - timedelta(days=21), "19:30", "Europe/London")
    ritual = make_ritual(alice, space, start=first)
    response = client_for(alice).post(
        f"/calendar/events/{ritual.pk}/edit?kind=ritual",
        form_data(
            title="Date night",
            start_date=(date.today() - timedelta(days=7)).isoformat(),
            start_time="20:00",
            end_time="22:00",
            repeat="WEEKLY",
        ),
    )
    assert response.status_code == 400
    assert "applies from now on" in response.content.decode()
    assert Event.objects.count() == 1


def test_editing_an_imported_rule_the_form_cannot_show_keeps_it(alice, space):
    event = make_event(
        alice,
        space,
        title="Book club",
        start=at(date(2027, 1, 12), "19:00", "Europe/London"),
        rrule="FREQ=MONTHLY;BYDAY=2TU",  # the second Tuesday of each month
    )
    client = client_for(alice)
    form = client.get(f"/calendar/events/{event.pk}/edit").content.decode()
    assert "As in the imported calendar" in form
    assert '<option value="custom" selected>' in form
    response = client.post(
        f"/calendar/events/{event.pk}/edit",
        form_data(
            title="Book club at Ana's",
            start_date="2027-01-12",
            start_time="19:00",
            end_time="21:00",
            repeat="custom",
        ),
    )
    assert response.status_code == 302
    event = reload(event)
    assert event.title == "Book club at Ana's"
    assert event.rrule == "FREQ=MONTHLY;BYDAY=2TU"
    second_tuesdays = expand(
        [event],
        datetime(2027, 1, 1, tzinfo=UTC),
        datetime(2027, 4, 1, tzinfo=UTC),
        LONDON,
    )
    assert [o.start.day for o in second_tuesdays] == [12, 9, 9]
    page = client.get(event.get_absolute_url()).content.decode()
    assert "a rule from an imported calendar" in page
