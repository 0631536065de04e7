"""Deleting an account: after the password again and typed words; shared
entries follow the same two choices as leaving; and no row of the person's
is left but the ones they chose to leave, proven by walking every model
that points at a person."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client

from conftest import PASSWORD
from troth.accounts.models import SignIn, User
from troth.accounts.services import user_references
from troth.accounts.tests.helpers import enable_totp, signed_in, verified_email
from troth.lib.content import Content, Visibility
from troth.notifications.models import Notification, NotificationSettings
from troth.notifications.services import notify
from troth.spaces.models import Activity, Invitation, Membership, Space
from troth.spaces.services import activity_record

pytestmark = pytest.mark.django_db

DELETE = "/settings/delete"


def leftovers(user_pk: int, kept: set[tuple[str, int]]) -> list[str]:
    """Rows still pointing at the person that they did not choose to leave.

    Allowed: entries they wrote and chose to keep (`kept`, as (label, pk)),
    and entries someone else wrote that mention them (their partner's
    promise to them, an activity addressed to them)."""
    found = []
    for model, field in user_references():
        if model is User:
            continue
        for row in model._base_manager.filter(**{field.name: user_pk}):
            if isinstance(row, Content):
                if row.author_id != user_pk:
                    continue
                if (model._meta.label, row.pk) in kept:
                    continue
            found.append(f"{model._meta.label}.{field.name} #{row.pk}")
    return found


@pytest.fixture
def world(alice, bob, space):
    """Alice with a bit of everything: entries of both kinds, her partner's
    entries about her, notifications both ways, an invitation, sessions,
    two-factor, email addresses, sign-in history, settings, a group."""
    verified_email(alice)
    enable_totp(alice)
    NotificationSettings.for_user(alice).save()
    alice.groups.add(Group.objects.create(name="testers"))
    invitation, _ = Invitation.new(space=space, created_by=alice)
    invitation.used_by = bob
    invitation.save()
    shared = activity_record(space=space, actor=alice, verb="alice.shared")
    private = activity_record(
        space=space, actor=alice, verb="alice.private", visibility=Visibility.PRIVATE
    )
    bobs_to_alice = activity_record(
        space=space, actor=bob, verb="bob.to_alice", recipient=alice
    )
    bobs_private = activity_record(
        space=space, actor=bob, verb="bob.private", visibility=Visibility.PRIVATE
    )
    notify(user=alice, kind="space.joined", key="a", actor=bob, space=space)
    notify(user=bob, kind="space.joined", key="b", actor=alice, space=space)
    SignIn.objects.create(user=alice, outcome=SignIn.Outcome.WRONG_PASSWORD)
    return {
        "shared": shared,
        "private": private,
        "bobs_to_alice": bobs_to_alice,
        "bobs_private": bobs_private,
    }


def ready_to_delete(user, password: str = PASSWORD) -> Client:
    """`user` signed in on this browser, having given their password again
    a moment ago."""
    from troth.accounts.tests.helpers import browser

    client = browser()
    client.force_login(user)
    response = client.post("/accounts/reauthenticate/", {"password": password})
    assert response.status_code == 302, response.content[:300]
    return client


class TestAsking:
    def test_it_needs_the_password_again_before_deleting(self, alice, bob, space):
        client = signed_in(alice)
        assert client.get(DELETE).status_code == 200
        response = client.post(
            DELETE, {"shared_entries": "withdraw", "confirmation": "delete my account"}
        )
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/reauthenticate/")
        assert User.objects.filter(pk=alice.pk, is_active=True).exists()

    def test_after_the_password_the_deletion_goes_ahead(self, alice):
        client = signed_in(alice)
        client.post(
            DELETE, {"shared_entries": "withdraw", "confirmation": "delete my account"}
        )
        response = client.post(
            f"/accounts/reauthenticate/?next={DELETE}", {"password": PASSWORD}
        )
        # allauth replays the suspended request once the password is right.
        assert response.status_code == 200
        assert b'data-testid="account-deleted"' in response.content
        assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
        assert not User.objects.filter(pk=alice.pk).exists()

    def test_a_wrong_password_deletes_nothing(self, alice):
        client = signed_in(alice)
        client.post(
            DELETE, {"shared_entries": "withdraw", "confirmation": "delete my account"}
        )
        response = client.post(
            f"/accounts/reauthenticate/?next={DELETE}", {"password": "wrong wrong"}
        )
        assert response.status_code == 200
        assert User.objects.filter(pk=alice.pk, is_active=True).exists()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"shared_entries": "keep", "confirmation": "delete"}, b"exactly"),
            ({"shared_entries": "keep", "confirmation": ""}, b"Type the words"),
            ({"confirmation": "delete my account"}, b"Choose what happens"),
            (
                {"shared_entries": "everything", "confirmation": "delete my account"},
                b"Select a valid choice",
            ),
        ],
    )
    def test_without_the_typed_words_and_a_choice_nothing_happens(
        self, alice, data, message
    ):
        client = ready_to_delete(alice)
        response = client.post(DELETE, data)
        assert response.status_code == 400
        assert message in response.content
        assert User.objects.filter(pk=alice.pk, is_active=True).exists()

    def test_the_typed_words_forgive_case_and_spaces(self, alice):
        client = ready_to_delete(alice)
        response = client.post(
            DELETE,
            {"shared_entries": "keep", "confirmation": "  Delete  my ACCOUNT "},
        )
        assert response.status_code == 200
        assert not User.objects.filter(pk=alice.pk, is_active=True).exists()


class TestWithdrawing:
    def test_no_row_of_hers_is_left(self, alice, bob, space, world):
        other_browser = Client()
        other_browser.force_login(alice)
        assert other_browser.get("/settings/").status_code == 200
        client = ready_to_delete(alice)
        client.post(
            DELETE, {"shared_entries": "withdraw", "confirmation": "delete my account"}
        )
        assert leftovers(alice.pk, kept=set()) == []
        # Only Bob's entry about her still points at what is left of her.
        former = User.objects.filter(pk=alice.pk).first()
        if former is not None:
            assert not former.is_active
            assert not former.has_usable_password()
            assert str(former) == "Former partner"
            assert "alice" not in former.email
        assert not Activity.objects.filter(pk=world["shared"].pk).exists()
        assert not Activity.objects.filter(pk=world["private"].pk).exists()
        # Bob keeps everything he wrote.
        assert Activity.objects.filter(pk=world["bobs_to_alice"].pk).exists()
        assert Activity.objects.filter(pk=world["bobs_private"].pk).exists()
        assert Membership.objects.filter(user=bob, left_at__isnull=True).exists()
        # Her sessions are gone, here and on her other browser.
        assert client.get("/settings/").status_code == 302
        assert other_browser.get("/settings/").status_code == 302
        assert not UserSession.objects.filter(user_id=alice.pk).exists()
        assert not Authenticator.objects.filter(user_id=alice.pk).exists()
        assert not EmailAddress.objects.filter(email=alice.email).exists()

    def test_the_space_closes_for_her_partner(self, alice, bob, space, world):
        client = ready_to_delete(alice)
        client.post(
            DELETE, {"shared_entries": "withdraw", "confirmation": "delete my account"}
        )
        space.refresh_from_db()
        assert not space.is_open

    def test_someone_who_never_had_a_partner_is_deleted_outright(self, eve):
        activity_record(
            space=Space.objects.create(), actor=eve, verb="x", visibility="private"
        )
        client = ready_to_delete(eve)
        client.post(
            DELETE, {"shared_entries": "keep", "confirmation": "delete my account"}
        )
        assert not User.objects.filter(pk=eve.pk).exists()
        assert leftovers(eve.pk, kept=set()) == []
        assert not Session.objects.exists() or all(
            s.get_decoded().get("_auth_user_id") != str(eve.pk)
            for s in Session.objects.all()
        )


class TestKeeping:
    def test_shared_entries_stay_for_her_former_partner_and_nothing_else(
        self, alice, bob, space, world
    ):
        client = ready_to_delete(alice)
        client.post(
            DELETE, {"shared_entries": "keep", "confirmation": "delete my account"}
        )
        shared = world["shared"]
        kept = {(Activity._meta.label, shared.pk)}
        # Her "left the space" entry is shared history too.
        kept |= {
            (Activity._meta.label, pk)
            for pk in Activity.objects.filter(
                author_id=alice.pk, visibility=Visibility.SHARED
            ).values_list("pk", flat=True)
        }
        assert leftovers(alice.pk, kept=kept) == []
        assert not Activity.objects.filter(pk=world["private"].pk).exists()
        assert Activity.objects.filter(pk=shared.pk).exists()
        assert shared.is_visible_to(bob)

        former = User.objects.get(pk=alice.pk)
        assert str(former) == "Former partner"
        assert not former.is_active
        assert not former.has_usable_password()
        assert former.email.endswith("@deleted.invalid")
        assert not SignIn.objects.filter(user_id=alice.pk).exists()
        assert not Notification.objects.filter(user_id=alice.pk).exists()
        assert not former.groups.exists()
        # Nobody can sign in as her any more.
        from troth.accounts.tests.helpers import browser

        attempt = browser().post(
            "/accounts/login/", {"login": "alice@example.com", "password": PASSWORD}
        )
        assert "_auth_user_id" not in attempt.wsgi_request.session

    def test_bob_reads_the_kept_entry_as_written_by_her_former_self(
        self, alice, bob, space, world
    ):
        client = ready_to_delete(alice)
        client.post(
            DELETE, {"shared_entries": "keep", "confirmation": "delete my account"}
        )
        visible = Activity.objects.visible_to(bob).filter(pk=world["shared"].pk).get()
        assert str(visible.author) == "Former partner"


def test_every_model_of_the_demo_is_walked(db):
    """The demo fills every feature; deleting one demo partner leaves no row
    of theirs but the shared entries they chose to keep."""
    from troth.demo import demo_create

    demo = demo_create()
    alex = demo.alex
    client = ready_to_delete(alex, demo.password)
    response = client.post(
        DELETE, {"shared_entries": "keep", "confirmation": "delete my account"}
    )
    assert response.status_code == 200
    kept = set()
    for model, field in user_references():
        if issubclass(model, Content) and field.name == "author":
            for pk in model._base_manager.filter(
                author_id=alex.pk, visibility=Visibility.SHARED
            ).values_list("pk", flat=True):
                kept.add((model._meta.label, pk))
    assert leftovers(alex.pk, kept=kept) == []
    private_left = [
        model._meta.label
        for model, field in user_references()
        if issubclass(model, Content)
        and field.name == "author"
        and model._base_manager.filter(
            author_id=alex.pk, visibility=Visibility.PRIVATE
        ).exists()
    ]
    assert private_left == []
