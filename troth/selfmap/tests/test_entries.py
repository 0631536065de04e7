"""Writing and rewriting self-map entries."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from troth.selfmap.models import Entry, EntryVersion
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db


def post_entry(client, **data):
    payload = {
        "kind": "boundary",
        "title": "Quiet time after work",
        "text": "Half an hour to land before we talk.",
        "helps": "A hug, then tea.",
    }
    payload.update(data)
    return client.post("/self/new", payload)


class TestWriting:
    def test_it_saves_a_private_entry_by_default(self, alice, space, alice_client):
        response = post_entry(alice_client)
        entry = Entry.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/self/{entry.pk}/"
        assert entry.visibility == "private"
        assert entry.author == alice
        assert entry.versions.count() == 1
        page = alice_client.get(f"/self/{entry.pk}/")
        assert "Only you can see this" in page.content.decode()
        assert "Half an hour to land" in page.content.decode()
        # Nobody is told about a private entry.
        activity = Activity.objects.get(verb="selfmap.entry_created")
        assert activity.visibility == "private" and activity.recipient is None

    def test_it_can_share_on_creation(self, alice, space, alice_client):
        post_entry(alice_client, share="on")
        assert Entry.objects.get().visibility == "shared"

    def test_the_text_is_encrypted_at_rest(self, alice, space, alice_client):
        from django.db import connection

        post_entry(alice_client, text="A very particular sentence")
        with connection.cursor() as cursor:
            cursor.execute("SELECT title, text, helps FROM selfmap_entry")
            row = cursor.fetchone()
        assert all("particular" not in (value or "") for value in row)
        assert "Quiet time" not in row[0]

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"title": ""}, "Give the entry a short title."),
            ({"title": "   "}, "Give the entry a short title."),
            ({"text": ""}, "Write a few words about it."),
            ({"title": "x" * 121}, "Keep the title under 120 characters."),
            ({"text": "x" * 4001}, "an entry holds up to 4000"),
            ({"helps": "x" * 2001}, "this part holds up to 2000"),
            ({"kind": "secret"}, "Select a valid choice"),
            ({"kind": ""}, "Choose boundary, trigger, value or need."),
        ],
    )
    def test_bad_input_changes_nothing(self, alice, space, alice_client, data, message):
        response = post_entry(alice_client, **data)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not Entry.objects.exists()

    def test_a_prompt_starts_the_page(self, alice, space, alice_client):
        response = alice_client.get("/self/new?prompt=n2")
        body = response.content.decode()
        assert "What makes you feel most loved by your partner?" in body
        assert 'placeholder="Being asked about my day and listened to"' in body
        # The kind is chosen for the person.
        assert re.search(r'value="need"[^>]*checked', body)

    def test_a_blank_map_offers_prompts_for_every_kind(
        self, alice, space, alice_client
    ):
        body = alice_client.get("/self/").content.decode()
        assert "A question to start from" in body
        for key in ("b1", "t1", "v1", "n1"):
            assert f"?prompt={key}" in body

    def test_a_closed_space_takes_no_new_entries(self, alice, bob, space, alice_client):
        space.closed_at = timezone.now()
        space.save()
        response = post_entry(alice_client)
        assert response.status_code == 400
        assert "This space is closed" in response.content.decode()
        assert not Entry.objects.exists()


class TestRewriting:
    def test_a_change_keeps_the_old_wording_as_a_version(
        self, alice, space, alice_client
    ):
        post_entry(alice_client)
        entry = Entry.objects.get()
        response = alice_client.post(
            f"/self/{entry.pk}/edit",
            {
                "title": "Quiet time",
                "text": "Twenty minutes is enough now.",
                "helps": "",
            },
        )
        assert response.status_code == 302
        entry.refresh_from_db()
        assert entry.title == "Quiet time"
        versions = list(entry.versions.order_by("number"))
        assert [v.number for v in versions] == [1, 2]
        assert versions[0].text == "Half an hour to land before we talk."
        page = alice_client.get(f"/self/{entry.pk}/").content.decode()
        assert "Earlier wording" in page and "Half an hour to land" in page

    def test_saving_the_same_wording_adds_no_version(self, alice, space, alice_client):
        post_entry(alice_client)
        entry = Entry.objects.get()
        alice_client.post(
            f"/self/{entry.pk}/edit",
            {"title": entry.title, "text": entry.text, "helps": entry.helps},
        )
        assert entry.versions.count() == 1

    def test_an_empty_change_is_refused(self, alice, space, alice_client):
        post_entry(alice_client)
        entry = Entry.objects.get()
        response = alice_client.post(
            f"/self/{entry.pk}/edit", {"title": "", "text": "", "helps": ""}
        )
        assert response.status_code == 400
        assert "Give the entry a short title." in response.content.decode()
        entry.refresh_from_db()
        assert entry.title == "Quiet time after work"
        assert EntryVersion.objects.count() == 1

    def test_the_partner_cannot_edit_even_a_shared_entry(
        self, alice, bob, space, alice_client, bob_client
    ):
        post_entry(alice_client, share="on")
        entry = Entry.objects.get()
        assert bob_client.get(f"/self/{entry.pk}/edit").status_code == 404
        response = bob_client.post(
            f"/self/{entry.pk}/edit", {"title": "Mine now", "text": "x", "helps": ""}
        )
        assert response.status_code == 404
        entry.refresh_from_db()
        assert entry.title == "Quiet time after work"

    def test_the_author_can_delete_an_entry_with_its_history(
        self, alice, space, alice_client
    ):
        post_entry(alice_client)
        entry = Entry.objects.get()
        response = alice_client.post(f"/self/{entry.pk}/delete")
        assert response.status_code == 302
        assert not Entry.objects.exists() and not EntryVersion.objects.exists()

    def test_views_reject_the_wrong_method(self, alice, space, alice_client):
        post_entry(alice_client)
        entry = Entry.objects.get()
        assert alice_client.get(f"/self/{entry.pk}/share").status_code == 405
        assert alice_client.get(f"/self/{entry.pk}/delete").status_code == 405
