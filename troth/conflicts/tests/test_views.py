"""Both partners' views of one disagreement, the shared log, and changing,
sharing, stopping and deleting a view."""

from __future__ import annotations

import pytest

from conftest import client_for, run_tasks
from troth.conflicts import services
from troth.conflicts.models import Conflict, ConflictView
from troth.conflicts.tests.helpers import add, form_data, log
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def view_data(**overrides) -> dict:
    data = form_data(**overrides)
    data.pop("topic", None)
    data.pop("occurred_at", None)
    return data


def test_the_partner_adds_a_view_and_both_see_it_in_the_shared_log(alice, bob, space):
    conflict = log(space, alice, topic="Being late", shared=True).conflict
    bob_client = client_for(bob)
    waiting = bob_client.get("/conflicts/?show=waiting").content.decode()
    assert "Being late" in waiting
    assert (
        "Being late" not in bob_client.get("/conflicts/?show=shared").content.decode()
    )
    response = bob_client.post(
        f"/conflicts/{conflict.pk}/my-view",
        view_data(
            intensity="4", repaired="partly", repair_minutes="180", visibility="shared"
        ),
    )
    assert response.status_code == 302
    view = ConflictView.objects.get(author=bob)
    assert view.intensity == 4 and view.is_shared
    for client in (client_for(alice), bob_client):
        log_page = client.get("/conflicts/?show=shared").content.decode()
        assert "Being late" in log_page
        assert "intensity 4 of 5" in log_page and "partly repaired" in log_page
    detail = client_for(alice).get(f"/conflicts/{conflict.pk}/").content.decode()
    assert "Bob's view" in detail
    assert "in your shared log" in detail
    assert (
        "Being late" not in bob_client.get("/conflicts/?show=waiting").content.decode()
    )
    run_tasks()
    assert Notification.objects.get(user=alice).message == (
        "Bob added their view of a disagreement."
    )


def test_one_shared_view_is_not_enough_for_the_shared_log(alice, bob, space):
    conflict = log(space, alice, topic="Money for the sofa", shared=True).conflict
    add(conflict, bob, shared=False)
    for user in (alice, bob):
        page = client_for(user).get("/conflicts/").content.decode()
        assert "Money for the sofa" not in page
    assert list(Conflict.objects.shared_by_both()) == []


def test_a_second_view_by_the_same_person_is_refused(alice, bob, space):
    conflict = log(space, alice, shared=True).conflict
    mine = add(conflict, bob)
    client = client_for(bob)
    response = client.get(f"/conflicts/{conflict.pk}/my-view")
    assert response["Location"] == f"/conflicts/views/{mine.pk}/edit"
    response = client.post(
        f"/conflicts/{conflict.pk}/my-view", view_data(intensity="5")
    )
    assert response.status_code == 302
    assert ConflictView.objects.filter(author=bob).count() == 1
    mine.refresh_from_db()
    assert mine.intensity == 3


def test_the_partner_cannot_add_a_view_to_a_private_conflict(alice, bob, space):
    conflict = log(space, alice).conflict
    response = client_for(bob).post(f"/conflicts/{conflict.pk}/my-view", view_data())
    assert response.status_code == 404
    assert not ConflictView.objects.filter(author=bob).exists()


def test_a_bad_view_changes_nothing(alice, bob, space):
    conflict = log(space, alice, shared=True).conflict
    response = client_for(bob).post(
        f"/conflicts/{conflict.pk}/my-view",
        view_data(repaired="yes", repair_minutes=""),
    )
    assert response.status_code == 400
    assert b"Choose roughly how long repair took" in response.content
    assert not ConflictView.objects.filter(author=bob).exists()


def test_i_can_update_my_view_once_it_is_repaired(alice, space):
    view = log(space, alice, repaired="not_yet", repair_minutes=None)
    client = client_for(alice)
    page = client.get(f"/conflicts/views/{view.pk}/edit")
    assert b'name="topic"' in page.content  # the logger may change the frame
    response = client.post(
        f"/conflicts/views/{view.pk}/edit",
        form_data(topic="Holiday money", repaired="yes", repair_minutes="1440"),
    )
    assert response.status_code == 302
    view.refresh_from_db()
    view.conflict.refresh_from_db()
    assert view.repaired == "yes" and view.repair_minutes == 1440
    assert view.conflict.topic == "Holiday money"


def test_the_partner_cannot_change_the_loggers_topic(alice, bob, space):
    conflict = log(space, alice, topic="Ours", shared=True).conflict
    view = add(conflict, bob)
    client = client_for(bob)
    assert b'name="topic"' not in client.get(f"/conflicts/views/{view.pk}/edit").content
    client.post(
        f"/conflicts/views/{view.pk}/edit", form_data(topic="Mine now", intensity="2")
    )
    conflict.refresh_from_db()
    view.refresh_from_db()
    assert conflict.topic == "Ours" and view.intensity == 2
    with pytest.raises(services.ValidationError):
        services.conflict_view_update(
            view=view,
            by=bob,
            topic="Mine now",
            **{
                "intensity": 2,
                "opening": "gentle",
                "patterns": set(),
                "repaired": "yes",
                "repair_minutes": 60,
            },
        )


