from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for, make_space, make_user
from troth.spaces import services
from troth.spaces.models import Activity, Invitation, Membership, Space

pytestmark = pytest.mark.django_db


def make_link(client) -> str:
    response = client.post("/space/invite")
    assert response.status_code == 200
    return response.context["link"]


def path_of(link: str) -> str:
    return link.split("testserver", 1)[1]


class TestStartPage:
    def test_it_shows_the_start_page_without_a_space(self, eve_client):
        response = eve_client.get("/")
        assert b"Create our space" in response.content

    def test_it_explains_troth_when_signed_out(self, client):
        response = client.get("/")
        assert response.status_code == 200
        assert b"Create an account" in response.content


class TestCreateSpace:
    def test_it_creates_a_space_and_leads_to_the_invitation(self, eve, eve_client):
        response = eve_client.post("/space/new")
        assert response.status_code == 302
        assert response["Location"] == "/space/invite"
        membership = Membership.objects.get(user=eve)
        assert membership.space.is_open
        assert Activity.objects.filter(
            space=membership.space, verb="space.created"
        ).exists()

    def test_it_refuses_a_second_space(self, alice, space, alice_client):
        response = alice_client.post("/space/new")
        assert response.status_code == 409
        assert b"You already have a space" in response.content
        assert Space.objects.count() == 1

    def test_it_rejects_get(self, eve_client):
        assert eve_client.get("/space/new").status_code == 405


class TestInvitation:
    def test_it_shows_the_link_once_and_stores_only_a_hash(self, eve, eve_client):
        eve_client.post("/space/new")
        link = make_link(eve_client)
        token = link.rstrip("/").rsplit("/", 1)[1]
        invitation = Invitation.objects.get()
        assert len(token) >= 43  # 256 bits in URL-safe base64
        assert token not in invitation.token_hash
        assert invitation.token_hash == services.hash_token(token)
        assert invitation.expires_at - invitation.created == timedelta(days=7)
        # The invite page afterwards does not show the link again.
        page = eve_client.get("/space/invite")
        assert token.encode() not in page.content
        assert b"A link is waiting for your partner" in page.content

    def test_a_new_link_revokes_the_old_one(self, eve, eve_client, client):
        eve_client.post("/space/new")
        first = make_link(eve_client)
        make_link(eve_client)
        response = client.get(path_of(first))
        assert response.status_code == 410
        assert b"This invitation was withdrawn" in response.content

    def test_it_can_be_revoked(self, eve, eve_client, client):
        eve_client.post("/space/new")
        link = make_link(eve_client)
        invitation = Invitation.objects.get()
        response = eve_client.post(f"/space/invitations/{invitation.pk}/revoke")
        assert response.status_code == 302
        response = client.get(path_of(link))
        assert b"This invitation was withdrawn" in response.content

    def test_the_partner_joins_with_the_link(self, eve, eve_client, carol):
        other = make_user("frank")
        eve_client.post("/space/new")
        link = make_link(eve_client)
        frank = client_for(other)
        page = frank.get(path_of(link))
        assert page.status_code == 200
        assert b"Eve invited you" in page.content
        response = frank.post(path_of(link))
        assert response.status_code == 302
        space = Membership.objects.get(user=eve).space
        assert sorted(u.email for u in space.partners) == [
            "eve@example.com",
            "frank@example.com",
        ]
        invitation = Invitation.objects.get()
        assert invitation.used_by == other
        # Both see each other on the dashboard.
        for c in (eve_client, frank):
            home = c.get("/")
            assert b"Eve" in home.content and b"Frank" in home.content

    def test_a_stranger_signs_up_from_the_link_and_joins(self, eve, eve_client, client):
        eve_client.post("/space/new")
        link = make_link(eve_client)
        page = client.get(path_of(link))
        assert b"Create an account to join" in page.content
        response = client.post(
            f"/accounts/signup/?next={path_of(link)}",
            {
                "display_name": "Frank",
                "email": "frank@example.com",
                "password1": "a long enough passphrase",
                "timezone": "Europe/Paris",
            },
        )
        assert response.status_code == 302
        # Signing up does not sign in (troth/accounts/signup.py); the
        # sign-in that follows leads back to the invitation.
        assert response["Location"].startswith("/accounts/login/?next=")
        response = client.post(
            response["Location"],
            {"login": "frank@example.com", "password": "a long enough passphrase"},
        )
        assert response["Location"] == path_of(link)
        client.post(path_of(link))
        frank = Membership.objects.get(user__email="frank@example.com")
        assert frank.space == Membership.objects.get(user=eve).space
        assert frank.user.timezone == "Europe/Paris"


