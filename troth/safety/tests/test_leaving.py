"""Leaving a space with a choice: keep what I shared as history for my
former partner, or withdraw it. Access ends at once either way."""

from __future__ import annotations

import pytest

from conftest import client_for, run_tasks
from troth.lib.content import Visibility
from troth.notifications.models import Notification
from troth.spaces.models import Activity, Membership
from troth.spaces.services import activity_record, content_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(alice, bob, space):
    return {
        "alice_shared": activity_record(space=space, actor=alice, verb="a.shared"),
        "alice_private": activity_record(
            space=space, actor=alice, verb="a.private", visibility=Visibility.PRIVATE
        ),
        "bob_shared": activity_record(space=space, actor=bob, verb="b.shared"),
    }


def shared_by_in(user, space) -> int:
    return sum(
        m._base_manager.filter(
            space=space, author=user, visibility=Visibility.SHARED
        ).count()
        for m in content_models()
    )


def test_the_page_offers_both_choices(alice, space):
    page = client_for(alice).get("/space/leave").content.decode()
    assert "Keep it visible to my former partner as history" in page
    assert "Withdraw it" in page


def test_keeping_leaves_my_shared_entries_readable_to_my_former_partner(
    alice, bob, space, entries
):
    response = client_for(alice).post(
        "/space/leave", {"shared_entries": "keep", "confirm": "on"}
    )
    assert response.status_code == 302
    assert entries["alice_shared"].is_visible_to(bob)
    assert not entries["alice_private"].is_visible_to(bob)
    # Alice's access ends at once.
    assert not entries["bob_shared"].is_visible_to(alice)
    assert Membership.objects.get(user=alice).left_at is not None


def test_withdrawing_makes_everything_i_shared_private_in_every_feature(
    alice, bob, space, entries
):
    response = client_for(alice).post(
        "/space/leave", {"shared_entries": "withdraw", "confirm": "on"}, follow=True
    )
    assert b"What you shared is private to you now" in response.content
    assert not entries["alice_shared"].is_visible_to(bob)
    assert entries["alice_shared"].is_visible_to(alice)  # still hers
    assert not entries["bob_shared"].is_visible_to(alice)
    # Nothing of hers in that space is shared, whichever feature holds it,
    # except the one line that says she left.
    left = Activity.objects.get(author=alice, verb="space.left")
    assert shared_by_in(alice, space) == 1
    assert left.is_visible_to(bob)
    run_tasks()
    assert Notification.objects.filter(user=bob, kind="space.left").exists()


def test_withdrawing_touches_nothing_my_partner_wrote(alice, bob, space, entries):
    client_for(alice).post(
        "/space/leave", {"shared_entries": "withdraw", "confirm": "on"}
    )
    entries["bob_shared"].refresh_from_db()
    assert entries["bob_shared"].visibility == Visibility.SHARED


def test_an_unknown_choice_changes_nothing(alice, bob, space, entries):
    response = client_for(alice).post(
        "/space/leave", {"shared_entries": "delete-everything", "confirm": "on"}
    )
    assert response.status_code == 400
    assert Membership.objects.get(user=alice).left_at is None
    assert entries["alice_shared"].is_visible_to(bob)


def test_the_choice_is_not_offered_in_an_already_closed_space(alice, bob, space):
    client_for(bob).post("/space/leave", {"confirm": "on"})
    page = client_for(alice).get("/space/leave").content.decode()
    assert "Withdraw it" not in page
