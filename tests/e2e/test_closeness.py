"""Closeness in the browser: a question answered in turn, a boundary shared,
thanked and taken back, and a moment noticed and acknowledged."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user, run_tasks

pytestmark = pytest.mark.django_db(transaction=True)

ALICES_ANSWER = "The quiet walk by the canal on Sunday, when we didn't need to talk."
BOBS_ANSWER = "Cooking together on Friday and laughing at the burnt onions."


def sign_in(p, email: str):
    page = p.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("dashboard")).to_be_visible()
    return page


def test_answers_in_turn_and_a_boundary_shared_thanked_and_taken_back(person):
    alice_user = make_user("alice", timezone="Europe/London")
    bob_user = make_user("bob", timezone="Asia/Tokyo")
    make_space(alice_user, bob_user)

    # Alice answers today's question; it stays hers for now.
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    card = page.get_by_test_id("card-questions")
    expect(card).to_contain_text("You haven't answered yet")
    alice.check("dashboard")
    card.get_by_role("link", name="Answer").click()
    expect(page.get_by_test_id("question-text")).to_be_visible()
    page.get_by_label("Your answer").fill(ALICES_ANSWER)
    alice.check("question-answering")
    page.get_by_test_id("submit-answer").click()
    expect(page.get_by_test_id("me-answered")).to_have_text("You answered")
    expect(page.get_by_test_id("partner-answered")).to_have_text(
        "Bob hasn't answered yet"
    )
    expect(page.get_by_test_id("my-answer")).to_contain_text(ALICES_ANSWER)
    alice.check("question-waiting")

    # Bob sees that Alice answered, but not what.
    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    expect(bpage.get_by_test_id("card-questions")).to_contain_text("Alice answered")
    expect(bpage.get_by_text(ALICES_ANSWER)).to_have_count(0)
    bob.check("dashboard")
    bpage.get_by_test_id("card-questions").get_by_role("link", name="Answer").click()
    expect(bpage.get_by_test_id("partner-answered")).to_have_text("Alice answered")
    expect(bpage.get_by_text("Write yours to read both answers.")).to_be_visible()
    assert ALICES_ANSWER not in bpage.content()
    bob.check("question-before")
    bpage.get_by_label("Your answer").fill(BOBS_ANSWER)
    bpage.get_by_test_id("submit-answer").click()
    expect(bpage.get_by_test_id("their-answer")).to_contain_text(ALICES_ANSWER)
    expect(bpage.get_by_test_id("my-answer")).to_contain_text(BOBS_ANSWER)
    bob.check("question-revealed")
    bpage.get_by_test_id("their-answer").get_by_role(
        "button", name="That moved me"
    ).click()
    expect(bpage.get_by_role("button", name="That moved me")).to_have_attribute(
        "aria-pressed", "true"
    )

    # Both now see both answers.
    page.reload()
    expect(page.get_by_test_id("their-answer")).to_contain_text(BOBS_ANSWER)
    expect(page.get_by_test_id("my-answer")).to_contain_text(ALICES_ANSWER)
    expect(page.get_by_test_id("reaction-received")).to_contain_text("That moved me")
    alice.check("question-revealed")
    page.get_by_label("Add a follow-up").fill("Let's go back there next weekend?")
    page.get_by_test_id("add-followup").click()
    expect(page.get_by_test_id("followups")).to_contain_text("next weekend")
    alice.go("/questions/history/")
    expect(page.get_by_test_id("history-round")).to_have_count(1)
    alice.check("question-history")

    # Alice writes a boundary, privately, then shares it.
    alice.go("/self/")
    alice.check("selfmap-empty")
    page.get_by_test_id("kind-boundary").get_by_role(
        "link", name="Add a boundary"
    ).click()
    page.get_by_label("Title").fill("No serious talks after eleven")
    page.get_by_label("In your own words").fill(
        "Late at night everything feels bigger than it is. Let's keep big talks for the morning."
    )
    page.get_by_label("What helps me when this comes up (optional)").fill(
        "Saying 'let's talk at breakfast' and then really doing it."
    )
    alice.check("selfmap-new")
    page.get_by_test_id("save-entry").click()
    expect(page.get_by_test_id("entry-visibility")).to_have_text(
        "Only you can see this"
    )
    entry_url = page.url
    bpage.goto(bob.server_url + "/self/partner/")
    expect(bpage.get_by_text("No serious talks after eleven")).to_have_count(0)
    page.get_by_test_id("share-entry").click()
    expect(page.get_by_test_id("entry-visibility")).to_have_text(
        "Shared with your partner"
    )
    alice.check("selfmap-shared")

    # Bob reads it and thanks her.
    bpage.reload()
    expect(bpage.get_by_text("No serious talks after eleven")).to_be_visible()
    bob.check("know-your-partner")
    bpage.get_by_test_id("thank").click()
    expect(bpage.get_by_test_id("thanked")).to_be_visible()
    expect(bpage.get_by_text("Alice will see your thank-you.")).to_be_visible()
    bob.check("thanked")

    run_tasks()
    page.goto(alice.server_url + "/notifications/")
    expect(page.get_by_test_id("notifications")).to_contain_text(
        "Bob thanked you for something in your self map."
    )
    expect(page.get_by_test_id("notifications")).to_contain_text(
        "Bob answered too: you can read each other's answers now."
    )
    alice.check("notifications")

    # Alice takes it back; Bob's page no longer shows it.
    page.goto(entry_url)
    expect(page.get_by_test_id("responses")).to_contain_text("Bob thanked you")
    page.get_by_test_id("unshare-entry").click()
    expect(page.get_by_test_id("entry-visibility")).to_have_text(
        "Only you can see this"
    )
    alice.check("selfmap-unshared")
    bpage.reload()
    expect(bpage.get_by_text("No serious talks after eleven")).to_have_count(0)
    expect(bpage.get_by_test_id("partner-empty")).to_be_visible()
    bob.check("know-your-partner-after")
    response = bpage.goto(entry_url)
    assert response.status == 404


def test_a_moment_noticed_and_acknowledged(person):
    alice_user = make_user("alice", timezone="Europe/London")
    bob_user = make_user("bob", timezone="Europe/London")
    make_space(alice_user, bob_user)

    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    bpage.get_by_test_id("card-moments").get_by_role(
        "link", name="Note a moment"
    ).click()
    bob.check("moment-new")
    bpage.get_by_label(re.compile("^Listened without defending")).check()
    bpage.get_by_label("A few words (optional)").fill(
        "You let me finish the whole story."
    )
    bpage.get_by_test_id("save-moment").click()
    expect(bpage.get_by_test_id("timeline")).to_contain_text("You noticed Alice")
    bob.check("moments-timeline")
    bob.go("/moments/bids/")
    bpage.get_by_label("Turned toward me").check()
    bpage.get_by_test_id("save-bid").click()
    expect(bpage.get_by_test_id("bids")).to_contain_text("Turned toward me")
    bob.check("bid-log")

    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    expect(page.get_by_test_id("card-moments")).to_contain_text("Bob noticed")
    alice.go("/moments/")
    expect(page.get_by_test_id("timeline")).to_contain_text("Bob noticed you")
    page.get_by_test_id("ack-meant").click()
    expect(page.get_by_test_id("acknowledged")).to_have_text(
        "You said: “That meant a lot to me”"
    )
    alice.check("moment-acknowledged")
    alice.go("/moments/week/")
    expect(page.get_by_test_id("week-about-me")).to_contain_text("You let me finish")
    alice.check("moments-week")
    # Bob's bid log is his alone.
    alice.go("/moments/bids/")
    expect(page.get_by_test_id("bids")).to_have_count(0)
