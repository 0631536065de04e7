"""The monthly trust audit in the browser: on audit day Alice and Bob each
reflect, propose a commitment and sign off; the commitments become promises,
and the Markdown export holds them. Also the printable page and insights."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user
from troth.audits import tasks
from troth.audits.models import Audit, AuditSettings
from troth.audits.tests.helpers import promise
from troth.lib.time import space_today
from troth.promises.models import Promise, State

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(p, email: str):
    page = p.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("dashboard")).to_be_visible()
    return page


def reflect_and_commit(p, page, *, went_well: str, need: str, commitment: str):
    page.get_by_test_id("write-reflection").click()
    expect(page.get_by_test_id("reflection-form")).to_be_visible()
    p.check("reflection-form")
    page.get_by_label("What went well").fill(went_well)
    page.get_by_label("What I need from you").fill(need)
    page.get_by_test_id("save-reflection").click()
    expect(page.get_by_test_id("my-reflection")).to_contain_text(went_well)
    page.get_by_label("Next month, I commit to").fill(commitment)
    due = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    page.get_by_label("By").fill(due)
    page.get_by_test_id("add-commitment").click()
    expect(page.get_by_test_id("commitment-list")).to_contain_text(commitment)
    p.check("audit-written")


def test_on_audit_day_both_reflect_sign_off_and_commitments_become_promises(person):
    alice_user = make_user("alice", timezone="Europe/Berlin")
    bob_user = make_user("bob", timezone="America/New_York")
    space = make_space(alice_user, bob_user)
    now = timezone.now()
    today = space_today([alice_user, bob_user], now)
    AuditSettings.objects.create(
        space=space, day=today.day, chosen_at=now - dt.timedelta(days=60)
    )
    # Something to look back on: a few promises due earlier this month.
    for days, state in ((3, State.KEPT), (5, State.KEPT), (8, State.MISSED)):
        day = (now - dt.timedelta(days=days)).date().isoformat()
        promise(space, alice_user, day, state)
    # The clock on audit day.
    assert tasks.draft_due_audits.call() == 1
    audit = Audit.objects.get()

    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    expect(page.get_by_test_id("card-audit")).to_contain_text("audit is ready")
    alice.check("dashboard-audit-ready")
    page.get_by_test_id("open-audit").click()
    expect(page.get_by_test_id("audit-figures")).to_be_visible()
    expect(page.get_by_test_id("audit-figures")).to_contain_text("Promises due")
    # The month as a short story first; the numbers folded, opened with the
    # keyboard alone.
    expect(page.get_by_test_id("audit-story")).to_contain_text(
        "Of the promises settled, you kept 2 of 3."
    )
    numbers = page.get_by_test_id("audit-numbers").first
    table = numbers.locator("table")
    expect(table).to_be_hidden()
    numbers.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(table).to_be_visible()
    alice.check("audit")
    reflect_and_commit(
        alice,
        page,
        went_well="The Sunday walks, every week.",
        need="A message when you will be late.",
        commitment="Cook dinner on Thursdays",
    )
    expect(page.get_by_test_id("partner-reflection-hidden")).to_be_visible()
    page.get_by_test_id("sign-off-button").click()
    expect(page.get_by_test_id("withdraw-sign-off")).to_be_visible()
    alice.check("signed-off")

    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    expect(bpage.get_by_test_id("card-audit")).to_contain_text(
        "Alice has signed off the audit and is waiting for your part."
    )
    bob.check("dashboard-audit-waiting")
    bpage.get_by_test_id("open-audit").click()
    expect(bpage.get_by_test_id("commitment-list")).to_contain_text(
        "Cook dinner on Thursdays"
    )
    # Alice's words stay hidden until Bob has written his.
    expect(bpage.get_by_test_id("reflections")).not_to_contain_text("Sunday walks")
    bob.check("audit-before-writing")
    reflect_and_commit(
        bob,
        bpage,
        went_well="We talked before we got cross.",
        need="Time on my own on Saturday mornings.",
        commitment="Plan one evening out",
    )
    expect(bpage.get_by_test_id("partner-reflection")).to_contain_text("Sunday walks")
    bpage.get_by_test_id("sign-off-button").click()
    expect(bpage.get_by_test_id("audit-closed")).to_be_visible()
    expect(bpage.get_by_test_id("commitment-promise")).to_have_count(2)
    bob.check("audit-closed")

    # The commitments are promises now, each from the one who proposed it.
    made = {p.text: p for p in Promise.objects.filter(origin_id__isnull=False)}
    assert made["Cook dinner on Thursdays"].author == alice_user
    assert made["Plan one evening out"].author == bob_user
    bpage.goto(bob.server_url + "/promises/?show=to-me")
    expect(bpage.get_by_test_id("promise-list")).to_contain_text(
        "Cook dinner on Thursdays"
    )
    bob.check("promises-to-me")

    # The Markdown export holds both commitments and both reflections; like
    # every download of a person's data it asks for the password first.
    bpage.goto(bob.server_url + audit.get_absolute_url())
    bpage.get_by_test_id("export-link").click()
    bpage.wait_for_url("**/accounts/reauthenticate/**")
    bpage.get_by_label("Password").fill(PASSWORD)
    bpage.get_by_role("button", name="Confirm").click()
    bpage.wait_for_url("**" + audit.get_absolute_url())
    with bpage.expect_download() as info:
        bpage.get_by_test_id("export-link").click()
    download = info.value
    assert download.suggested_filename.startswith("trust-audit-")
    text = open(download.path(), encoding="utf-8").read()  # noqa: PTH123, SIM115
    assert "Cook dinner on Thursdays" in text
    assert "Plan one evening out" in text
    assert "> The Sunday walks, every week." in text

    # Alice: the printable page, the history and the insights.
    page.goto(alice.server_url + f"/audits/{audit.pk}/print")
    expect(page.get_by_test_id("print-hint")).to_be_visible()
    alice.check("print")
    page.goto(alice.server_url + "/audits/")
    expect(page.get_by_test_id("audit-entry")).to_contain_text("closed")
    alice.check("audit-history")
    page.goto(alice.server_url + "/insights/")
    expect(page.get_by_test_id("insight-promises")).to_be_visible()
    alice.check("insights")
    page.goto(alice.server_url + "/")
    expect(page.get_by_test_id("activity-timeline")).to_contain_text(
        "You both signed off"
    )
    alice.check("dashboard-after")


def test_a_new_couple_sees_what_will_appear_and_when(person):
    make_space(make_user("alice"), make_user("bob"))
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    page = alice.go("/audits/")
    expect(page.get_by_test_id("first-audit-when")).to_contain_text(
        "Your first audit can start as soon as you choose your audit day"
    )
    alice.check("audit-new-couple")
    page = alice.go("/insights/")
    expect(page.get_by_test_id("insights-story")).to_contain_text(
        "Nothing recorded in these months yet."
    )
    expect(page.get_by_test_id("promises-waiting")).to_be_visible()
    expect(page.locator("table")).to_have_count(0)
    alice.check("insights-new-couple")
