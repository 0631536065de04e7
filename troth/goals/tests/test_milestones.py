"""Steps of a goal: adding them, ticking them off, progress."""

from __future__ import annotations

import pytest

from conftest import client_for, run_tasks
from troth.goals import services
from troth.goals.models import Milestone
from troth.goals.tests.helpers import goal, in_days, step
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_adding_a_step_for_my_partner_tells_them(alice, bob, space):
    g = goal(space, alice)
    response = client_for(alice).post(
        f"/goals/{g.pk}/steps",
        {
            "title": "Book the flat",
            "owner": "partner",
            "target_date": in_days(7).isoformat(),
        },
    )
    assert response.status_code == 302
    added = Milestone.objects.get()
    assert added.owner == bob and added.author == alice
    assert added.target_date == in_days(7)
    run_tasks()
    assert Notification.objects.get(user=bob, kind="milestone.added").message == (
        "Alice gave you a step in a shared goal."
    )


def test_adding_my_own_step_notifies_nobody(alice, bob, space):
    g = goal(space, alice)
    run_tasks()
    Notification.objects.all().delete()
    client_for(alice).post(f"/goals/{g.pk}/steps", {"title": "Mine", "owner": "me"})
    run_tasks()
    assert Milestone.objects.get().owner == alice
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "owner": "me"}, "Say what the step is."),
        ({"title": "s" * 121, "owner": "me"}, "Keep the step under 120 characters."),
        ({"title": "Ok", "owner": "the cat"}, "Select a valid choice."),
        ({"title": "Ok"}, "Choose whose step it is."),
        (
            {"title": "Ok", "owner": "me", "target_date": in_days(-1).isoformat()},
            "Choose today or a later date.",
        ),
    ],
)
def test_bad_steps_are_refused(alice, space, data, message):
    g = goal(space, alice)
    response = client_for(alice).post(f"/goals/{g.pk}/steps", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert b"The step was not added." in response.content
    assert not Milestone.objects.exists()


def test_a_step_for_a_partner_who_hasnt_joined_is_refused(eve):
    from troth.spaces.services import space_create

    space = space_create(user=eve)
    g = goal(space, eve)
    response = client_for(eve).post(
        f"/goals/{g.pk}/steps", {"title": "x", "owner": "partner"}
    )
    assert response.status_code == 409
    assert b"your partner hasn" in response.content
    assert not Milestone.objects.exists()


def test_the_owner_ticks_it_off_and_progress_moves(alice, bob, space):
    g = goal(space, alice)
    mine = step(g, alice, alice, title="Open the pot")
    step(g, alice, bob, title="Transfer")
    step(g, alice, bob, title="Book")
    client = client_for(alice)
    assert "0 of 3 steps done (0%)" in client.get(f"/goals/{g.pk}/").content.decode()
    response = client.post(f"/goals/steps/{mine.pk}/done")
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.is_done
    assert "1 of 3 steps done (33%)" in client.get(f"/goals/{g.pk}/").content.decode()
    assert "1 of 3 steps done (33%)" in client_for(bob).get("/goals/").content.decode()
    run_tasks()
    assert Notification.objects.filter(user=bob, kind="milestone.done").exists()


def test_only_the_owner_ticks_a_step_off(alice, bob, space):
    g = goal(space, alice)
    hers = step(g, alice, alice)
    response = client_for(bob).post(f"/goals/steps/{hers.pk}/done")
    assert response.status_code == 409
    assert b"Only the person whose step it is can tick it off." in response.content
    hers.refresh_from_db()
    assert not hers.is_done


def test_ticking_twice_and_unticking(alice, space):
    g = goal(space, alice)
    s = step(g, alice, alice)
    client = client_for(alice)
    client.post(f"/goals/steps/{s.pk}/done")
    response = client.post(f"/goals/steps/{s.pk}/done")
    assert response.status_code == 409
    assert b"already done" in response.content
    assert client.post(f"/goals/steps/{s.pk}/reopen").status_code == 302
    s.refresh_from_db()
    assert not s.is_done
    assert client.post(f"/goals/steps/{s.pk}/reopen").status_code == 409


def test_htmx_gets_the_steps_fragment(alice, space):
    g = goal(space, alice)
    s = step(g, alice, alice, title="Fragmented")
    response = client_for(alice).post(
        f"/goals/steps/{s.pk}/done", headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section class="card stack" id="steps"')
    assert "1 of 1 step done (100%)" in body
    assert "<html" not in body


def test_only_the_one_who_added_a_step_removes_it(alice, bob, space):
    g = goal(space, alice)
    s = step(g, alice, bob)
    response = client_for(bob).post(f"/goals/steps/{s.pk}/remove")
    assert response.status_code == 409
    assert Milestone.objects.filter(pk=s.pk).exists()
    assert client_for(alice).post(f"/goals/steps/{s.pk}/remove").status_code == 302
    assert not Milestone.objects.exists()


def test_a_done_step_is_not_removed(alice, space):
    g = goal(space, alice)
    s = step(g, alice, alice)
    services.milestone_complete(milestone=s, by=alice)
    response = client_for(alice).post(f"/goals/steps/{s.pk}/remove")
    assert response.status_code == 409
    assert Milestone.objects.filter(pk=s.pk).exists()


def test_a_finished_goal_keeps_its_steps_as_they_were(alice, space):
    g = goal(space, alice)
    s = step(g, alice, alice)
    services.goal_finish(goal=g, by=alice)
    client = client_for(alice)
    response = client.post(f"/goals/steps/{s.pk}/done")
    assert response.status_code == 409
    assert b"it is a memory now" in response.content
    response = client.post(f"/goals/{g.pk}/steps", {"title": "More", "owner": "me"})
    assert response.status_code == 409
    assert Milestone.objects.count() == 1
    s.refresh_from_db()
    assert not s.is_done


def test_a_passed_step_date_is_marked_without_blame(alice, space):
    g = goal(space, alice)
    s = step(g, alice, alice, target_date=in_days(1))
    Milestone.objects.filter(pk=s.pk).update(target_date=in_days(-2))
    page = client_for(alice).get(f"/goals/{g.pk}/").content.decode()
    assert "date passed" in page
    assert "late" not in page.lower().replace("plate", "")


def test_the_dashboard_shows_my_steps_coming_up_and_the_next_adventure(
    alice, bob, space
):
    from troth.goals.tests.helpers import adventure

    g = goal(space, alice)
    step(g, alice, bob, title="Compare trains", target_date=in_days(3))
    step(g, alice, alice, title="Not bob's", target_date=in_days(3))
    adventure(space, alice, title="Market morning", target_date=in_days(9))
    card = client_for(bob).get("/").content.decode()
    assert "Compare trains" in card and "Not bob's" not in card
    # The tile says one thing: a step of mine first, else the next adventure.
    Milestone.objects.all().delete()
    card = client_for(bob).get("/").content.decode()
    assert "Next adventure: <strong>Market morning</strong>" in card
