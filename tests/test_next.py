"""Every view that follows a form's `next` goes only to a path on this site.

A `next` that is not such a path (`abc`, another host, a scheme, backslash
and whitespace tricks) must never turn an action that was saved into a 500:
the person lands on the view's default page and the action is saved once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from conftest import client_for
from troth.checkins import services as checkins
from troth.checkins.models import Status
from troth.lib.redirects import safe_path
from troth.moments import services as moments
from troth.moments.models import Moment
from troth.schedule.models import (
    Event,
    EventReminder,
    EventVisibility,
    RitualMark,
    occurrence_key,
)
from troth.schedule.services import EventFields, event_create
from troth.selfmap import services as selfmap
from troth.selfmap.models import Entry, KindShare, Response

BAD = [
    "abc",
    "abc.html",
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "http://testserver/",
    "/\\evil.example",
    "/\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/a\r\nSet-Cookie: x=1",
    "javascript:alert(1)",
    " /promises/",
    "",
]
GOOD = "/promises/?state=open#top"


@dataclass
class Step:
    """One view: who posts what where, where it goes by default, and what
    was saved (a number that must be exactly 1 after one post)."""

    client: Client
    url: str
    data: dict
    default: str
    saved: Callable[[], int]


def _event(space, author, *, ritual=False):
    start = (timezone.now() - timedelta(days=3)).replace(microsecond=0)
    return event_create(
        space=space,
        author=author,
        fields=EventFields(
            title="Date night",
            start=start,
            end=start + timedelta(hours=1),
            time_zone="UTC",
            visibility=EventVisibility.SHARED,
            rrule="FREQ=WEEKLY" if ritual else "",
            kind=Event.Kind.RITUAL if ritual else Event.Kind.EVENT,
        ),
    )


def _entry(space, alice, *, share):
    return selfmap.entry_create(
        space=space,
        author=alice,
        kind="boundary",
        title="Quiet mornings",
        text="Words",
        share=share,
    )


def acknowledge(alice, bob, space):
    moment = moments.moment_create(
        space=space, by=alice, about="partner", kind="showed_up"
    )
    return Step(
        client_for(bob),
        f"/moments/{moment.pk}/acknowledge",
        {"ack": "thanks"},
        moment.get_absolute_url(),
        lambda: Moment.objects.filter(acknowledged_at__isnull=False).count(),
    )


def status_send(alice, bob, space):
    return Step(
        client_for(alice),
        "/checkins/status",
        {"kind": "arrived"},
        "/checkins/",
        Status.objects.count,
    )


def status_clear(alice, bob, space):
    checkins.status_send(space=space, by=alice, kind="thinking_of_you")
    return Step(
        client_for(alice),
        "/checkins/status/clear",
        {},
        "/checkins/",
        lambda: Status.objects.filter(expires_at__lte=timezone.now()).count(),
    )


def entry_share(alice, bob, space):
    entry = _entry(space, alice, share=False)
    return Step(
        client_for(alice),
        f"/self/{entry.pk}/share",
        {},
        entry.get_absolute_url(),
        lambda: Entry.objects.filter(visibility="shared").count(),
    )


def entry_unshare(alice, bob, space):
    entry = _entry(space, alice, share=True)
    return Step(
        client_for(alice),
        f"/self/{entry.pk}/unshare",
        {},
        entry.get_absolute_url(),
        lambda: Entry.objects.filter(visibility="private").count(),
    )


def kind_share(alice, bob, space):
    return Step(
        client_for(alice),
        "/self/kinds/value/share",
        {},
        "/self/?kind=value",
        KindShare.objects.count,
    )


def kind_unshare(alice, bob, space):
    entry = _entry(space, alice, share=False)
    selfmap.kind_share(space=space, author=alice, kind=entry.kind)
    return Step(
        client_for(alice),
        f"/self/kinds/{entry.kind}/unshare",
        {},
        f"/self/?kind={entry.kind}",
        lambda: 1 - KindShare.objects.count(),
    )


def respond(alice, bob, space):
    entry = _entry(space, alice, share=True)
    return Step(
        client_for(bob),
        f"/self/{entry.pk}/respond",
        {"kind": "thanks"},
        entry.get_absolute_url(),
        Response.objects.count,
    )


def event_visibility(alice, bob, space):
    event = _event(space, alice)
    return Step(
        client_for(alice),
        f"/calendar/events/{event.pk}/visibility",
        {"visibility": "private"},
        event.get_absolute_url(),
        lambda: Event.objects.filter(visibility=EventVisibility.PRIVATE).count(),
    )


def event_reminder(alice, bob, space):
    event = _event(space, alice)
    return Step(
        client_for(bob),
        f"/calendar/events/{event.pk}/reminder",
        {"reminder": "10"},
        event.get_absolute_url(),
        EventReminder.objects.count,
    )


def occurrence_mark(alice, bob, space):
    event = _event(space, alice, ritual=True)
    return Step(
        client_for(bob),
        f"/calendar/events/{event.pk}/at/{occurrence_key(event.start)}/mark",
        {"happened": "yes"},
        event.occurrence_url(event.start),
        RitualMark.objects.count,
    )


STEPS = [
    acknowledge,
    status_send,
    status_clear,
    entry_share,
    entry_unshare,
    kind_share,
    kind_unshare,
    respond,
    event_visibility,
    event_reminder,
    occurrence_mark,
]


@pytest.mark.parametrize("make", STEPS, ids=lambda make: make.__name__)
@pytest.mark.parametrize("target", [*BAD, GOOD], ids=repr)
def test_it_follows_only_a_path_on_this_site(make, target, alice, bob, space):
    step = make(alice, bob, space)
    assert step.saved() == 0
    response = step.client.post(step.url, {**step.data, "next": target})
    assert response.status_code == 302
    expected = GOOD if target == GOOD else step.default
    assert response["Location"] == expected
    assert step.saved() == 1


@pytest.mark.parametrize("make", STEPS, ids=lambda make: make.__name__)
def test_it_goes_to_the_default_page_without_a_next(make, alice, bob, space):
    step = make(alice, bob, space)
    response = step.client.post(step.url, step.data)
    assert response["Location"] == step.default
    assert step.saved() == 1


@pytest.mark.parametrize("target", BAD)
def test_the_helper_refuses_what_is_not_a_path_here(target):
    assert safe_path(target) is None


@pytest.mark.parametrize(
    "target", ["/", "/calendar/", "/self/?kind=value", "/a?b=//c", "/%2F%2Fx"]
)
def test_the_helper_keeps_a_path_here(target):
    assert safe_path(target) == target


@pytest.mark.parametrize("target", [None, 12, ["/"], "/" + "a" * 5000])
def test_the_helper_never_raises(target):
    assert safe_path(target) is None
