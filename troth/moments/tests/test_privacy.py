"""Private moments and the bid log never reach the partner: not on a page
or fragment, in a notification or email, on the dashboard, or in an export."""

from __future__ import annotations

import json

import pytest
from django.core import mail

from conftest import client_for, run_tasks
from troth.moments import dashboard, export, services
from troth.moments.models import Bid
from troth.notifications.models import Notification, NotificationSettings
from troth.notifications.tasks import send_due_emails

pytestmark = pytest.mark.django_db

SELF = "MARK-private-moment-19ae"
BID = "MARK-bid-log-77c2"


@pytest.fixture
def world(alice, bob, space):
    NotificationSettings.objects.create(user=bob, email_categories=["closeness"])
    private = services.moment_create(
        space=space, by=alice, about="self", kind="kept_word", note=SELF
    )
    unshared = services.moment_create(
        space=space,
        by=alice,
        about="self",
        kind="listened",
        note=SELF + "-was-shared",
        share=True,
    )
    services.moment_unshare(moment=unshared, by=alice)
    bid = services.bid_create(space=space, by=alice, response="against", note=BID)
    services.moment_create(
        space=space, by=alice, about="partner", kind="showed_up", note="Seen"
    )
    run_tasks()
    send_due_emails.call()
    return {"private": private, "unshared": unshared, "bid": bid}


def sweeping_client(user):
    client = client_for(user)
    client.raise_request_exception = False  # "/" gathers other apps' cards too
    return client


def test_no_page_or_fragment_shows_them(world, bob):
    client = sweeping_client(bob)
    private, bid = world["private"], world["bid"]
    urls = [
        "/",
        "/moments/",
        "/moments/?show=noticed-me",
        "/moments/week/",
        "/moments/bids/",
        "/moments/bids/how",
        "/moments/new",
        "/notifications/",
        f"/moments/{private.pk}/",
        f"/moments/{world['unshared'].pk}/",
    ]
    for url in urls:
        body = client.get(url).content.decode()
        assert SELF not in body and BID not in body, url
    assert client.get(f"/moments/{private.pk}/").status_code == 404
    response = client.post(
        f"/moments/{private.pk}/acknowledge", {"ack": "seen"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 404
    assert client.post(f"/moments/bids/{bid.pk}/delete").status_code == 404
    assert Bid.objects.filter(pk=bid.pk).exists()
    # Bob's own bid log is empty: Alice's is hers alone.
    assert (
        "Nothing noted in the last eight weeks."
        in client.get("/moments/bids/").content.decode()
    )


def test_notifications_and_emails_carry_none_of_it(world, alice, bob):
    run_tasks()
    send_due_emails.call()
    kinds = list(Notification.objects.filter(user=bob).values_list("kind", flat=True))
    assert "moments.noticed" in kinds
    assert "moments.shared" in kinds  # the one shared for a while
    for notification in Notification.objects.all():
        assert SELF not in notification.message and BID not in notification.message
    for message in mail.outbox:
        text = message.body + "".join(str(a[0]) for a in message.alternatives)
        assert SELF not in text and BID not in text and "Seen" not in text


def test_the_partners_export_and_dashboard_hold_none_of_it(world, alice, bob, rf):
    data = json.dumps(export.export(bob))
    assert SELF not in data and BID not in data
    assert "Seen" in data
    own = json.dumps(export.export(alice))
    assert SELF in own and BID in own
    request = rf.get("/")
    request.user = bob
    cards = dashboard.cards(request, bob.memberships.select_related("space").get())
    assert all(m.note != SELF for card in cards for m in card["to_acknowledge"])


def test_the_bid_log_is_private_even_if_marked_shared(world, alice, bob):
    Bid.objects.update(visibility="shared")
    assert not Bid.objects.visible_to(bob).exists()
    assert BID not in sweeping_client(bob).get("/moments/bids/").content.decode()
