"""Finishing a goal or adventure: reflections from both, and the memories."""

from __future__ import annotations

import json

import pytest

from conftest import client_for, run_tasks
from troth.goals import export, services, sharing
from troth.goals.models import Goal, Reflection, Status
from troth.goals.tests.helpers import adventure, goal
from troth.notifications.models import Notification
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db


def test_finishing_asks_both_for_a_reflection(alice, bob, space):
    walk = adventure(space, alice, title="Night walk")
    response = client_for(bob).post(f"/goals/{walk.pk}/finish")
    assert response.status_code == 302
    assert response["Location"] == f"/goals/{walk.pk}/reflect"
    walk.refresh_from_db()
    assert walk.status == Status.FINISHED and walk.finished_by == bob
    run_tasks()
    assert Notification.objects.get(user=alice, kind="goal.finished").message == (
        "Bob marked a shared goal as finished. Add a short reflection when you like."
    )
    for user in (alice, bob):
        card = client_for(user).get("/").content.decode()
        assert "Write a few words about “Night walk”" in card
    # The timeline can show it: a shared activity anyone in the space reads.
    assert Activity.objects.visible_to(alice).filter(verb="goal.finished").exists()


def test_both_reflect_and_it_becomes_a_memory(alice, bob, space):
    walk = adventure(space, alice, title="Night walk")
    services.goal_finish(goal=walk, by=alice)
    for user, text in ((alice, "The quiet path."), (bob, "Your hand in the dark.")):
        response = client_for(user).post(
            f"/goals/{walk.pk}/reflect", {"text": text, "visibility": "shared"}
        )
        assert response.status_code == 302
    for user in (alice, bob):
        page = client_for(user).get("/goals/memories").content.decode()
        assert "Night walk" in page
        assert "The quiet path." in page and "Your hand in the dark." in page
        assert "Write a few words" not in client_for(user).get("/").content.decode()
    stored = Reflection.objects.get(author=alice)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM goals_reflection WHERE id = %s", [stored.pk])
        assert "quiet" not in cursor.fetchone()[0]  # encrypted at rest


def test_a_private_reflection_stays_mine(alice, bob, space):
    walk = adventure(space, alice, title="Night walk")
    services.goal_finish(goal=walk, by=alice)
    client_for(alice).post(
        f"/goals/{walk.pk}/reflect",
        {"text": "Zanzibar thought", "visibility": "private"},
    )
    run_tasks()
    bob_client = client_for(bob)
    for url in (
        "/goals/memories",
        f"/goals/{walk.pk}/",
        f"/goals/{walk.pk}/reflect",
        "/",
    ):
        assert "Zanzibar thought" not in bob_client.get(url).content.decode()
    assert not Notification.objects.filter(user=bob, kind="goal.reflected").exists()
    assert "Zanzibar thought" not in json.dumps(export.export(bob))
    assert "Zanzibar thought" in json.dumps(export.export(alice))
    assert (
        "only you can see this"
        in client_for(alice).get(f"/goals/{walk.pk}/").content.decode()
    )


def test_stopping_a_shared_reflection_takes_it_back(alice, bob, space):
    walk = adventure(space, alice)
    services.goal_finish(goal=walk, by=alice)
    reflection = services.reflection_save(goal=walk, author=alice, text="Quokka")
    run_tasks()
    assert Notification.objects.filter(user=bob, kind="goal.reflected").exists()
    assert [item.key for item in sharing.shared_by(alice, space)] == [
        f"reflection:{reflection.pk}"
    ]
    assert sharing.stop(bob, space, f"reflection:{reflection.pk}") is False
    assert sharing.stop(alice, space, f"reflection:{reflection.pk}") is True
    assert not Notification.objects.filter(user=bob, kind="goal.reflected").exists()
    assert "Quokka" not in client_for(bob).get("/goals/memories").content.decode()
    assert not Activity.objects.visible_to(bob).filter(verb="goal.reflected").exists()
    assert sharing.stop_all(alice, space) == 0


def test_rewriting_my_reflection_keeps_one(alice, space):
    walk = adventure(space, alice)
    services.goal_finish(goal=walk, by=alice)
    client = client_for(alice)
    client.post(f"/goals/{walk.pk}/reflect", {"text": "First", "visibility": "shared"})
    assert "First" in client.get(f"/goals/{walk.pk}/reflect").content.decode()
    client.post(f"/goals/{walk.pk}/reflect", {"text": "Second", "visibility": "shared"})
    assert Reflection.objects.get().text == "Second"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "", "visibility": "shared"}, "Write a few words"),
        (
            {"text": "r" * 1001, "visibility": "shared"},
            "Keep it under 1000 characters.",
        ),
        ({"text": "ok", "visibility": "world"}, "Select a valid choice."),
    ],
)
def test_bad_reflections_are_refused(alice, space, data, message):
    walk = adventure(space, alice)
    services.goal_finish(goal=walk, by=alice)
    response = client_for(alice).post(f"/goals/{walk.pk}/reflect", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Reflection.objects.exists()


def test_no_reflection_before_it_is_finished(alice, space):
    g = goal(space, alice)
    client = client_for(alice)
    assert client.get(f"/goals/{g.pk}/reflect")["Location"] == f"/goals/{g.pk}/"
    response = client.post(
        f"/goals/{g.pk}/reflect", {"text": "Early", "visibility": "shared"}
    )
    assert response.status_code == 409
    assert b"Reflections come once it is finished." in response.content
    assert not Reflection.objects.exists()


def test_a_finished_goal_cannot_be_finished_again(alice, space):
    g = goal(space, alice)
    services.goal_finish(goal=g, by=alice)
    finished_at = Goal.objects.get().finished_at
    response = client_for(alice).post(f"/goals/{g.pk}/finish")
    assert response.status_code == 409
    assert Goal.objects.get().finished_at == finished_at


def test_finished_goals_leave_the_list_for_the_memories(alice, space):
    g = goal(space, alice, title="Reached it")
    services.goal_finish(goal=g, by=alice)
    client = client_for(alice)
    assert "Reached it" not in client.get("/goals/").content.decode()
    assert "Reached it" in client.get("/goals/memories").content.decode()
