"""The audit in the personal export and on the "What I share" page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from troth.audits import services, sharing
from troth.audits.export import export
from troth.audits.models import Reflection
from troth.audits.tests.helpers import write
from troth.lib.content import Visibility
from troth.spaces.services import space_leave

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit(space, alice):
    services.audit_day_set(space=space, by=alice, day=12)
    return services.audit_start(space=space, by=alice)


def test_the_export_holds_my_reflection_and_my_partners_only_once_i_may_read_it(
    audit, alice, bob
):
    write(audit, alice, went_well="Alice's words")
    services.commitment_add(
        audit=audit,
        by=bob,
        text="Plan the trip",
        due_date=timezone.localdate() + dt.timedelta(days=9),
    )
    bobs = export(bob)
    assert bobs["audit_day"] == 12
    [entry] = bobs["audits"]
    assert entry["reflections"] == []
    assert entry["commitments"][0]["text"] == "Plan the trip"
    # Per-person figures read "me" and "partner", never account numbers.
    assert entry["figures"]["people"] == ["me", "partner"] or entry["figures"][
        "people"
    ] == ["partner", "me"]
    assert set(entry["figures"]["promises"]) == {"me", "partner"}
    assert str(alice.pk) not in entry["figures"]["promises"]
    write(audit, bob, went_well="Bob's words")
    [entry] = export(bob)["audits"]
    assert {r["from"]: r["went_well"] for r in entry["reflections"]} == {
        "me": "Bob's words",
        "partner": "Alice's words",
    }


def test_a_private_reflection_is_never_in_the_partners_export(audit, alice, bob, space):
    write(audit, alice, went_well="Alice's words")
    write(audit, bob)
    services.reflections_sharing_stop(user=alice, space=space)
    [entry] = export(bob)["audits"]
    assert [r["from"] for r in entry["reflections"]] == ["me"]
    assert "Alice's words" in str(export(alice))


def test_after_leaving_one_keeps_only_ones_own_words(audit, alice, bob):
    write(audit, alice, went_well="Alice's words")
    write(audit, bob, went_well="Bob's words")
    space_leave(membership=bob.memberships.get())
    [entry] = export(bob)["audits"]
    assert [r["went_well"] for r in entry["reflections"]] == ["Bob's words"]
    assert entry["figures"] == {}


def test_what_i_share_lists_my_reflections_and_stops_them_quietly(
    audit, alice, bob, space
):
    assert sharing.shared_by(alice, space) == []
    write(audit, alice)
    write(audit, bob)
    [item] = sharing.shared_by(alice, space)
    assert item.key == "reflections"
    assert sharing.stop(alice, space, "something-else") is False
    assert sharing.stop(alice, space, item.key) is True
    assert Reflection.objects.get(author=alice).visibility == Visibility.PRIVATE
    assert sharing.shared_by(alice, space) == []
    assert sharing.stop_all(alice, space) == 0
    assert sharing.stop_all(bob, space) == 1