def test_a_bad_edit_changes_nothing(alice, space):
    view = log(space, alice, topic="Kept")
    response = client_for(alice).post(
        f"/conflicts/views/{view.pk}/edit", form_data(topic="", intensity="5")
    )
    assert response.status_code == 400
    view.refresh_from_db()
    assert view.intensity == 3 and view.conflict.topic == "Kept"


def test_nobody_changes_another_persons_view(alice, bob, space):
    view = log(space, alice, shared=True)
    client = client_for(bob)
    assert client.get(f"/conflicts/views/{view.pk}/edit").status_code == 404
    response = client.post(f"/conflicts/views/{view.pk}/edit", form_data(intensity="1"))
    assert response.status_code == 404
    assert client.post(f"/conflicts/views/{view.pk}/delete").status_code == 404
    view.refresh_from_db()
    assert view.intensity == 3


def test_sharing_later_tells_the_partner(alice, bob, space):
    view = log(space, alice)
    response = client_for(alice).post(f"/conflicts/views/{view.pk}/share")
    assert response.status_code == 302
    view.refresh_from_db()
    assert view.is_shared and view.conflict.is_shared
    run_tasks()
    assert Notification.objects.get(user=bob).message == (
        "Alice shared their view of a disagreement."
    )


def test_sharing_twice_is_refused(alice, space):
    view = log(space, alice, shared=True)
    response = client_for(alice).post(f"/conflicts/views/{view.pk}/share")
    assert response.status_code == 409
    assert b"Your view is already shared." in response.content


def test_sharing_with_htmx_returns_my_view_card(alice, space):
    view = log(space, alice)
    response = client_for(alice).post(
        f"/conflicts/views/{view.pk}/share", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<section class="card stack" id="my-view"')
    assert "shared with your partner" in body


def test_stopping_hides_the_frame_and_takes_back_the_notice(alice, bob, space):
    view = log(space, alice, topic="The noise at home", shared=True)
    bobs = add(view.conflict, bob, shared=True)
    run_tasks()
    assert Notification.objects.filter(user=bob).count() == 1
    response = client_for(alice).post(f"/conflicts/views/{view.pk}/stop")
    assert response.status_code == 302
    view.refresh_from_db()
    assert not view.is_shared and not view.conflict.is_shared
    assert not Notification.objects.filter(user=bob).exists()
    bob_client = client_for(bob)
    assert bob_client.get(f"/conflicts/{view.conflict_id}/").status_code == 404
    mine = bob_client.get("/conflicts/?show=mine").content.decode()
    assert "The noise at home" not in mine
    assert "A disagreement your partner no longer shares" in mine
    edit = bob_client.get(f"/conflicts/views/{bobs.pk}/edit").content.decode()
    assert "The noise at home" not in edit
    assert "no longer shares this disagreement" in edit
    # Alice still sees Bob's shared view on her own conflict.
    page = client_for(alice).get(f"/conflicts/{view.conflict_id}/").content.decode()
    assert "Bob's view" in page
    assert "in your shared log" not in page


def test_stopping_what_is_not_shared_is_refused(alice, space):
    view = log(space, alice)
    response = client_for(alice).post(f"/conflicts/views/{view.pk}/stop")
    assert response.status_code == 409
    assert b"Your view is not shared." in response.content


def test_deleting_my_only_view_deletes_the_conflict(alice, space):
    view = log(space, alice)
    response = client_for(alice).post(f"/conflicts/views/{view.pk}/delete")
    assert response.status_code == 302
    assert not Conflict.objects.exists()


def test_deleting_the_loggers_view_keeps_the_partners(alice, bob, space):
    view = log(space, alice, topic="Car on empty", shared=True)
    bobs = add(view.conflict, bob, shared=True)
    run_tasks()
    client_for(alice).post(f"/conflicts/views/{view.pk}/delete")
    assert ConflictView.objects.get() == bobs
    conflict = Conflict.objects.get()
    assert not conflict.is_shared
    assert not Notification.objects.filter(user=bob).exists()
    assert client_for(bob).get(f"/conflicts/{conflict.pk}/").status_code == 404


def test_the_dashboard_card_says_what_waits_for_me(alice, bob, space):
    log(space, alice, shared=True)
    log(space, alice)  # private: not counted, not hinted at
    card = client_for(bob).get("/").content.decode()
    assert "Your partner shared their view of a disagreement." in card
    assert "Your partner shared their view of a disagreement." not in (
        client_for(alice).get("/").content.decode()
    )
