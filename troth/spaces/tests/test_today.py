"""Today (the home page in a space) and its first-run checklist."""

from __future__ import annotations

import types
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_space
from troth.lib.needs import Need
from troth.promises.tests.helpers import make_promise
from troth.spaces import firstrun
from troth.spaces.models import Membership

pytestmark = pytest.mark.django_db

TICK = "/space/first-steps/tick"
DISMISS = "/space/first-steps/dismiss"


def section(page: str, testid: str) -> str:
    return page.split(f'data-testid="{testid}"', 1)[1].split("</section>", 1)[0]


def step(page: str, key: str) -> str:
    return page.split(f'data-testid="firstrun-{key}"', 1)[1].split("</li>", 1)[0]


def test_the_page_is_called_today(space, alice_client):
    page = alice_client.get("/").text
    assert '<h1 class="visually-hidden">Today</h1>' in page
    assert 'data-testid="tiles"' in page


def test_a_new_person_alone_sees_the_checklist_instead_of_the_invitation_card(
    eve, eve_client
):
    make_space(eve)
    page = eve_client.get("/").text
    checklist = section(page, "firstrun")
    assert "0 of 6 done" in checklist
    for text in (
        "Invite your partner",
        "A first promise",
        "Today&#x27;s question",
        "Calendar in your phone",
        "How you want to be told",
        "A short safety tour",
    ):
        assert text in checklist
    assert 'href="/space/invite"' in step(page, "invite")
    assert 'href="/calendar/subscribe/"' in step(page, "calendar")
    assert 'href="/notifications/settings"' in step(page, "notifications")
    assert 'href="/safety/"' in step(page, "safety")
    # The checklist's first step stands in for the "invite your partner" card.
    assert 'data-testid="card-space"' not in page
    # Inviting is the partner's to finish: it can't be ticked by hand.
    assert 'data-testid="tick-invite"' not in page


def test_steps_tick_themselves_from_what_each_person_did(
    space, alice, bob, alice_client, bob_client
):
    make_promise(space, alice)
    # Saved once on the settings page (spaces imports nothing of notifications).
    apps.get_model("notifications", "NotificationSettings").objects.create(user=alice)
    page = alice_client.get("/").text
    assert "3 of 6 done" in section(page, "firstrun")
    for key in ("invite", "promise", "notifications"):
        assert "Done:" in step(page, key)
    assert "You&#x27;re both here" in step(page, "invite")
    for key in ("question", "calendar", "safety"):
        assert "Done:" not in step(page, key)
    # Bob made no promise and chose nothing: only the partner joining is his.
    bobs = bob_client.get("/").text
    assert "1 of 6 done" in section(bobs, "firstrun")
    assert "Done:" not in step(bobs, "promise")


def test_a_step_ticked_by_hand_stays_ticked(space, alice, alice_client):
    response = alice_client.post(TICK, {"step": "safety"})
    assert response.status_code == 302 and response["Location"] == "/"
    page = alice_client.get("/").text
    assert "Done:" in step(page, "safety")
    alice_client.post(TICK, {"step": "safety"})  # twice: still once
    assert Membership.objects.get(user=alice).firstrun_ticked == ["safety"]


@pytest.mark.parametrize("value", ["invite", "nonsense", "", "x" * 500])
def test_a_step_that_cant_be_ticked_is_refused_with_a_message(
    space, alice, alice_client, value
):
    response = alice_client.post(TICK, {"step": value}, follow=True)
    assert response.status_code == 200
    assert "That step isn&#x27;t on the checklist." in response.text
    assert Membership.objects.get(user=alice).firstrun_ticked == []


def test_ticking_and_dismissing_need_a_post_a_person_and_a_space(
    client, eve_client, alice_client, space
):
    assert alice_client.get(TICK).status_code == 405
    assert alice_client.get(DISMISS).status_code == 405
    assert client.post(TICK, {"step": "safety"}).status_code == 302  # to sign in
    assert client.post(DISMISS).status_code == 302
    assert Membership.objects.filter(firstrun_ticked=["safety"]).count() == 0
    assert eve_client.post(DISMISS).status_code in (302, 404)
    assert not Membership.objects.filter(firstrun_dismissed_at__isnull=False).exists()


def test_dismissing_puts_it_away_for_that_person_only(
    space, alice, alice_client, bob_client
):
    response = alice_client.post(DISMISS, follow=True)
    assert "The checklist is put away" in response.text
    assert 'data-testid="firstrun"' not in response.text
    assert 'data-testid="firstrun"' not in alice_client.get("/").text
    assert 'data-testid="firstrun"' in bob_client.get("/").text


def test_it_leaves_once_everything_is_done_or_the_couple_is_not_new(
    space, alice, alice_client
):
    membership = Membership.objects.get(user=alice)
    membership.firstrun_ticked = ["promise", "question", "calendar", "notifications"]
    membership.save()
    assert 'data-testid="firstrun"' in alice_client.get("/").text
    membership.firstrun_ticked.append("safety")
    membership.save()
    assert 'data-testid="firstrun"' not in alice_client.get("/").text
    membership.firstrun_ticked = []
    membership.joined_at = timezone.now() - firstrun.NEW_FOR - timedelta(days=1)
    membership.save()
    assert 'data-testid="firstrun"' not in alice_client.get("/").text


def test_at_most_four_things_wait_at_the_top(space, alice_client, monkeypatch):
    from troth.spaces import views

    many = types.SimpleNamespace(
        cards=lambda request, membership: [
            {
                "template": "spaces/card_space.html",
                "place": "end",
                "settled": True,
                "order": 1,
                "needs": [Need(f"Waiting thing {n}", f"/w{n}") for n in range(6)],
            }
        ]
    )
    real = views.app_modules
    monkeypatch.setattr(
        views, "app_modules", lambda name: [*real(name), many] if name else []
    )
    needs = section(alice_client.get("/").text, "card-needs")
    assert needs.count("Waiting thing") == 4
    assert "Waiting thing 0" in needs and "Waiting thing 4" not in needs
    assert "And 3 more" in needs  # the question of the day is the seventh


def test_today_costs_the_same_queries_however_much_there_is(
    space, alice, bob, alice_client
):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get("/").status_code == 200
        return len(captured)

    make_promise(space, bob)
    count()
    few = count()
    for n in range(60):
        make_promise(space, bob, text=f"Promise {n}")
        make_promise(space, alice, text=f"Mine {n}")
    assert 'data-testid="firstrun"' in alice_client.get("/").text
    assert count() == few
