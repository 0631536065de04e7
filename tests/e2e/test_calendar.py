"""The shared calendar in the browser, on a phone: Alice adds a busy-only
event and Bob sees "Busy", never its title; both look at each view."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "Appointment with Dr Okafor"


def sign_in(p, email: str, next_url: str = "/calendar/"):
    page = p.go(f"/accounts/login/?next={next_url}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("agenda")).to_be_visible()
    return page


def open_week_of(page, day: dt.date, today: dt.date) -> None:
    """The Week tab, moved on to the week holding `day` when it is not this
    week (tomorrow is next week on a Sunday)."""
    page.get_by_role("link", name="Week", exact=True).click()
    monday = day - dt.timedelta(days=day.weekday())
    if monday > today - dt.timedelta(days=today.weekday()):
        page.get_by_test_id("period-next").click()
        expect(page.get_by_test_id("period-title")).to_contain_text(
            f"{monday.day} {monday:%b}"
        )


def test_a_busy_only_event_reaches_the_partner_as_busy(person):
    alice_user = make_user("alice", timezone="Europe/London")
    bob_user = make_user("bob", timezone="America/New_York")
    make_space(alice_user, bob_user)
    tomorrow = (timezone.now() + dt.timedelta(days=1)).astimezone(alice_user.tz).date()

    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    expect(page.get_by_test_id("agenda-empty")).to_be_visible()
    alice.check("agenda-empty")

    page.get_by_test_id("new-event").click()
    form = page.get_by_test_id("event-form")
    expect(form).to_be_visible()
    page.get_by_label("Title").fill(SECRET)
    page.get_by_label("Starts on").fill(tomorrow.isoformat())
    # An all-day event has no times: they hide while "All day" is ticked.
    all_day = page.get_by_label("All day")
    all_day.check()
    expect(page.get_by_label("Start time")).to_be_hidden()
    expect(page.get_by_label("End time")).to_be_hidden()
    all_day.uncheck()
    page.get_by_label("Start time").fill("18:00")
    page.get_by_label("End time").fill("19:00")
    page.get_by_label("Place").fill("Harley Street clinic")
    page.get_by_label("Busy only: my partner sees the time, nothing else").check()
    alice.check("event-form")
    page.get_by_test_id("save-event").click()
    expect(page.get_by_test_id("event-title")).to_have_text(SECRET)
    expect(page.get_by_test_id("visibility")).to_have_text("your partner sees: busy")
    alice.check("event-busy-own")

    page.goto(alice.server_url + "/calendar/")
    expect(page.get_by_test_id("agenda")).to_contain_text(SECRET)
    alice.check("agenda")
    open_week_of(page, tomorrow, tomorrow - dt.timedelta(days=1))
    expect(page.get_by_test_id("week")).to_contain_text(SECRET)
    alice.check("week")
    page.get_by_role("link", name="Month", exact=True).click()
    expect(page.get_by_test_id("month")).to_be_visible()
    alice.check("month")

    # Alice starts a ritual too: a weekly date night.
    page.goto(alice.server_url + "/calendar/rituals/")
    alice.check("rituals-empty")
    page.get_by_test_id("new-ritual").click()
    page.get_by_label("Title").fill("Date night")
    page.get_by_label("Starts on").fill(tomorrow.isoformat())
    page.get_by_label("Start time").fill("19:30")
    page.get_by_label("End time").fill("22:00")
    alice.check("ritual-form")
    page.get_by_test_id("save-event").click()
    expect(page.get_by_test_id("event-title")).to_have_text("Date night")
    alice.check("ritual")

    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    agenda = bpage.get_by_test_id("agenda")
    expect(agenda).to_contain_text("Busy")
    expect(agenda).to_contain_text("Date night")
    expect(agenda).not_to_contain_text(SECRET)
    # 18:00 in London is 13:00 in New York.
    expect(agenda).to_contain_text("13:00")
    bob.check("agenda-partner-busy")
    assert SECRET not in bpage.content()
    assert "Harley Street" not in bpage.content()

    bob_today = timezone.now().astimezone(bob_user.tz).date()
    open_week_of(bpage, tomorrow, bob_today)
    week = bpage.get_by_test_id("week")
    expect(week).to_contain_text("Busy")
    bob.check("week-partner-busy")
    assert SECRET not in bpage.content()

    # Period navigation (htmx, with real links underneath).
    # Wait for each swap to land before the next click: the week after
    # tomorrow's begins on the Monday after it.
    next_monday = tomorrow + dt.timedelta(days=7 - tomorrow.weekday())
    bpage.get_by_test_id("period-next").click()
    expect(bpage.get_by_test_id("period-title")).to_contain_text(
        f"{next_monday.day} {next_monday:%b}"
    )
    bpage.get_by_test_id("period-previous").click()
    expect(bpage.get_by_test_id("period-title")).not_to_contain_text(
        f"{next_monday.day} {next_monday:%b}"
    )
    expect(bpage.get_by_test_id("week")).to_contain_text("Busy")

    bpage.get_by_role("link", name="Month", exact=True).click()
    expect(bpage.get_by_test_id("month")).to_be_visible()
    bob.check("month-partner-busy")
    assert SECRET not in bpage.content()

    bpage.goto(bob.server_url + "/calendar/")
    bpage.get_by_test_id("agenda").get_by_role("link", name="Busy").first.click()
    expect(bpage.get_by_test_id("event-title")).to_have_text("Alice is busy")
    expect(bpage.get_by_test_id("busy-explained")).to_be_visible()
    bob.check("event-partner-busy")
    assert SECRET not in bpage.content()
    assert "Harley Street" not in bpage.content()

    bpage.goto(bob.server_url + "/calendar/rituals/")
    expect(bpage.get_by_test_id("rituals")).to_contain_text("Date night")
    bob.check("rituals")
    bpage.get_by_test_id("ritual").first.click()
    expect(bpage.get_by_test_id("ritual-marks")).to_be_visible()
    bob.check("ritual-partner")

    bpage.goto(bob.server_url + "/calendar/subscribe/")
    bpage.get_by_test_id("feed-create").click()
    link = bpage.get_by_test_id("feed-link").input_value()
    bob.check("subscribe")
    feed = bpage.request.get(link)
    assert feed.status == 200
    body = feed.text()
    assert "SUMMARY:Busy" in body and SECRET not in body
    bpage.get_by_test_id("feed-revoke").click()
    assert bpage.request.get(link).status == 404

    bpage.goto(bob.server_url + "/calendar/import/")
    bob.check("import")


def test_a_full_calendar_reads_well_on_a_phone(person):
    """Six months of the demo couple's calendar: every view with real data."""
    import random

    from troth.demo import Demo
    from troth.schedule.demo import populate

    alex = make_user("alex", timezone="Europe/London")
    sam = make_user("sam", timezone="Europe/Berlin")
    space = make_space(alex, sam)
    demo = Demo(
        space=space, alex=alex, sam=sam, now=timezone.now(), rng=random.Random(3)
    )
    populate(demo)

    sam_phone = person("sam")
    page = sign_in(sam_phone, "sam@example.com")
    expect(page.get_by_test_id("agenda")).to_contain_text("Busy")
    expect(page.get_by_test_id("agenda")).not_to_contain_text("Therapy session")
    sam_phone.check("demo-agenda")
    page.get_by_role("link", name="Month", exact=True).click()
    expect(page.get_by_test_id("month")).to_be_visible()
    sam_phone.check("demo-month")
    page.get_by_test_id("period-previous").click()
    expect(page.get_by_test_id("month").get_by_test_id("chip").first).to_be_visible()
    sam_phone.check("demo-month-before")
    page.get_by_role("link", name="Rituals", exact=True).click()
    expect(page.get_by_test_id("ft-happened").first).to_be_visible()
    sam_phone.check("demo-rituals")
    page.get_by_role("link", name="How this is computed").first.click()
    sam_phone.check("demo-how")
    page.go_back()
    page.get_by_role("link", name="Date night").first.click()
    sam_phone.check("demo-date-night")

    alex_phone = person("alex")
    apage = sign_in(alex_phone, "alex@example.com")
    apage.get_by_role("link", name="Therapy session").first.click()
    expect(apage.get_by_test_id("visibility")).to_have_text("your partner sees: busy")
    alex_phone.check("demo-own-busy-series")
    apage.get_by_test_id("edit-event").click()
    expect(apage.get_by_test_id("event-form")).to_be_visible()
    alex_phone.check("demo-edit-series")
