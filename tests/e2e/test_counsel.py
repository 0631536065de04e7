"""With a counsellor (issue 17), in the browser, at phone size.

Alice proposes a window onto two areas for 30 days; Bob accepts the same
scope; Kim, the counsellor, signs up from the link in her email in a
browser of her own, reads the agreements area and leaves a note. Both
partners see the note and the access log; Bob closes the window alone;
Kim's next requests answer 404 and show nothing of the couple; Alice sees
the window closed without being told who closed it.

Every page is checked for accessibility at phone and desktop sizes, light
and dark (`check`). With TROTH_COUNSEL_SHOTS set to a folder, each page is
also photographed whole there at 360 x 800 light and dark and 1280 x 900
light, as <page>-<size>-<theme>.png, for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import formats, timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user
from troth.agreements.builders import build_agreement
from troth.agreements.models import VersionState
from troth.counsel.models import Note, Status, Suggestion, Window
from troth.counsel.notes import PAGE_SIZE
from troth.exercises.library import EXERCISES
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = os.environ.get("TROTH_COUNSEL_SHOTS")
SIZES = [
    ("phone", {"width": 360, "height": 800}, ("light", "dark")),
    ("desktop", {"width": 1280, "height": 900}, ("light",)),
]
LINK = re.compile(r"http://\S+?(/counsel/join/[A-Za-z0-9_-]+/)")
NOTE = "Before Thursday, each of you: one moment this week you felt heard."


def look(p, name: str) -> None:
    """`check` the page, and photograph it whole when TROTH_COUNSEL_SHOTS
    names a folder."""
    p.check(name)
    if not SHOTS:
        return
    out = Path(SHOTS)
    out.mkdir(parents=True, exist_ok=True)
    page = p.page
    before = page.viewport_size
    try:
        for size, viewport, schemes in SIZES:
            page.set_viewport_size(viewport)
            for scheme in schemes:
                page.emulate_media(color_scheme=scheme)
                page.screenshot(
                    path=str(out / f"{name}-{size}-{scheme}.png"), full_page=True
                )
    finally:
        page.emulate_media(color_scheme="light")
        page.set_viewport_size(before)


def sign_in(p, email: str):
    page = p.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("dashboard")).to_be_visible()
    return page


@pytest.fixture
def couple(db):
    """Alice and Bob, partners, with an agreement they both made, shared."""
    alice = make_user("alice", timezone="Europe/Berlin")
    bob = make_user("bob", timezone="Europe/London")
    space = make_space(alice, bob)
    at = timezone.now() - dt.timedelta(days=3)
    history = build_agreement(space, alice, title="Our phones", topic="online", at=at)
    (version,) = history.propose(["We text when we are running late."], alice, at)
    later = at + dt.timedelta(hours=1)
    history.decide(version, VersionState.ACCEPTED, bob, later, "accepted")
    history.activate(later)
    return alice, bob


def propose(alice) -> None:
    page = alice.go("/counsel/")
    expect(page.get_by_test_id("propose-form")).to_be_visible()
    look(alice, "propose-form")
    page.get_by_label("Your counsellor's email address").fill("kim@example.com")
    page.get_by_label("How you call them (optional)").fill("Kim")
    page.get_by_label("Agreements and their history").check()
    page.get_by_label("Promises and their figures").check()
    page.get_by_label("For how many days (at most 90)").fill("30")
    page.get_by_test_id("propose-window").click()
    expect(page.get_by_test_id("status-note")).to_contain_text(
        "Waiting for your partner"
    )
    look(alice, "window-waiting")


def accept(bob) -> None:
    page = bob.go("/counsel/")
    page.get_by_test_id("open-window").click()
    scope = page.get_by_test_id("window-scope")
    expect(scope).to_contain_text("Agreements and their history")
    expect(scope).to_contain_text("Promises and their figures")
    expect(scope.get_by_role("listitem")).to_have_count(2)
    look(bob, "window-to-accept")
    page.get_by_test_id("accept-window").click()
    expect(page.get_by_test_id("window-status")).to_have_text("Open")


def join_from_the_email(kim) -> str:
    """Kim signs up from her email's link and takes the invitation; the
    path of her window's home."""
    (message,) = [m for m in mail.outbox if m.to == ["kim@example.com"]]
    assert "Alice" not in message.body and "Bob" not in message.body
    (path,) = LINK.findall(str(message.body))
    page = kim.go(path)
    expect(page.get_by_test_id("join-signup")).to_be_visible()
    look(kim, "join-signed-out")
    page.get_by_test_id("join-signup").click()
    page.get_by_label("Your name").fill("Kim")
    page.get_by_label("Email").fill("kim@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign up", exact=True).click()
    expect(page.get_by_text("Now sign in with your email address")).to_be_visible()
    page.get_by_label("Email").fill("kim@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile(r"^sign in$", re.I)).click()
    expect(page.get_by_test_id("join-window")).to_be_visible()
    look(kim, "join-signed-in")
    page.get_by_test_id("join-window").click()
    expect(page.get_by_text("You can now read what the couple shared")).to_be_visible()
    return urlpath(page.url)


def urlpath(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def read_and_leave_a_note(kim) -> str:
    """Kim opens the agreements area and leaves a note; the area's path."""
    page = kim.page
    expect(page.get_by_role("heading", level=1)).to_contain_text("Alice")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bob")
    look(kim, "counsellor-home")
    areas = page.get_by_test_id("window-areas")
    expect(areas.get_by_role("link")).to_have_count(2)
    areas.get_by_role("link", name="Agreements and their history").click()
    agreement = page.get_by_test_id("area-agreement")
    expect(agreement).to_have_count(1)
    expect(agreement).to_contain_text("Our phones")
    expect(agreement).to_contain_text("We text when we are running late.")
    look(kim, "counsellor-area-agreements")
    area_path = urlpath(page.url)
    page.get_by_role("link", name="Back to the window").click()
    page.get_by_label("A note to both partners").fill(NOTE)
    page.get_by_test_id("send-note").click()
    expect(page.get_by_text("Your note is with both partners.")).to_be_visible()
    expect(page.get_by_test_id("counsel-notes")).to_contain_text(NOTE)
    look(kim, "counsellor-home-with-note")
    return area_path


def sees_the_note_and_the_log(p, window: Window) -> None:
    page = p.go(window.get_absolute_url())
    expect(page.get_by_test_id("counsel-notes")).to_contain_text(NOTE)
    today = formats.date_format(window.couple_today(), "DATE_FORMAT")
    rows = page.get_by_test_id("access-log").get_by_role("listitem")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text(today)
    expect(rows).to_contain_text("Agreements and their history")


def pages_back_to_the_first_note(p, window: Window) -> None:
    """Weeks on, more notes and suggestions than a page holds: the first
    note is on the second page, each list with its own pager."""
    Note.objects.bulk_create(
        Note(window=window, author=window.counsellor, text=f"Week {n}: keep going.")
        for n in range(PAGE_SIZE + 5)
    )
    Suggestion.objects.bulk_create(
        Suggestion(window=window, author=window.counsellor, exercise=EXERCISES[0].slug)
        for _ in range(PAGE_SIZE + 1)
    )
    page = p.go(window.get_absolute_url())
    notes = page.get_by_test_id("counsel-notes")
    expect(notes.get_by_role("listitem")).to_have_count(PAGE_SIZE)
    expect(notes).not_to_contain_text(NOTE)
    pager = page.get_by_role("navigation", name="Notes from the counsellor")
    expect(page.get_by_role("navigation", name="Suggested exercises")).to_be_visible()
    look(p, "window-many-notes")
    pager.get_by_role("link", name="Older").click()
    expect(notes.get_by_role("listitem")).to_have_count(6)
    expect(notes.get_by_role("listitem").last).to_contain_text(NOTE)
    expect(pager.get_by_role("link", name="Newer")).to_be_visible()
    look(p, "window-notes-page-2")


def test_a_window_from_proposal_to_close(person, couple):
    alice_user, _bob_user = couple
    alice = person("alice")
    bob = person("bob")
    kim = person("kim")
    sign_in(alice, "alice@example.com")
    sign_in(bob, "bob@example.com")

    propose(alice)
    window = Window.objects.get()
    assert window.status == Status.PROPOSED and window.days == 30
    assert window.areas == ["agreements", "promises"]
    # Nothing to read before Bob accepts: the join link does not exist yet.
    assert not [m for m in mail.outbox if m.to == ["kim@example.com"]]
    accept(bob)

    home = join_from_the_email(kim)
    area = read_and_leave_a_note(kim)

    window.refresh_from_db()
    sees_the_note_and_the_log(alice, window)
    look(alice, "window-open-with-log")
    sees_the_note_and_the_log(bob, window)
    pages_back_to_the_first_note(bob, window)

    # Bob closes it alone: a confirmation first.
    page = bob.page
    page.get_by_test_id("close-window").click()
    expect(page.get_by_role("heading", name="Close the window?")).to_be_visible()
    look(bob, "close-confirm")
    told = Notification.objects.filter(user=alice_user).count()
    page.get_by_test_id("confirm-close").click()
    expect(
        page.get_by_text("Your counsellor can no longer see anything")
    ).to_be_visible()
    expect(page.get_by_test_id("window-status")).to_have_text("Closed")

    # Kim's next requests: 404, and nothing of the couple.
    for path in (home, area):
        response = kim.page.goto(kim.server_url + path)
        assert response is not None and response.status == 404, path
        text = kim.page.content()
        for word in ("Alice", "Bob", "Our phones", "running late", NOTE):
            assert word not in text, (path, word)
    expect(kim.page.get_by_role("main")).to_be_visible()
    look(kim, "counsellor-after-close")
    kim.go("/counsel/clients/")
    expect(kim.page.get_by_test_id("clients-empty")).to_be_visible()

    # Alice: closed, by nobody named, and she was not told.
    assert Notification.objects.filter(user=alice_user).count() == told
    page = alice.go(window.get_absolute_url())
    expect(page.get_by_test_id("window-status")).to_have_text("Closed")
    expect(page.get_by_test_id("status-note")).to_have_text("This window was closed.")
    closed = page.get_by_test_id("window-history").get_by_role("listitem").last
    expect(closed).to_contain_text("The window was closed")
    expect(closed).not_to_contain_text("Bob")
    expect(page.get_by_test_id("close-window")).to_have_count(0)
    look(alice, "window-closed")
    page = alice.go("/counsel/")
    expect(page.get_by_test_id("past-windows")).to_contain_text("Closed")
    expect(page.get_by_test_id("propose-form")).to_be_visible()


def test_the_session_summary_page(person, couple):
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    page.goto(alice.server_url + "/counsel/")
    page.get_by_test_id("bring-summary").click()
    expect(page.get_by_test_id("summary-form")).to_be_visible()
    look(alice, "summary-form")
    form = page.get_by_test_id("summary-form")
    for box in form.get_by_role("group").get_by_role("checkbox").all():
        box.uncheck()
    form.get_by_label("Agreements and their history").check()
    page.get_by_test_id("summary-build").click()
    summary = page.get_by_test_id("summary")
    expect(summary).to_contain_text("Our phones")
    expect(summary).to_contain_text("We text when we are running late.")
    expect(summary.get_by_test_id("area-promises")).to_have_count(0)
    # troth.js shows the print button, which prints (window.print stubbed).
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_test_id("summary-print").click()
    assert page.evaluate("window.printed === true")
    # On paper, dark mode or not: black on white.
    page.emulate_media(media="print", color_scheme="dark")
    colours = page.evaluate(
        "[getComputedStyle(document.querySelector('[data-testid=summary]')).color,"
        " getComputedStyle(document.body).backgroundColor]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    page.emulate_media(media="screen", color_scheme="light")
    look(alice, "summary")


def test_the_summary_with_every_area_on_a_phone(person, couple):
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    page.goto(alice.server_url + "/counsel/summary")
    page.get_by_test_id("summary-build").click()
    expect(page.get_by_test_id("area-promises")).to_be_visible()
    alice.check("summary-every-area")
