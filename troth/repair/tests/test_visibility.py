"""The hurt partner's private notes, therapy log and forgiveness check-ins
never reach the other partner by any route: pages, fragments,
notifications, emails, exports, the activity log, or even a changed
timestamp. Here Alice opened the repair ("I broke your trust"), so she is
its author, and Bob is the one who was hurt."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core import mail
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from conftest import client_for, run_tasks
from troth.notifications.models import Notification
from troth.notifications.tasks import send_due_emails
from troth.repair import services
from troth.repair.models import ForgivenessCheckin, Note, Repair, TherapySession
from troth.repair.tests.factories import answered
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db

NOTE = "PRIVATE-NOTE-7f3a"
THERAPY = "PRIVATE-THERAPY-9c1d"
MY_NOTE = "ALICE-OWN-NOTE-2b8e"


@pytest.fixture
def repair(alice, bob, space):
    repair = answered(space, bob, alice, by=alice)
    services.plan_promise_add(
        repair=repair,
        by=alice,
        text="Ask before touching your phone.",
        due_date=timezone.now().date() + dt.timedelta(days=5),
    )
    run_tasks()
    return repair


@pytest.fixture
def bobs_private(repair, bob):
    repair.refresh_from_db()
    updated = repair.updated
    services.note_write(repair=repair, by=bob, text=f"{NOTE} I keep replaying it.")
    services.therapy_log(
        repair=repair,
        by=bob,
        kind="individual",
        on=timezone.now().date(),
        note=f"{THERAPY} we talked about trust",
    )
    for distance, even, goodwill in ((6, 4, 2), (5, 3, 3), (4, 2, 4)):
        services.forgiveness_checkin(
            repair=repair, by=bob, distance=distance, even=even, goodwill=goodwill
        )
    run_tasks()
    repair.refresh_from_db()
    assert repair.updated == updated  # not even a timestamp moves
    return repair


def alice_urls(repair):
    return [
        "/",
        "/repair/",
        f"/repair/{repair.pk}/",
        f"/repair/{repair.pk}/plan",
        f"/repair/{repair.pk}/private",
        f"/repair/{repair.pk}/apology",
        "/repair/how",
        "/repair/support",
        "/notifications/",
        "/agreements/",
        "/dialogue/",
        "/promises/",
        "/safety/",
    ]


def test_no_page_shows_alice_anything_of_bobs_private_things(
    alice, bob, repair, bobs_private
):
    client = client_for(alice)
    for url in alice_urls(repair):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert NOTE not in text, url
        assert THERAPY not in text, url
        assert "replaying" not in text, url
    plan = client.get(f"/repair/{repair.pk}/plan").content.decode()
    assert "Your private log has 0 sessions" in plan  # her own log, not his
    private = client.get(f"/repair/{repair.pk}/private").content.decode()
    assert "No notes yet." in private and "No sessions logged." in private


def test_the_check_in_page_is_not_found_for_alice(alice, bob, repair, bobs_private):
    client = client_for(alice)
    assert client.get(f"/repair/{repair.pk}/forgiveness").status_code == 404
    response = client.post(
        f"/repair/{repair.pk}/forgiveness", {"distance": 1, "even": 1, "goodwill": 7}
    )
    assert response.status_code == 404
    assert ForgivenessCheckin.objects.filter(author=alice).count() == 0


def test_alice_cannot_reach_or_delete_bobs_private_rows(
    alice, bob, repair, bobs_private
):
    client = client_for(alice)
    note = Note.objects.get(author=bob)
    session = TherapySession.objects.get(author=bob)
    checkin = ForgivenessCheckin.objects.filter(author=bob).first()
    for url in (
        f"/repair/notes/{note.pk}/delete",
        f"/repair/therapy/{session.pk}/delete",
        f"/repair/checkins/{checkin.pk}/delete",
    ):
        assert client.post(url).status_code == 404, url
    assert Note.objects.filter(pk=note.pk).exists()
    assert TherapySession.objects.filter(pk=session.pk).exists()
    assert ForgivenessCheckin.objects.filter(pk=checkin.pk).exists()


def test_bob_sees_his_own_private_things(alice, bob, repair, bobs_private):
    client = client_for(bob)
    private = client.get(f"/repair/{repair.pk}/private").content.decode()
    assert NOTE in private and THERAPY in private
    checkins = client.get(f"/repair/{repair.pk}/forgiveness").content.decode()
    assert "Your 3 check-ins" in checkins
    assert "<polyline" in checkins


def test_no_notification_or_email_carries_them(alice, bob, repair, bobs_private):
    send_due_emails.call()
    for notification in Notification.objects.filter(user=alice):
        assert not notification.kind.startswith(("repair.note", "repair.therapy"))
        assert notification.kind != "repair.checkin"
        assert notification.target_type is None or notification.target_type.model in (
            "repair",
            "promise",
        )
    assert not Notification.objects.filter(
        kind__in=["repair.note", "repair.therapy", "repair.checkin"]
    ).exists()
    for message in mail.outbox:
        body = message.body + "".join(str(a[0]) for a in message.alternatives)
        assert NOTE not in body and THERAPY not in body


def test_the_activity_log_keeps_them_private_to_bob(alice, bob, repair, bobs_private):
    private_verbs = ["repair.note", "repair.therapy", "repair.checkin"]
    assert (
        not Activity.objects.visible_to(alice).filter(verb__in=private_verbs).exists()
    )
    assert Activity.objects.visible_to(bob).filter(verb__in=private_verbs).count() == 5
    assert not Activity.objects.filter(
        verb__in=private_verbs, recipient__isnull=False
    ).exists()


def test_alices_export_has_none_of_them_and_bobs_has_his(
    alice, bob, repair, bobs_private
):
    from troth.accounts.services import account_export

    services.note_write(repair=repair, by=alice, text=MY_NOTE)
    alices = json.dumps(account_export(user=alice), cls=DjangoJSONEncoder)
    assert NOTE not in alices and THERAPY not in alices
    assert MY_NOTE in alices
    exported = account_export(user=alice)["features"]["repair"]["repairs"][0]
    assert exported["my_forgiveness_checkins"] == []
    assert exported["my_therapy_log"] == []
    assert [n["text"] for n in exported["my_private_notes"]] == [MY_NOTE]
    bobs = account_export(user=bob)
    assert NOTE in json.dumps(bobs, cls=DjangoJSONEncoder)
    assert MY_NOTE not in json.dumps(bobs, cls=DjangoJSONEncoder)
    mine = bobs["features"]["repair"]["repairs"][0]
    assert len(mine["my_forgiveness_checkins"]) == 3


def test_the_repair_itself_is_shared_between_the_two_only(
    alice, bob, carol, repair, bobs_private
):
    assert Repair.objects.visible_to(bob).filter(pk=repair.pk).exists()
    assert Repair.objects.visible_to(alice).filter(pk=repair.pk).exists()
    assert not Repair.objects.visible_to(carol).exists()
    assert client_for(carol).get(f"/repair/{repair.pk}/").status_code == 404