class TestBadInvitationLinks:
    """Each gets a page that says what happened, and changes nothing."""

    def _invitation(self, space, by, **changes) -> str:
        invitation, token = Invitation.new(space=space, created_by=by)
        for field, value in changes.items():
            setattr(invitation, field, value)
        invitation.save()
        return token

    def _assert_nothing_changed(self, before):
        assert Membership.objects.count() == before

    @pytest.mark.parametrize(
        "token", ["x", "not-a-token", "A" * 43, "%3Cscript%3E", "%00"]
    )
    def test_a_malformed_or_unknown_link(self, eve_client, eve, token):
        before = Membership.objects.count()
        response = eve_client.get(f"/space/join/{token}/")
        assert response.status_code == 404
        assert b"This invitation link doesn" in response.content
        response = eve_client.post(f"/space/join/{token}/")
        assert response.status_code == 404
        self._assert_nothing_changed(before)

    def test_an_expired_link(self, eve_client, eve, carol):
        space = make_space(carol)
        token = self._invitation(
            space, carol, expires_at=timezone.now() - timedelta(seconds=1)
        )
        before = Membership.objects.count()
        response = eve_client.post(f"/space/join/{token}/")
        assert response.status_code == 410
        assert b"This invitation has expired" in response.content
        self._assert_nothing_changed(before)

    def test_a_used_link(self, eve_client, eve, carol, dave):
        space = make_space(carol)
        token = self._invitation(space, carol, used_at=timezone.now(), used_by=dave)
        before = Membership.objects.count()
        response = eve_client.post(f"/space/join/{token}/")
        assert response.status_code == 410
        assert b"already been used" in response.content
        self._assert_nothing_changed(before)

    def test_a_revoked_link(self, eve_client, eve, carol):
        space = make_space(carol)
        token = self._invitation(space, carol, revoked_at=timezone.now())
        response = eve_client.post(f"/space/join/{token}/")
        assert b"This invitation was withdrawn" in response.content
        assert not Membership.objects.filter(user=eve).exists()

    def test_a_link_for_a_full_space(self, eve_client, eve, carol, dave, other_space):
        token = self._invitation(other_space, carol)
        before = Membership.objects.count()
        response = eve_client.post(f"/space/join/{token}/")
        assert response.status_code == 410
        assert b"already has two partners" in response.content
        self._assert_nothing_changed(before)

    def test_joining_while_in_a_space(self, alice_client, alice, space, eve):
        eve_space = make_space(eve)
        token = self._invitation(eve_space, eve)
        page = alice_client.get(f"/space/join/{token}/")
        assert page.status_code == 409
        assert b"You&#x27;re already in a space" in page.content
        response = alice_client.post(f"/space/join/{token}/")
        assert response.status_code == 409
        assert Membership.objects.get(user=alice).space == space
        assert eve_space.memberships.count() == 1
        assert Invitation.objects.get().used_at is None

    def test_opening_ones_own_link(self, eve_client, eve):
        eve_space = make_space(eve)
        token = self._invitation(eve_space, eve)
        response = eve_client.post(f"/space/join/{token}/")
        assert b"This is your own invitation" in response.content
        assert Invitation.objects.get().used_at is None


class TestLeaving:
    def test_leaving_ends_access_and_closes_the_space(
        self, alice, bob, space, alice_client, bob_client
    ):
        response = bob_client.post("/space/leave", {"confirm": "on"})
        assert response.status_code == 302
        space.refresh_from_db()
        assert not space.is_open
        assert Membership.objects.get(user=bob).left_at is not None
        # Bob is spaceless now; Alice is told the space is closed.
        assert b"Create our space" in bob_client.get("/").content
        home = alice_client.get("/")
        assert b"Bob left on" in home.content
        assert b"This space is closed" in home.content

    def test_leaving_needs_confirmation(self, bob, space, bob_client):
        response = bob_client.post("/space/leave", {})
        assert response.status_code == 400
        assert b"Tick the box" in response.content
        assert Membership.objects.get(user=bob).left_at is None

    def test_the_remaining_partner_can_leave_the_closed_space_and_start_again(
        self, alice, bob, space, alice_client, bob_client
    ):
        bob_client.post("/space/leave", {"confirm": "on"})
        alice_client.post("/space/leave", {"confirm": "on"})
        assert alice_client.post("/space/new").status_code == 302
        assert Membership.objects.active().get(user=alice).space != space

    def test_a_closed_space_cannot_invite(
        self, alice, bob, space, alice_client, bob_client
    ):
        bob_client.post("/space/leave", {"confirm": "on"})
        response = alice_client.post("/space/invite")
        assert response.status_code == 409
        assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_the_timeline_says_how_long_ago_in_words(alice, bob):
    space = services.space_create(user=alice)
    _, token = services.invitation_create(space=space, by=alice)
    services.invitation_accept(token=token, user=bob)
    page = client_for(alice).get("/").content.decode()
    assert 'class="activity-time"' in page
    # Just now is not "0 minutes ago".
    assert "0 minutes ago" not in page and "0\xa0minutes ago" not in page
    Activity.objects.filter(space=space).update(
        created=timezone.now() - timedelta(hours=3, minutes=1)
    )
    page = client_for(alice).get("/").content.decode()
    assert "3\xa0hours ago" in page or "3 hours ago" in page
