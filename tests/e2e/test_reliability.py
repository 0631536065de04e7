"""Reliability in the browser: a promise made and confirmed kept; a status
that reaches the partner's open dashboard without a reload; the pulse."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(p, email: str):
    page = p.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("dashboard")).to_be_visible()
    return page


def test_a_promise_kept_and_a_status_seen_live(person, settings):
    settings.TROTH_STATUS_POLL_SECONDS = 1
    alice_user = make_user("alice", timezone="Europe/Berlin")
    bob_user = make_user("bob", timezone="America/New_York")
    make_space(alice_user, bob_user)

    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    alice.check("dashboard")
    page.get_by_test_id("card-promises").get_by_role(
        "link", name="Make a promise"
    ).click()
    expect(page.get_by_role("heading", name="Make a promise")).to_be_visible()
    alice.check("promise-new")
    # The days and the last day of a repeat show once the promise repeats.
    page.get_by_text("Repeat (optional)").click()
    expect(page.get_by_text("On these days (weekly)")).to_be_hidden()
    page.locator("#id_repeat").select_option("weekly")
    expect(page.get_by_text("On these days (weekly)")).to_be_visible()
    page.locator("#id_repeat").select_option("")
    expect(page.get_by_text("Last day (optional)")).to_be_hidden()
    page.get_by_label("What I promise").fill("Fix the bike light before the weekend")
    due = (timezone.now() + dt.timedelta(days=2)).date().isoformat()
    page.get_by_label("By").fill(due)
    page.get_by_test_id("make-promise").click()
    expect(page.get_by_test_id("promise-text")).to_contain_text("Fix the bike light")
    alice.check("promise-made")
    page.get_by_test_id("mark-done").click()
    expect(page.get_by_test_id("waiting-confirmation")).to_be_visible()
    alice.check("promise-done")

    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    # Today lists it among what waits for Bob, as a link to the promise.
    needing = bpage.get_by_test_id("promises-needing").filter(
        has_text="Fix the bike light"
    )
    expect(needing).to_be_visible()
    bob.check("dashboard-needs-confirmation")
    needing.click()
    expect(bpage.get_by_test_id("confirm")).to_be_visible()
    bob.check("promise-confirm")
    bpage.get_by_label("Kept", exact=True).check()
    bpage.get_by_test_id("confirm-submit").click()
    expect(bpage.get_by_test_id("promise-state")).to_have_text("Kept")
    expect(bpage.get_by_test_id("history")).to_contain_text("You confirmed it was kept")
    bob.check("promise-kept")

    # Bob leaves his dashboard open; Alice sends "running late".
    bpage.goto(bob.server_url + "/")
    status = bpage.get_by_test_id("partner-status")
    expect(status).to_contain_text("No current status")
    page.goto(alice.server_url + "/")
    page.locator("summary", has_text="Tell your partner").click()
    page.get_by_test_id("quick-running-late").click()
    expect(page.get_by_text("Sent. Bob will see it.")).to_be_visible()
    alice.check("status-sent")
    expect(status).to_contain_text("running late by 15 minutes", timeout=10_000)
    assert bpage.evaluate("performance.getEntriesByType('navigation').length") == 1
    bob.check("dashboard-live-status")

    # The rest of Alice's pages, checked at phone size.
    page.goto(alice.server_url + "/promises/?show=history")
    expect(page.get_by_test_id("promise-list")).to_contain_text("Fix the bike light")
    alice.check("promise-history")
    page.goto(alice.server_url + "/promises/figures")
    expect(page.get_by_role("heading", name="Promises you made")).to_be_visible()
    alice.check("figures")
    page.get_by_role("link", name="How this is computed").first.click()
    expect(page.get_by_role("heading", name="Kept share")).to_be_visible()
    alice.check("figures-how")
    page.goto(alice.server_url + "/checkins/")
    alice.check("checkins")
    page.goto(alice.server_url + "/checkins/pulse")
    for index in range(5):
        page.locator(".scale-field").nth(index).get_by_text("6", exact=True).click()
    alice.check("pulse")
    page.get_by_test_id("pulse-submit").click()
    expect(page.get_by_test_id("pulse-done")).to_be_visible()
    page.goto(alice.server_url + "/checkins/pulse/trends")
    expect(page.get_by_test_id("trend-waiting")).to_contain_text("13 more days")
    alice.check("pulse-trends")
    page.goto(alice.server_url + "/checkins/pulse/settings")
    alice.check("pulse-settings")
