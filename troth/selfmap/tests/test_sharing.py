"""Sharing self-map entries, one at a time or a whole kind, and stopping."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import client_for, run_tasks
from troth.notifications.models import Notification
from troth.selfmap import services, sharing
from troth.selfmap.models import Entry, EntryVersion, KindShare

pytestmark = pytest.mark.django_db


def entry_for(user, space, **extra) -> Entry:
    data: dict[str, Any] = {
        "kind": "boundary",
        "title": "No serious talks after eleven",
        "text": "Late at night everything feels bigger than it is.",
        "helps": "Saying: let's talk at breakfast.",
    }
    data.update(extra)
    return services.entry_create(space=space, author=user, **data)


class TestSharingOneEntry:
    def test_the_partner_sees_it_once_shared(
        self, alice, bob, space, alice_client, bob_client
    ):
        entry = entry_for(alice, space)
        assert (
            "No serious talks" not in bob_client.get("/self/partner/").content.decode()
        )
        assert bob_client.get(f"/self/{entry.pk}/").status_code == 404

        response = alice_client.post(f"/self/{entry.pk}/share")
        assert response.status_code == 302
        page = bob_client.get("/self/partner/").content.decode()
        assert "No serious talks after eleven" in page
        assert "let&#x27;s talk at breakfast" in page
        assert bob_client.get(f"/self/{entry.pk}/").status_code == 200

    def test_the_partner_is_told_without_the_words(
        self, alice, bob, space, alice_client
    ):
        entry = entry_for(alice, space)
        alice_client.post(f"/self/{entry.pk}/share")
        run_tasks()
        notification = Notification.objects.get(user=bob)
        assert (
            notification.message
            == "Alice shared something from their self map with you."
        )
        assert "eleven" not in notification.message
        assert notification.url == f"/self/{entry.pk}/"

    def test_unsharing_ends_access_at_once_and_says_nothing(
        self, alice, bob, space, alice_client, bob_client
    ):
        entry = entry_for(alice, space, share=True)
        run_tasks()
        before = Notification.objects.filter(user=bob).count()
        response = alice_client.post(f"/self/{entry.pk}/unshare")
        assert response.status_code == 302
        assert bob_client.get(f"/self/{entry.pk}/").status_code == 404
        assert (
            "No serious talks" not in bob_client.get("/self/partner/").content.decode()
        )
        run_tasks()
        assert Notification.objects.filter(user=bob).count() == before

    def test_nobody_can_share_someone_elses_entry(self, alice, bob, space, bob_client):
        entry = entry_for(alice, space)
        response = bob_client.post(f"/self/{entry.pk}/share")
        assert response.status_code == 404
        entry.refresh_from_db()
        assert entry.visibility == "private"
        with pytest.raises(Exception, match="Only the person who wrote"):
            services.entry_share(entry=entry, by=bob)
        entry.refresh_from_db()
        assert entry.visibility == "private"

    def test_sharing_twice_is_refused_with_a_message(self, alice, space, alice_client):
        entry = entry_for(alice, space, share=True)
        response = alice_client.post(f"/self/{entry.pk}/share")
        assert response.status_code == 409
        assert "This entry is already shared." in response.content.decode()
        assert "Nothing was changed." in response.content.decode()

    def test_an_outsider_sees_nothing(
        self, alice, bob, space, carol, other_space, carol_client
    ):
        entry = entry_for(alice, space, share=True)
        assert carol_client.get(f"/self/{entry.pk}/").status_code == 404
        assert (
            "No serious talks"
            not in carol_client.get("/self/partner/").content.decode()
        )


class TestSharingAKind:
    def test_sharing_a_kind_shares_all_its_entries_and_new_ones(
        self, alice, bob, space, alice_client, bob_client
    ):
        first = entry_for(alice, space, title="First boundary")
        other = entry_for(alice, space, kind="need", title="A need kept back")
        response = alice_client.post("/self/kinds/boundary/share")
        assert response.status_code == 302
        first.refresh_from_db()
        other.refresh_from_db()
        assert first.is_shared and not other.is_shared
        # A new boundary starts shared; the form says so.
        form = alice_client.get("/self/new?kind=boundary").content.decode()
        assert "You share this whole kind, so new entries start shared." in form
        new = entry_for(alice, space, title="Second boundary")
        assert new.is_shared
        page = bob_client.get("/self/partner/").content.decode()
        assert "First boundary" in page and "Second boundary" in page
        assert "A need kept back" not in page

    def test_stopping_a_kind_makes_every_entry_of_it_private(
        self, alice, bob, space, alice_client, bob_client
    ):
        entry_for(alice, space, title="First boundary")
        alice_client.post("/self/kinds/boundary/share")
        entry_for(alice, space, title="Second boundary")
        response = alice_client.post("/self/kinds/boundary/unshare")
        assert response.status_code == 302
        assert not Entry.objects.filter(visibility="shared").exists()
        assert not KindShare.objects.exists()
        page = bob_client.get("/self/partner/").content.decode()
        assert "First boundary" not in page and "Second boundary" not in page
        assert "Alice hasn't shared anything from their self map yet." in page
        assert not entry_for(alice, space, title="Third").is_shared

    def test_an_unknown_kind_is_not_found(self, alice, space, alice_client):
        assert alice_client.post("/self/kinds/secrets/share").status_code == 404
        assert not KindShare.objects.exists()


class TestVersionsThePartnerSees:
    def test_drafts_written_while_private_stay_private(
        self, alice, bob, space, alice_client, bob_client
    ):
        entry = entry_for(alice, space, text="Draft one")
        services.entry_update(
            entry=entry, by=alice, title=entry.title, text="Draft two"
        )
        services.entry_share(entry=entry, by=alice)
        page = bob_client.get(f"/self/{entry.pk}/").content.decode()
        assert "Draft two" in page
        assert "Draft one" not in page
        assert "Earlier wording" not in page

    def test_the_partner_sees_that_a_shared_entry_changed_and_its_earlier_wording(
        self, alice, bob, space, bob_client
    ):
        entry = entry_for(alice, space, text="Shared wording one", share=True)
        services.entry_update(
            entry=entry, by=alice, title=entry.title, text="Shared wording two"
        )
        run_tasks()
        assert Notification.objects.get(
            user=bob, kind="selfmap.entry_changed"
        ).message == ("Alice changed something they share from their self map.")
        page = bob_client.get(f"/self/{entry.pk}/").content.decode()
        assert "Shared wording two" in page
        assert "Earlier wording" in page and "Shared wording one" in page
        assert 'data-testid="entry-changed"' in page
        assert "Changed" in bob_client.get("/self/partner/").content.decode()

    def test_wording_written_during_a_private_spell_is_never_shown(
        self, alice, bob, space, bob_client
    ):
        entry = entry_for(alice, space, text="Was shared", share=True)
        services.entry_unshare(entry=entry, by=alice)
        services.entry_update(
            entry=entry, by=alice, title=entry.title, text="Private spell"
        )
        services.entry_update(
            entry=entry, by=alice, title=entry.title, text="Shared again"
        )
        services.entry_share(entry=entry, by=alice)
        page = bob_client.get(f"/self/{entry.pk}/").content.decode()
        assert "Shared again" in page and "Was shared" in page
        assert "Private spell" not in page
        visible = EntryVersion.objects.visible_to(bob).filter(entry=entry)
        assert [v.text for v in visible] == ["Shared again", "Was shared"]
        # The author sees everything.
        assert EntryVersion.objects.visible_to(alice).filter(entry=entry).count() == 3

    def test_the_partner_is_shown_when_it_was_shared_not_when_it_was_written(
        self, alice, bob, space
    ):
        entry = entry_for(alice, space)
        # Backdating a written version: only the plain base manager may.
        EntryVersion._base_manager.filter(entry=entry).update(
            created="2020-01-01T10:00:00Z"
        )
        services.entry_share(entry=entry, by=alice)
        body = client_for(bob).get(f"/self/{entry.pk}/").content.decode()
        assert "2020" not in body


class TestWhatIShare:
    def test_it_lists_and_stops_each_shared_entry_and_kind(self, alice, bob, space):
        entry = entry_for(alice, space, share=True)
        entry_for(alice, space, kind="value", title="Honesty")
        services.kind_share(space=space, author=alice, kind="value")
        items = sharing.shared_by(alice, space)
        keys = {item.key for item in items}
        assert keys == {
            f"entry:{entry.pk}",
            "kind:value",
            *(f"entry:{e.pk}" for e in Entry.objects.filter(kind="value")),
        }
        assert any(
            item.label == "Boundary: No serious talks after eleven" for item in items
        )
        assert sharing.stop(alice, space, f"entry:{entry.pk}") is True
        assert sharing.stop(alice, space, f"entry:{entry.pk}") is False
        assert sharing.stop(alice, space, "entry:abc") is False
        assert sharing.stop(bob, space, "kind:value") is False
        assert sharing.stop_all(alice, space) == 2  # the kind and its entry
        assert not Entry.objects.visible_to(bob).exists()
        assert sharing.shared_by(alice, space) == []

    def test_stop_does_not_touch_another_persons_entries(self, alice, bob, space):
        entry = entry_for(alice, space, share=True)
        assert sharing.stop(bob, space, f"entry:{entry.pk}") is False
        entry.refresh_from_db()
        assert entry.is_shared


def test_a_partner_who_left_loses_access_at_once(alice, bob, space, bob_client):
    from troth.spaces.services import space_leave

    entry = entry_for(alice, space, share=True)
    space_leave(membership=space.memberships.get(user=bob))
    assert bob_client.get(f"/self/{entry.pk}/").status_code == 404
    assert not Entry.objects.visible_to(bob).exists()
    # Alice, who stays, keeps her entries.
    assert Entry.objects.visible_to(alice).count() == 1
