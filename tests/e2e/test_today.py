"""Today in the browser: a brand-new couple's home fits in two phone screens
and guides them through their first steps; the demo couple's is short; both
axe-clean in light and dark (Person.check)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PHONE_SCREEN = {"width": 360, "height": 800}
TWO_SCREENS = 2 * PHONE_SCREEN["height"]
# The demo couple's home was about 5,700 px tall as eleven full cards.
DEMO_AT_MOST = 3000


def sign_in(p, email: str, password: str = PASSWORD):
    page = p.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("dashboard")).to_be_visible()
    return page


def height(page) -> int:
    page.set_viewport_size(PHONE_SCREEN)
    tall = page.evaluate("document.documentElement.scrollHeight")
    print("Today is", tall, "px tall at 360 x 800")
    return tall


def test_a_new_couple_is_guided_and_their_today_fits_two_phone_screens(person):
    alice_user = make_user("alice")
    bob_user = make_user("bob")
    make_space(alice_user)

    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_attached()
    checklist = page.get_by_test_id("firstrun")
    expect(checklist).to_contain_text("0 of 6 done")
    expect(checklist.get_by_role("link", name="Invite your partner")).to_be_visible()
    alice.check("today-new-alone")
    assert height(page) <= TWO_SCREENS

    # Bob joins: the invitation is ticked for both, from what happened.
    from troth.spaces import services
    from troth.spaces.models import Space

    space = Space.objects.get()
    _, token = services.invitation_create(space=space, by=alice_user)
    services.invitation_accept(token=token, user=bob_user)
    page.reload()
    expect(page.get_by_test_id("firstrun-invite")).to_contain_text(
        "Done: You're both here"
    )
    expect(checklist).to_contain_text("1 of 6 done")
    alice.check("today-new-couple")
    assert height(page) <= TWO_SCREENS

    # A step done elsewhere ticks itself: the calendar link made.
    checklist.get_by_role("link", name="Calendar in your phone").click()
    page.get_by_test_id("feed-create").click()
    page.goto(alice.server_url + "/")
    expect(page.get_by_test_id("firstrun-calendar")).to_contain_text("Done:")

    # The safety tour is ticked by hand, without JavaScript's help.
    page.get_by_test_id("tick-safety").click()
    expect(page.get_by_test_id("firstrun-safety")).to_contain_text("Done:")
    expect(checklist).to_contain_text("3 of 6 done")

    # Put away: gone for Alice, for good; Bob keeps his.
    page.get_by_test_id("firstrun-dismiss").click()
    expect(page.locator(".messages")).to_contain_text("The checklist is put away")
    expect(page.get_by_test_id("firstrun")).to_have_count(0)
    page.reload()
    expect(page.get_by_test_id("firstrun")).to_have_count(0)
    alice.check("today-checklist-away")

    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    expect(bpage.get_by_test_id("firstrun")).to_contain_text("1 of 6 done")
    bpage.reload()  # without the one-off "signed in" message
    bob.check("today-new-couple-bob")
    assert height(bpage) <= TWO_SCREENS


def test_the_demo_couples_today_is_short(person):
    from troth.demo import demo_create

    demo = demo_create()
    alex = person("alex")
    page = sign_in(alex, demo.partners[0].email, demo.password)
    expect(page.get_by_test_id("tiles")).to_be_visible()
    # At most four things wait, the rest are tiles with one line each.
    assert page.get_by_test_id("needs").locator("li").count() <= 4
    assert height(page) <= DEMO_AT_MOST
    alex.check("today-demo")
