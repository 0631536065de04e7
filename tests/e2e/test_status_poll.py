"""The partner's status on Today, polled: while nothing changes the server
answers 304 and the fragment stays as it is; a new status replaces it
without a page load (issue 14)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_poll_with_nothing_new_keeps_the_fragment_and_a_change_shows(
    person, settings
):
    settings.TROTH_STATUS_POLL_SECONDS = 1
    alice_user = make_user("alice")
    bob_user = make_user("bob")
    space = make_space(alice_user, bob_user)

    bob = person("bob")
    page = bob.go("/accounts/login/")
    page.get_by_label("Email").fill("bob@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("dashboard")).to_be_visible()
    answers: list[int] = []
    page.on(
        "response",
        lambda r: (
            answers.append(r.status) if "/checkins/partner-status" in r.url else None
        ),
    )
    status = page.get_by_test_id("partner-status")
    expect(status).to_contain_text("No current status")
    page.wait_for_timeout(3500)
    assert answers and set(answers) == {304}, answers
    expect(status).to_contain_text("No current status")

    from troth.checkins import services

    services.status_send(space=space, by=alice_user, kind="running_late", minutes=15)
    expect(status).to_contain_text("running late by 15 minutes", timeout=5_000)
    assert 200 in answers
    answers.clear()
    page.wait_for_timeout(2500)
    assert answers and set(answers) == {304}, answers
    expect(status).to_contain_text("running late by 15 minutes")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
