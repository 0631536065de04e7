"""Repair, agreements and dialogue in the browser, at phone size.

Bob opens a repair; Alice mirrors his account and Bob says she heard him;
Alice writes an apology, sees the checker flag "sorry, but", revises it and
sends it; Bob answers; Alice adds a promise to the plan. Also: an
agreement negotiated clause by clause and paused, and a dialogue together
on one phone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user
from troth.notifications.models import Notification
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(p, email: str):
    page = p.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("dashboard")).to_be_visible()
    return page


@pytest.fixture
def couple(db):
    alice = make_user("alice", timezone="Europe/Berlin")
    bob = make_user("bob", timezone="Europe/London")
    make_space(alice, bob)
    return alice, bob


def test_a_repair_from_hurt_to_a_plan_promise(person, couple):
    alice_user, _ = couple
    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    bpage.goto(bob.server_url + "/repair/")
    bob.check("repair-index")
    bpage.get_by_test_id("open-repair").click()
    bob.check("repair-open-form")
    # Fields that don't apply yet stay out of the way until they do.
    seriousness = bpage.get_by_text("How serious does it feel to you?")
    expect(seriousness).to_be_hidden()
    expect(bpage.get_by_text("No promises to choose from.")).to_be_hidden()
    bpage.get_by_label("A promise").check()
    expect(bpage.get_by_text("No promises to choose from.")).to_be_visible()
    bpage.get_by_label("Nothing in Troth").check()
    expect(bpage.get_by_text("No promises to choose from.")).to_be_hidden()
    bpage.get_by_label("Something hurt me").check()
    expect(seriousness).to_be_visible()
    bpage.get_by_label("What happened, in a sentence or two").fill(
        "You read my messages while I was asleep."
    )
    bpage.get_by_label("It hurt a lot").check()
    bpage.get_by_test_id("open-submit").click()
    expect(bpage.get_by_test_id("account-form")).to_be_visible()
    expect(bpage.get_by_test_id("path")).to_contain_text("Atone")
    bob.check("repair-opened")
    bpage.get_by_label("Your account").fill(
        "When I found out, I felt watched in my own home. It made me wonder "
        "what else you don't trust me with."
    )
    bpage.get_by_test_id("account-submit").click()
    expect(bpage.get_by_test_id("waiting")).to_contain_text("Waiting for Alice")
    bob.check("repair-account-written")

    # Using "I don't feel safe" tells Alice nothing.
    before = (
        Notification.objects.filter(user=alice_user).count(),
        Activity.objects.count(),
    )
    bpage.get_by_test_id("not-safe").click()
    expect(bpage.get_by_test_id("support-title")).to_be_visible()
    bob.check("repair-support")
    assert (
        Notification.objects.filter(user=alice_user).count(),
        Activity.objects.count(),
    ) == before
    bpage.go_back()

    alice = person("alice")
    apage = sign_in(alice, "alice@example.com")
    card = apage.get_by_test_id("card-repair")
    expect(card).to_contain_text("Your step")
    alice.check("dashboard-repair-card")
    card.get_by_role("link", name="You read my messages").click()
    expect(apage.get_by_test_id("account")).to_contain_text("felt watched")
    alice.check("repair-to-mirror")
    apage.get_by_label("What I heard you say").fill(
        "What I heard is that you felt watched in your own home, and it made "
        "you wonder what else I don't trust you with. Did I get it?"
    )
    apage.get_by_test_id("mirror-submit").click()
    expect(apage.get_by_test_id("waiting")).to_contain_text("Waiting for Bob")
    alice.check("repair-mirrored")

    bpage.reload()
    expect(bpage.get_by_test_id("confirm-form")).to_be_visible()
    bob.check("repair-confirm")
    bpage.get_by_label("Yes, you heard me").check()
    bpage.get_by_test_id("confirm-submit").click()
    expect(bpage.get_by_test_id("heard")).to_be_visible()
    bob.check("repair-heard")

    apage.reload()
    apage.get_by_test_id("write-apology").click()
    expect(apage.get_by_test_id("guide")).to_contain_text("Own what you did")
    alice.check("apology-composer")
    text = apage.get_by_test_id("apology-text")
    text.fill("I'm sorry, but I was worried about us.")
    flag = apage.locator('[data-flag="sorry_but"]')
    expect(flag).to_be_visible()
    expect(flag).to_contain_text("sorry, but")
    expect(flag).to_contain_text("cancel what came before")
    alice.check("apology-checker-flag")

    text.fill(
        "I read your messages without asking. That was wrong, and it's on me. "
        "I'm sorry. I won't go through your phone again. What can I do to "
        "help you feel at home again?"
    )
    expect(apage.get_by_test_id("no-flags")).to_be_visible()
    expect(flag).to_have_count(0)
    expect(apage.locator('[data-component="responsibility"]')).to_be_visible()
    alice.check("apology-revised")
    apage.get_by_test_id("send-apology").click()
    expect(apage.get_by_test_id("apology-version")).to_contain_text("it's on me")
    alice.check("apology-sent")

    bpage.reload()
    expect(bpage.get_by_test_id("answer-form")).to_be_visible()
    bob.check("apology-received")
    bpage.get_by_label("It helps").check()
    bpage.get_by_label("A note (optional)").fill("Thank you for saying it plainly.")
    bpage.get_by_test_id("answer-submit").click()
    expect(bpage.get_by_test_id("apology-answer")).to_have_text("It helps")
    bob.check("apology-answered")

    # Bob's own check-in and note: for him alone.
    bpage.get_by_test_id("forgiveness-link").click()
    bob.check("forgiveness-empty")
    for name, value in (("distance", "5"), ("even", "2"), ("goodwill", "4")):
        bpage.locator(f'input[name="{name}"][value="{value}"]').check()
    bpage.get_by_test_id("checkin-submit").click()
    expect(bpage.get_by_test_id("checkins")).to_contain_text("5")
    bob.check("forgiveness-one")
    bpage.go_back()
    bpage.go_back()
    bpage.get_by_test_id("private-link").click()
    bpage.get_by_label("A note for yourself").fill(
        "Her mirror the second time was right."
    )
    bpage.get_by_test_id("note-submit").click()
    expect(bpage.get_by_test_id("notes")).to_contain_text("second time was right")
    bob.check("private-notes")

    apage.reload()
    expect(apage.get_by_test_id("apology-answer")).to_have_text("It helps")
    apage.get_by_test_id("plan-link").click()
    alice.check("plan-empty")
    apage.get_by_test_id("add-plan-promise").click()
    alice.check("plan-promise-form")
    apage.get_by_label("What I promise").fill(
        "Ask you before I touch your phone, every time"
    )
    due = (timezone.now() + dt.timedelta(days=7)).date().isoformat()
    apage.get_by_label("By").fill(due)
    apage.get_by_test_id("plan-promise-submit").click()
    expect(apage.get_by_test_id("plan-item")).to_contain_text("Ask you before I touch")
    expect(apage.get_by_test_id("upcoming")).to_have_text("1")
    alice.check("plan-with-promise")


def test_an_agreement_negotiated_clause_by_clause_then_paused(person, couple):
    alice = person("alice")
    apage = sign_in(alice, "alice@example.com")
    apage.goto(alice.server_url + "/agreements/")
    alice.check("agreements-empty")
    apage.get_by_test_id("new-agreement").click()
    alice.check("agreements-choose")
    apage.get_by_role("link", name="Our online lives").click()
    expect(apage.get_by_test_id("clause-input").first).to_contain_text("former partner")
    alice.check("agreements-propose-form")
    apage.get_by_test_id("propose").click()
    expect(apage.get_by_test_id("status-note")).to_contain_text("Waiting for Bob")
    alice.check("agreement-proposed")

    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    bpage.goto(bob.server_url + "/agreements/")
    expect(bpage.get_by_test_id("waiting-for-you")).to_be_visible()
    bob.check("agreements-waiting")
    bpage.get_by_role("link", name="Our online lives").click()
    bob.check("agreement-to-answer")
    third = bpage.get_by_test_id("clause").nth(2)
    third.get_by_text("Answer with other wording").click()
    third.get_by_label("Wording you propose").fill(
        "Our phones are our own. If something worries either of us, we ask."
    )
    third.get_by_test_id("propose-wording").click()
    bob.check("agreement-countered")
    bpage.get_by_test_id("accept-all").click()
    expect(bpage.get_by_test_id("agreement-status")).to_have_text("Proposed")

    apage.reload()
    apage.get_by_test_id("clause").nth(2).get_by_test_id("accept-clause").click()
    expect(apage.get_by_test_id("agreement-status")).to_have_text("Active")
    alice.check("agreement-active")
    apage.get_by_test_id("history-link").click()
    expect(apage.get_by_test_id("history")).to_contain_text(
        "answered with another wording"
    )
    alice.check("agreement-history")

    bpage.reload()
    bpage.get_by_test_id("withdraw-consent").click()
    expect(bpage.get_by_test_id("agreement-status")).to_have_text("Paused")
    bob.check("agreement-paused")


def test_a_dialogue_together_on_one_phone(person, couple):
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    page.goto(alice.server_url + "/dialogue/")
    alice.check("dialogue-index")
    page.get_by_label("What it's about (optional)").fill("Weekends")
    page.get_by_test_id("start-dialogue").click()
    expect(page.get_by_test_id("prompt")).to_contain_text(
        "Alice, say what's on your mind"
    )
    expect(page.get_by_test_id("timer")).to_be_visible()
    alice.check("dialogue-speak")
    page.get_by_test_id("next").click()
    expect(page.get_by_test_id("prompt")).to_contain_text(
        "Bob, say back what you heard"
    )
    page.get_by_test_id("next").click()
    page.get_by_test_id("no-more").click()
    for _ in range(3):
        page.get_by_test_id("next").click()
    expect(page.get_by_test_id("prompt")).to_contain_text("is that how you feel?")
    alice.check("dialogue-check")
    page.get_by_test_id("yes").click()
    expect(page.get_by_test_id("pass-phone")).to_contain_text("Pass the phone to Alice")
    alice.check("dialogue-pass-phone")
    page.get_by_test_id("have-phone").click()
    page.get_by_test_id("take-break").click()
    expect(page.get_by_test_id("break")).to_contain_text("at least 20 minutes")
    alice.check("dialogue-break")
    page.get_by_test_id("resume").click()
    expect(page.get_by_test_id("prompt")).to_contain_text(
        "Bob, say what's on your mind"
    )


def test_a_written_dialogue_turn_by_turn(person, couple):
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    page.goto(alice.server_url + "/dialogue/")
    page.get_by_label("In writing, one turn at a time").check()
    page.get_by_test_id("start-dialogue").click()
    page.get_by_test_id("turn-text").fill(
        "I feel alone when Saturdays fill up with errands."
    )
    alice.check("written-send")
    page.get_by_test_id("next").click()
    expect(page.get_by_test_id("waiting")).to_contain_text("It's Bob's turn")
    alice.check("written-waiting")

    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    card = bpage.get_by_test_id("card-dialogue")
    expect(card).to_contain_text("Your turn")
    card.get_by_role("link").nth(1).click()
    expect(bpage.get_by_test_id("turns")).to_contain_text("Saturdays fill up")
    bpage.get_by_test_id("turn-text").fill(
        "What I heard is that you feel alone when our Saturdays go on errands. "
        "Did I get that? Is there more?"
    )
    bob.check("written-mirror")
    bpage.get_by_test_id("next").click()
    expect(bpage.get_by_test_id("waiting")).to_contain_text("It's Alice's turn")
