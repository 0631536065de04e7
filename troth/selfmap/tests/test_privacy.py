"""A private self-map entry, or a private draft of a shared one, never
reaches the partner: not on any page or fragment, in a notification or an
email, on the dashboard, or in an export."""

from __future__ import annotations

import json

import pytest
from django.core import mail

from conftest import client_for, run_tasks
from troth.notifications.models import Notification, NotificationSettings
from troth.notifications.tasks import send_due_emails
from troth.selfmap import export, services
from troth.selfmap.models import Entry, Response

pytestmark = pytest.mark.django_db

SECRET = "MARKER-private-7f3a"
DRAFT = "MARKER-draft-91bc"


@pytest.fixture
def world(alice, bob, space):
    NotificationSettings.objects.create(user=bob, email_categories=["closeness"])
    private = services.entry_create(
        space=space,
        author=alice,
        kind="trigger",
        title=f"Title {SECRET}",
        text=f"Text {SECRET}",
        helps=f"Helps {SECRET}",
    )
    services.entry_update(
        entry=private, by=alice, title=f"T2 {SECRET}", text=f"X {SECRET}"
    )
    shared = services.entry_create(
        space=space,
        author=alice,
        kind="need",
        title="Shared need",
        text=f"first {DRAFT}",
    )
    services.entry_update(
        entry=shared, by=alice, title="Shared need", text="Now shared"
    )
    services.entry_share(entry=shared, by=alice)
    services.kind_share(space=space, author=alice, kind="value")
    services.kind_unshare(space=space, author=alice, kind="value")
    services.entry_create(
        space=space, author=alice, kind="value", title=f"Value {SECRET}", text=SECRET
    )
    Response.objects.create(
        space=space,
        author=bob,
        entry=shared,
        kind="thanks",
        version_number=2,
        visibility="shared",
    )
    run_tasks()
    send_due_emails.call()
    return {"private": private, "shared": shared}


def pages_for_bob(world):
    private, shared = world["private"], world["shared"]
    return [
        "/",
        "/self/",
        "/self/partner/",
        "/self/new",
        "/self/new?kind=trigger",
        f"/self/{shared.pk}/",
        f"/self/{private.pk}/",
        f"/self/{private.pk}/edit",
        "/notifications/",
    ]


def sweeping_client(user):
    # "/" gathers every app's card; a failure elsewhere must not hide what
    # this checks (the self-map card is also checked in test_dashboard.py).
    client = client_for(user)
    client.raise_request_exception = False
    return client


def test_no_page_or_fragment_shows_a_private_entry_or_draft(world, bob):
    client = sweeping_client(bob)
    for url in pages_for_bob(world):
        body = client.get(url).content.decode()
        assert SECRET not in body, url
        assert DRAFT not in body, url
    # The only fragment, the response buttons, for a private entry: 404.
    response = client.post(
        f"/self/{world['private'].pk}/respond",
        {"kind": "thanks"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    fragment = client.post(
        f"/self/{world['shared'].pk}/respond", {"kind": "talk"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert SECRET not in fragment and DRAFT not in fragment


def test_notifications_and_emails_carry_no_words(world, alice, bob):
    run_tasks()
    send_due_emails.call()
    kinds = set(Notification.objects.filter(user=bob).values_list("kind", flat=True))
    # Told about sharing, never about private writing or unsharing.
    assert kinds == {"selfmap.entry_shared", "selfmap.kind_shared"}
    for notification in Notification.objects.all():
        assert SECRET not in notification.message and DRAFT not in notification.message
    assert mail.outbox, "bob chose email for closeness"
    for message in mail.outbox:
        text = message.body + "".join(str(a[0]) for a in message.alternatives)
        assert SECRET not in text and DRAFT not in text and "Shared need" not in text


def test_the_partners_export_holds_only_what_is_shared(world, alice, bob):
    data = json.dumps(export.export(bob))
    assert SECRET not in data and DRAFT not in data
    assert "Now shared" in data
    own = json.dumps(export.export(alice))
    assert SECRET in own and DRAFT in own  # the author keeps everything


def test_an_outsider_sees_nothing_at_all(world, carol, other_space):
    client = sweeping_client(carol)
    for url in pages_for_bob(world):
        body = client.get(url).content.decode()
        assert SECRET not in body and "Shared need" not in body, url
    assert not Entry.objects.visible_to(carol).exists()
