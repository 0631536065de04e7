"""Starting, changing, setting aside and resuming a shared goal."""

from __future__ import annotations

import pytest

from conftest import client_for, run_tasks
from troth.goals.models import Goal, Status
from troth.goals.tests.helpers import goal, in_days
from troth.notifications.models import Notification
from troth.spaces import services as spaces

pytestmark = pytest.mark.django_db


def test_it_starts_a_goal_both_partners_see(alice, bob, space):
    response = client_for(alice).post(
        "/goals/new",
        {
            "title": "Save for Lisbon",
            "why": "Spring!",
            "target_date": in_days(90).isoformat(),
        },
    )
    created = Goal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/goals/{created.pk}/"
    assert created.is_shared and created.target_date == in_days(90)
    page = client_for(bob).get("/goals/").content.decode()
    assert "Save for Lisbon" in page and "No steps yet." in page
    run_tasks()
    assert Notification.objects.get(user=bob).message == "Alice started a shared goal."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Give the goal a name."),
        ({"title": "  "}, "Give the goal a name."),
        ({"title": "x" * 121}, "Keep the name under 120 characters."),
        ({"title": "Ok", "why": "w" * 1001}, "Keep this under 1000 characters."),
        ({"title": "Ok", "target_date": "someday"}, "Enter a date, like 2026-06-21."),
        (
            {"title": "Ok", "target_date": in_days(-1).isoformat()},
            "Choose today or a later date.",
        ),
    ],
)
def test_it_rejects_bad_input(alice, space, data, message):
    response = client_for(alice).post("/goals/new", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Goal.objects.exists()


def test_it_refuses_in_a_closed_space(alice, bob, space):
    spaces.space_leave(membership=bob.memberships.get())
    response = client_for(alice).post("/goals/new", {"title": "Anything"})
    assert response.status_code == 409
    assert b"This space is closed" in response.content
    assert not Goal.objects.exists()


def test_the_author_changes_the_wording(alice, space):
    g = goal(space, alice, title="Old")
    response = client_for(alice).post(
        f"/goals/{g.pk}/edit", {"title": "New", "target_date": in_days(3).isoformat()}
    )
    assert response.status_code == 302
    g.refresh_from_db()
    assert g.title == "New" and g.target_date == in_days(3)


def test_a_passed_date_may_stay_when_editing(alice, space):
    g = goal(space, alice, target_date=in_days(1))
    Goal.objects.filter(pk=g.pk).update(target_date=in_days(-5))
    response = client_for(alice).post(
        f"/goals/{g.pk}/edit",
        {"title": "Renamed", "target_date": in_days(-5).isoformat()},
    )
    assert response.status_code == 302
    g.refresh_from_db()
    assert g.title == "Renamed"
    response = client_for(alice).post(
        f"/goals/{g.pk}/edit",
        {"title": "Renamed", "target_date": in_days(-6).isoformat()},
    )
    assert response.status_code == 400
    assert b"Choose today or a later date." in response.content


def test_the_partner_cannot_change_the_authors_words(alice, bob, space):
    g = goal(space, alice, title="Hers")
    client = client_for(bob)
    assert client.get(f"/goals/{g.pk}/edit").status_code == 404
    assert client.post(f"/goals/{g.pk}/edit", {"title": "His"}).status_code == 404
    g.refresh_from_db()
    assert g.title == "Hers"
    assert b"/edit" not in client.get(f"/goals/{g.pk}/").content


def test_a_bad_edit_changes_nothing(alice, space):
    g = goal(space, alice, title="Kept")
    response = client_for(alice).post(f"/goals/{g.pk}/edit", {"title": ""})
    assert response.status_code == 400
    g.refresh_from_db()
    assert g.title == "Kept"


def test_setting_aside_and_resuming(alice, bob, space):
    g = goal(space, alice, title="Evenings")
    client = client_for(bob)
    assert client.post(f"/goals/{g.pk}/set-aside").status_code == 302
    g.refresh_from_db()
    assert g.status == Status.SET_ASIDE
    assert "Evenings" not in client.get("/goals/").content.decode()
    assert "Evenings" in client.get("/goals/?show=aside").content.decode()
    response = client.post(f"/goals/{g.pk}/set-aside")
    assert response.status_code == 409
    assert b"resume it first" in response.content
    assert client.post(f"/goals/{g.pk}/resume").status_code == 302
    g.refresh_from_db()
    assert g.status == Status.ACTIVE
    response = client.post(f"/goals/{g.pk}/resume")
    assert response.status_code == 409
    assert b"Only a goal that was set aside can be resumed." in response.content
    run_tasks()
    messages = set(
        Notification.objects.filter(user=alice).values_list("kind", flat=True)
    )
    assert messages == {"goal.set_aside", "goal.resumed"}


def test_someone_without_a_space_is_sent_home(eve):
    client = client_for(eve)
    for url in ("/goals/", "/goals/new", "/goals/adventure", "/goals/memories"):
        assert client.get(url)["Location"] == "/"


def test_post_only_steps_reject_get(alice, space):
    g = goal(space, alice)
    client = client_for(alice)
    for action in ("finish", "set-aside", "resume", "steps"):
        assert client.get(f"/goals/{g.pk}/{action}").status_code == 405
