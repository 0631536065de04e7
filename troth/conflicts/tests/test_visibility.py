"""An unshared conflict view never reaches the partner, by any route:
pages, fragments, the dashboard, notifications, the activity timeline,
"What I share", exports and figures."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for, run_tasks
from troth.conflicts import export, sharing, stats
from troth.conflicts.tests.helpers import add, log
from troth.notifications.models import Notification
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db

SECRET_TOPIC = "Zanzibar question"
SECRET_NOTE = "Quokka remark"


def pages(client, conflict_id: int, view_id: int) -> str:
    urls = [
        "/",
        "/conflicts/",
        "/conflicts/?show=mine",
        "/conflicts/?show=waiting",
        f"/conflicts/{conflict_id}/",
        f"/conflicts/{conflict_id}/my-view",
        f"/conflicts/views/{view_id}/edit",
        "/notifications/",
    ]
    return "".join(client.get(url).content.decode() for url in urls)


def test_a_private_view_never_reaches_the_partner(alice, bob, space):
    view = log(space, alice, topic=SECRET_TOPIC, note=SECRET_NOTE)
    run_tasks()
    everything = pages(client_for(bob), view.conflict_id, view.pk)
    assert SECRET_TOPIC not in everything and SECRET_NOTE not in everything
    # htmx fragments go through the same checks.
    fragment = client_for(bob).post(
        f"/conflicts/views/{view.pk}/share", headers={"HX-Request": "true"}
    )
    assert fragment.status_code == 404
    assert not Notification.objects.filter(user=bob).exists()
    assert (
        not Activity.objects.visible_to(bob)
        .filter(verb__startswith="conflict")
        .exists()
    )
    assert sharing.shared_by(bob, space) == []
    dumped = json.dumps(export.export(bob))
    assert SECRET_TOPIC not in dumped and SECRET_NOTE not in dumped
    # Alice's own export has it all.
    assert SECRET_NOTE in json.dumps(export.export(alice))


def test_a_partners_private_view_of_a_shared_conflict_stays_theirs(alice, bob, space):
    conflict = log(space, alice, topic="Shared topic", shared=True).conflict
    add(conflict, bob, note=SECRET_NOTE, intensity=5)
    run_tasks()
    everything = pages(client_for(alice), conflict.pk, conflict.pk)
    assert SECRET_NOTE not in everything
    assert "intensity 5" not in everything
    assert not Notification.objects.filter(user=alice).exists()
    assert SECRET_NOTE not in json.dumps(export.export(alice))
    now = timezone.now()
    summary = stats.conflicts_summary(space, start=now - timedelta(days=1), end=now)
    assert summary.shared == 0


def test_stopping_takes_everything_back(alice, bob, space):
    view = log(space, alice, topic=SECRET_TOPIC, note=SECRET_NOTE, shared=True)
    run_tasks()
    assert SECRET_NOTE in pages(client_for(bob), view.conflict_id, view.pk)
    assert Notification.objects.filter(user=bob).exists()
    assert sharing.stop(alice, space, f"view:{view.pk}") is True
    everything = pages(client_for(bob), view.conflict_id, view.pk)
    assert SECRET_TOPIC not in everything and SECRET_NOTE not in everything
    assert not Notification.objects.filter(user=bob).exists()
    assert (
        not Activity.objects.visible_to(bob)
        .filter(verb__startswith="conflict")
        .exists()
    )
    dumped = json.dumps(export.export(bob))
    assert SECRET_TOPIC not in dumped and SECRET_NOTE not in dumped


def test_a_lost_delivery_of_a_stopped_share_reaches_nobody(alice, bob, space):
    from django_tasks_db.models import DBTaskResult

    from troth.notifications.tasks import sweep_activities

    view = log(space, alice, shared=True)
    DBTaskResult.objects.all().delete()  # the delivery task was lost
    sharing.stop(alice, space, f"view:{view.pk}")
    sweep_activities.call()
    assert not Notification.objects.filter(user=bob).exists()


def test_other_couples_never_see_anything(alice, bob, carol, space, other_space):
    view = log(space, alice, topic=SECRET_TOPIC, shared=True)
    add(view.conflict, bob, shared=True)
    everything = pages(client_for(carol), view.conflict_id, view.pk)
    assert SECRET_TOPIC not in everything
    assert export.export(carol) == {"conflicts": []}


def test_what_i_share_lists_and_stops_my_shared_views(alice, bob, space):
    shared = log(space, alice, topic="Listed", shared=True)
    log(space, alice, topic="Kept to myself")
    items = sharing.shared_by(alice, space)
    assert [item.key for item in items] == [f"view:{shared.pk}"]
    assert "Listed" in items[0].label
    assert sharing.stop(bob, space, f"view:{shared.pk}") is False
    assert sharing.stop(alice, space, "view:nonsense") is False
    assert sharing.stop_all(alice, space) == 1
    assert sharing.shared_by(alice, space) == []


def test_the_export_holds_my_views_and_what_was_shared_with_me(alice, bob, space):
    view = log(space, alice, topic="Exported", note="Mine", shared=True)
    add(view.conflict, bob, note="His", shared=True)
    data = export.export(alice)
    [entry] = data["conflicts"]
    assert entry["topic"] == "Exported" and entry["logged_by_me"] is True
    assert sorted(v["note"] for v in entry["views"]) == ["His", "Mine"]
    assert {v["by_me"] for v in entry["views"]} == {True, False}


def test_the_whole_account_export_and_what_i_share_page_agree(alice, bob, space):
    """Through the shared pages: "What I share" lists and stops a shared
    view, and the partner's account export never holds a private one."""
    from troth.accounts.services import account_export
    from troth.conflicts.models import ConflictView

    shared = log(space, alice, topic="Listed topic", shared=True)
    log(space, alice, topic=SECRET_TOPIC, note=SECRET_NOTE)
    client = client_for(alice)
    page = client.get("/safety/").content.decode()
    assert "Your view of “Listed topic”" in page
    assert SECRET_TOPIC not in page
    dumped = json.dumps(account_export(user=bob), default=str)
    assert "Listed topic" in dumped
    assert SECRET_TOPIC not in dumped and SECRET_NOTE not in dumped
    response = client.post(
        "/safety/stop", {"app": "conflicts", "key": f"view:{shared.pk}"}
    )
    assert response.status_code == 302
    assert not ConflictView.objects.get(pk=shared.pk).is_shared
    assert "Listed topic" not in json.dumps(account_export(user=bob), default=str)
