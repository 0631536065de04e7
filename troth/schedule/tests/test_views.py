"""The agenda, week and month pages, the dashboard card, and their cost."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.schedule.dashboard import SHOWN_EVENTS
from troth.schedule.models import Event, EventVisibility
from troth.schedule.tests.helpers import (
    at,
    card_html,
    make_all_day,
    make_event,
    make_ritual,
    rule,
)

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    client.get(url)  # the first request of a session records the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill(alice, bob, space, n: int, first: date) -> None:
    """n events of every kind in the month starting at `first`."""
    zone = "Europe/London"
    events = []
    for i in range(n):
        author = alice if i % 2 else bob
        start = at(
            first + timedelta(days=i % 28), f"{8 + i % 12}:{(i * 7) % 60:02d}", zone
        )
        events.append(
            Event(
                space=space,
                author=author,
                title=f"Event {i}",
                start=start,
                end=start + timedelta(hours=1),
                time_zone=zone,
                visibility=[
                    EventVisibility.SHARED,
                    EventVisibility.BUSY,
                    EventVisibility.PRIVATE,
                ][i % 3],
                rrule=rule(freq="WEEKLY", count=3) if i % 5 == 0 else "",
                last_end=start + timedelta(weeks=3, hours=1),
                uid=f"fill-{first}-{i}@test",
            )
        )
    Event.objects.bulk_create(events)


@pytest.mark.parametrize(
    "url",
    [
        "/calendar/month/2027/3/",
        "/calendar/week/2027/3/8/",
        "/calendar/agenda/2027/3/1/",
        "/calendar/rituals/",
    ],
)
def test_a_page_costs_the_same_queries_with_10_and_1000_events(alice, bob, space, url):
    client = client_for(alice)
    fill(alice, bob, space, 10, date(2027, 3, 1))
    make_ritual(alice, space, start=timezone.now() - timedelta(days=3))
    few = count_queries(client, url)
    fill(alice, bob, space, 990, date(2027, 2, 27))
    many = count_queries(client, url)
    assert many == few
    if "month" in url:
        page = client.get(url).content.decode()
        assert page.count('data-testid="chip"') > 100  # the events are really there


def test_the_month_page_shows_the_days_and_moves_between_months(alice, space):
    make_event(
        alice,
        space,
        title="Dinner with Priya",
        start=at(date(2027, 3, 12), "19:00", "UTC"),
    )
    client = client_for(alice)
    page = client.get("/calendar/month/2027/3/").content.decode()
    assert "March 2027" in page
    assert "Dinner with Priya" in page
    assert "/calendar/month/2027/2/" in page and "/calendar/month/2027/4/" in page
    december = client.get("/calendar/month/2027/12/").content.decode()
    assert "/calendar/month/2028/1/" in december
    assert client.get("/calendar/month/2027/13/").status_code == 404


def test_htmx_navigation_returns_only_the_period(alice, space):
    client = client_for(alice)
    full = client.get("/calendar/month/2027/3/").content.decode()
    partial = client.get(
        "/calendar/month/2027/3/", headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" in full and "<html" not in partial
    assert 'id="period"' in partial


def test_every_hx_get_has_a_matching_href(alice, space):
    import re

    client = client_for(alice)
    for url in ("/calendar/", "/calendar/week/", "/calendar/month/"):
        page = client.get(url).content.decode()
        for tag in re.findall(r"<a [^>]*hx-get=[^>]*>", page):
            href = re.search(r'href="([^"]+)"', tag).group(1)
            assert f'hx-get="{href}"' in tag


def test_the_agenda_is_the_calendars_front_page(alice, space):
    make_event(alice, space, title="Dinner with Priya")
    page = client_for(alice).get("/calendar/").content.decode()
    assert 'data-testid="agenda"' in page
    assert "Dinner with Priya" in page


def test_the_agenda_says_when_nothing_is_planned(alice, space):
    page = client_for(alice).get("/calendar/agenda/2030/1/1/").content.decode()
    assert "Nothing planned in these 30 days." in page
    assert client_for(alice).get("/calendar/agenda/2030/2/30/").status_code == 404


def test_a_multi_day_event_shows_on_each_of_its_days(alice, space):
    make_all_day(alice, space, date(2027, 3, 10), 3, title="Trip to Keswick")
    page = client_for(alice).get("/calendar/week/2027/3/8/").content.decode()
    assert page.count("Trip to Keswick") == 3


def test_the_dashboard_card_shows_the_next_ritual_and_shared_events(alice, bob, space):
    make_ritual(
        alice, space, start=timezone.now() + timedelta(days=2), title="Date night"
    )
    make_event(
        bob,
        space,
        title="Lunch with Sam's parents",
        start=timezone.now() + timedelta(days=4),
    )
    make_event(
        bob, space, title="Bob's private thing", visibility=EventVisibility.PRIVATE
    )
    make_event(bob, space, title="Bob's busy thing", visibility=EventVisibility.BUSY)
    card = card_html(alice)
    assert "Date night" in card[: card.index("Coming up")]
    assert "Lunch with Sam&#x27;s parents" in card
    assert "Bob&#x27;s private thing" not in card
    assert "Bob&#x27;s busy thing" not in card


def test_the_dashboard_card_costs_the_same_queries_with_10_and_1000_events(
    alice, bob, space
):
    make_ritual(alice, space, start=timezone.now() - timedelta(days=3))
    today = timezone.now().date()
    fill(alice, bob, space, 10, today)
    card_html(alice)
    with CaptureQueriesContext(connection) as few:
        card_html(alice)
    fill(alice, bob, space, 990, today - timedelta(days=3))
    with CaptureQueriesContext(connection) as many:
        html = card_html(alice)
    # Two for the card itself (the events, the ritual answers; no changed
    # dates to read), Today's facts, and the membership as a page reads it.
    assert len(many) == len(few) == 4
    assert html.count("<li>") == SHOWN_EVENTS  # the next few shared events


def test_the_dashboard_card_asks_about_the_last_ritual(alice, bob, space):
    ritual = make_ritual(
        alice, space, start=timezone.now() - timedelta(days=2, hours=3)
    )
    client = client_for(bob)
    assert 'data-testid="card-mark"' in card_html(bob)
    key = ritual.start.strftime("%Y%m%dT%H%M%SZ")
    response = client.post(
        f"/calendar/events/{ritual.pk}/at/{key}/mark", {"happened": "yes", "next": "/"}
    )
    assert response["Location"] == "/"
    assert 'data-testid="card-mark"' not in card_html(bob)


def test_a_mark_does_not_redirect_off_site(alice, space):
    ritual = make_ritual(
        alice, space, start=timezone.now() - timedelta(days=2, hours=3)
    )
    key = ritual.start.strftime("%Y%m%dT%H%M%SZ")
    response = client_for(alice).post(
        f"/calendar/events/{ritual.pk}/at/{key}/mark",
        {"happened": "yes", "next": "https://evil.example/"},
    )
    assert response["Location"] == ritual.occurrence_url(ritual.start)


def test_the_new_event_form_starts_on_the_chosen_day(alice, space):
    page = (
        client_for(alice).get("/calendar/events/new?date=2027-05-04").content.decode()
    )
    assert 'value="2027-05-04"' in page
    bad = client_for(alice).get("/calendar/events/new?date=nonsense")
    assert bad.status_code == 200
