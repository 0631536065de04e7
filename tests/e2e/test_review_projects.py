"""Review pillar, shared projects: a disagreement both partners give their
view of and share, an adventure planned together, an exercise from the
library, each page checked at phone size."""

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


def give_view(page, *, intensity: str, pattern: str | None, repair: str):
    page.get_by_label(intensity, exact=True).check()
    page.get_by_label("I raised it gently").check()
    if pattern:
        page.get_by_label(pattern).check()
    page.get_by_label("Yes, we came back together").check()
    page.get_by_label("If so, how long did repair take?").select_option(repair)
    page.get_by_label("Shared with my partner").check()


def test_a_disagreement_shared_by_both_and_an_adventure_planned(person):
    alice_user = make_user("alice", timezone="Europe/London")
    bob_user = make_user("bob", timezone="Europe/Berlin")
    make_space(alice_user, bob_user)

    # Alice logs a disagreement and shares her view.
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    page.goto(alice.server_url + "/conflicts/")
    expect(page.get_by_test_id("empty")).to_be_visible()
    alice.check("conflicts-empty")
    page.get_by_test_id("log-conflict").click()
    page.get_by_label("What was it about?").fill("Plans changed at the last minute")
    give_view(page, intensity="3", pattern="I got defensive", repair="180")
    alice.check("conflict-form")
    page.get_by_test_id("save-conflict").click()
    expect(page.get_by_test_id("conflict-topic")).to_have_text(
        "Plans changed at the last minute"
    )
    expect(page.get_by_test_id("my-view-state")).to_have_text(
        "shared with your partner"
    )
    expect(page.get_by_test_id("suggestions")).to_contain_text("Own your part")
    alice.check("conflict-logged")

    # Bob sees it waiting, adds his own view and shares it.
    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    expect(bpage.get_by_test_id("conflicts-waiting")).to_be_visible()
    bob.check("dashboard-conflict-waiting")
    bpage.get_by_test_id("card-conflicts").get_by_role(
        "link", name="See what's waiting"
    ).click()
    expect(bpage.get_by_test_id("waiting")).to_contain_text("Plans changed")
    bob.check("conflicts-waiting")
    bpage.get_by_role("link", name="Add my view").click()
    give_view(bpage, intensity="4", pattern="I shut down", repair="720")
    bob.check("conflict-add-view")
    bpage.get_by_test_id("save-view").click()
    expect(bpage.get_by_test_id("in-shared-log")).to_be_visible()
    expect(bpage.get_by_test_id("partner-view")).to_contain_text("Alice's view")
    expect(bpage.get_by_test_id("suggestions")).to_contain_text("Take a real break")
    bob.check("conflict-both-views")

    # Both see it in the shared log.
    for p, pg in ((alice, page), (bob, bpage)):
        pg.goto(p.server_url + "/conflicts/")
        expect(pg.get_by_test_id("shared-log")).to_contain_text(
            "Plans changed at the last minute"
        )
        expect(pg.get_by_test_id("conflict-figures")).to_be_visible()
        p.check("shared-log")
    page.goto(alice.server_url + "/conflicts/how")
    alice.check("conflicts-how")

    # Alice plans an adventure with tasks for each; it goes on the calendar.
    page.goto(alice.server_url + "/goals/")
    alice.check("goals-empty")
    page.get_by_test_id("plan-adventure").click()
    page.get_by_label("The idea").fill("Night walk to the lighthouse")
    when = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    page.get_by_label("When (optional)").fill(when)
    page.get_by_label("Starting at (optional)").fill("17:30")
    page.get_by_label("Budget (optional)").fill("Train tickets and a thermos")
    page.get_by_label("Tasks for you", exact=True).fill(
        "Check the tide times\nBook the late train"
    )
    page.get_by_label("Tasks for Bob").fill("Pack head torches")
    alice.check("adventure-form")
    page.get_by_test_id("save-adventure").click()
    expect(page.get_by_test_id("goal-title")).to_have_text(
        "Night walk to the lighthouse"
    )
    expect(page.get_by_test_id("adventure-event")).to_be_visible()
    expect(page.get_by_test_id("step-list")).to_contain_text("Pack head torches")
    alice.check("adventure-planned")

    # Bob sees it, and ticks off his task.
    bpage.goto(bob.server_url + "/goals/")
    expect(bpage.get_by_test_id("goals")).to_contain_text(
        "Night walk to the lighthouse"
    )
    expect(bpage.get_by_test_id("goals")).to_contain_text("0 of 3 steps done")
    bob.check("goals-list")
    bpage.get_by_role("link", name="Night walk to the lighthouse").click()
    expect(bpage.get_by_test_id("adventure-when")).to_contain_text(
        "17:30 (Europe/London time)"
    )
    bob.check("adventure-seen")
    bpage.get_by_test_id("step-done").click()
    expect(bpage.get_by_test_id("steps")).to_contain_text("1 of 3 steps done (33%)")
    bob.check("adventure-task-done")
    bpage.get_by_test_id("adventure-event").click()
    expect(bpage.get_by_text("Night walk to the lighthouse").first).to_be_visible()

    # Alice finds an exercise by time and theme, and plans it for the two.
    page.goto(alice.server_url + "/exercises/")
    alice.check("exercises")
    page.get_by_label("Time").select_option("medium")
    page.get_by_label("Theme").select_option("conflict")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("library")).to_contain_text("Our pause plan")
    expect(page.get_by_test_id("library")).not_to_contain_text("Mirror, then swap")
    alice.check("exercises-filtered")
    page.get_by_role("link", name="Our pause plan").click()
    expect(page.get_by_test_id("exercise-title")).to_have_text("Our pause plan")
    start = timezone.localtime(timezone.now() + dt.timedelta(days=2))
    page.get_by_label("When will you do it?").fill(start.strftime("%Y-%m-%dT19:00"))
    alice.check("exercise-detail")
    page.get_by_test_id("schedule").click()
    expect(page.get_by_test_id("session-event")).to_be_visible()
    alice.check("exercise-planned")

    # Bob's dashboard shows what is planned.
    bpage.goto(bob.server_url + "/")
    expect(bpage.get_by_test_id("exercise-upcoming")).to_contain_text("Our pause plan")
    expect(bpage.get_by_test_id("goals-next-adventure")).to_contain_text("Night walk")
    bob.check("dashboard-planned")

    # Bob marks the adventure done; he reflects and it becomes a memory.
    # (Today's goals tile names the adventure; the list opens it.)
    bpage.get_by_test_id("card-goals").get_by_role(
        "link", name="Goals and adventures"
    ).click()
    bpage.get_by_role("link", name="Night walk to the lighthouse").click()
    bpage.once("dialog", lambda dialog: dialog.accept())
    bpage.get_by_test_id("finish-goal").click()
    expect(bpage.get_by_role("heading", name="A short reflection")).to_be_visible()
    bob.check("reflect")
    bpage.get_by_label("Looking back, what stays with you?").fill(
        "The quiet once we passed the last houses."
    )
    bpage.get_by_test_id("save-reflection").click()
    expect(bpage.get_by_test_id("reflections")).to_contain_text("The quiet once")
    bob.check("reflected")
    page.goto(alice.server_url + "/goals/memories")
    expect(page.get_by_test_id("memories")).to_contain_text(
        "Night walk to the lighthouse"
    )
    expect(page.get_by_test_id("memories")).to_contain_text("The quiet once")
    alice.check("memories")
