"""Deleting an account: after the password again and typed words; shared
entries follow the same two choices as leaving; and no row of the person's
is left but the ones they chose to leave, proven by walking every model
that points at a person."""

from __future__ import annotations

import datetime as dt
import re
from importlib import import_module
from typing import cast

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import QuerySet
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
HREF = re.compile(r'href="(/[^"#]*)')


def leftovers(user_pk: int, kept: set[tuple[str, int]]) -> list[str]:
    """Rows still pointing at the person that they did not choose to leave.

    Allowed: what they chose to keep (`kept`, as (label, pk): entries, the
    record of kept things, their past membership of the space), and entries
    someone else wrote that mention them (their partner's
    promise to them, an activity addressed to them)."""
    found = []
    for model, field in user_references():
        if model is User:
            continue
        for row in model._base_manager.filter(**{field.name: user_pk}):
            if isinstance(row, Content) and row.author_id != user_pk:
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
        # Having been a partner in the space is its history.
        kept |= {
            (Membership._meta.label, pk)
            for pk in Membership.objects.filter(user_id=alice.pk).values_list(
                "pk", flat=True
            )
        }
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


def readable_by(reader, author) -> set[tuple[str, int]]:
    """Every row of `author`'s that `reader` can read: their entries, by each
    kind's rule, and the record (RECORD_OF) of anything the reader reads."""
    found = set()
    for model, field in user_references():
        rows: QuerySet
        if issubclass(model, Content) and field.name == "author":
            rows = model._default_manager.visible_to(reader).filter(author=author)
        elif record_of := getattr(model, "RECORD_OF", None):
            parent = cast(
                "type[Content]", model._meta.get_field(record_of).related_model
            )
            rows = model._base_manager.filter(
                **{
                    field.name: author.pk,
                    f"{record_of}__in": parent._default_manager.visible_to(reader),
                }
            )
        else:
            continue
        found |= {(model._meta.label, pk) for pk in rows.values_list("pk", flat=True)}
    return found


def test_every_model_of_the_demo_is_walked(db):
    """The demo fills every feature; deleting one demo partner leaves no row
    of theirs but what their partner could read and they chose to keep."""
    from troth.demo import demo_create

    demo = demo_create()
    alex = demo.alex
    readable = readable_by(demo.sam, alex)
    client = ready_to_delete(alex, demo.password)
    response = client.post(
        DELETE, {"shared_entries": "keep", "confirmation": "delete my account"}
    )
    assert response.status_code == 200
    kept = readable | {
        (Membership._meta.label, pk)
        for pk in Membership.objects.filter(user_id=alex.pk).values_list(
            "pk", flat=True
        )
    }
    # Her leaving is shared history too.
    kept |= {
        (Activity._meta.label, pk)
        for pk in Activity.objects.filter(
            author_id=alex.pk, verb="space.left"
        ).values_list("pk", flat=True)
    }
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


def test_a_row_that_only_names_them_stays_for_both(alice, bob, space):
    """Who picked a question is forgotten; the round and both answers stay."""
    from troth.questions.models import Answer, Round

    round = Round.objects.create(
        space=space, day=dt.date(2026, 11, 2), key="test", level=1, picked_by=alice
    )
    answer = Answer.objects.create(
        space=space, author=bob, round=round, text="Bob's own words"
    )
    client = ready_to_delete(alice)
    client.post(
        DELETE, {"shared_entries": "withdraw", "confirmation": "delete my account"}
    )
    round.refresh_from_db()
    assert round.picked_by is None
    assert Answer.objects.filter(pk=answer.pk).exists()


# Every shared kind, walked generically ----------------------------------------

# Kinds that are never shown to the partner, whatever their author does: a
# deletion has nothing of theirs to keep for anyone.
NEVER_SHARED = {
    "moments.Bid": "a note to oneself about a bid, never shown to the partner",
    "repair.Note": "a private note on a repair path",
    "repair.TherapySession": "a private therapy log",
    "repair.ForgivenessCheckin": "the hurt partner's ratings, for them alone",
}
# Pages of entries read word for word, per kind and partner (all of them
# would take minutes: the demo has hundreds).
PAGES_PER_KIND = 6
# Pages that act or download rather than list; each has its own tests.
NOT_A_LIST = re.compile(r"/(export|feed|new|delete|reauthenticate)")


def list_pages() -> list[str]:
    """Every feature page that takes no argument: the lists a partner reads."""
    from django.urls import URLPattern

    from troth.urls import FEATURE_ROUTES

    pages = ["/"]
    for prefix, module in FEATURE_ROUTES.items():
        for pattern in import_module(module).urlpatterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLPattern) and "<" not in route:
                page = f"/{prefix}{route}"
                if not NOT_A_LIST.search(page):
                    pages.append(page)
    return pages


def shared_with(reader, author) -> dict[str, dict[int, str | None]]:
    """For every content kind: the author's entries the reader may read,
    each with the address of its page (None when it has none)."""
    from troth.spaces.services import content_models

    found = {}
    for model in content_models():
        rows = model._default_manager.visible_to(reader).filter(author=author)
        found[model._meta.label] = {
            row.pk: row.get_absolute_url() if hasattr(row, "get_absolute_url") else None
            for row in rows
        }
    return found


def links_on(client: Client, pages: list[str]) -> dict[str, set[str]]:
    """The addresses each page links to, for the pages that open."""
    found = {}
    for page in pages:
        response = client.get(page)
        if response.status_code == 200 and response["Content-Type"].startswith(
            "text/html"
        ):
            found[page] = set(HREF.findall(response.content.decode()))
    return found


TAG = re.compile(r"<script.*?</script>|<[^>]+>", re.S)


def words(response, leaver) -> str:
    """What a page says, as a reader sees it; the leaver's name reads as
    "Former partner" either way, so only a real change shows."""
    if response.status_code != 200:
        return f"status {response.status_code}"
    text = " ".join(TAG.sub(" ", response.content.decode()).split())
    return text.replace(leaver.display_name, "Former partner")


def own_addresses(*found: dict[str, dict[int, str | None]]) -> set[str]:
    """Addresses that belong to one entry alone (not a list page that
    several entries point to)."""
    counts: dict[str, int] = {}
    for kinds in found:
        for rows in kinds.values():
            for url in rows.values():
                if url is not None:
                    counts[url] = counts.get(url, 0) + 1
    return {url for url, n in counts.items() if n == 1}


@pytest.mark.parametrize("choice", ["keep", "withdraw"])
def test_every_shared_kind_follows_the_choice_for_the_former_partner(db, choice):
    """Built on the demo, deleting each partner in turn: with "keep", every
    entry of every kind the partner could read before, they still read
    after, reading the same on its own page (a few of each kind) and on
    every list that shows it once the space is closed; with "delete it
    too", none of it is left. Every content kind must be covered by the
    demo, or named above as never shared, so a new kind is held to this."""
    from troth.demo import demo_create
    from troth.spaces.services import content_models, space_leave

    covered = set()
    problems = []
    pages = list_pages()
    for leaver_name in ("alex", "sam"):
        demo = demo_create()
        leaver = getattr(demo, leaver_name)
        reader = demo.sam if leaver_name == "alex" else demo.alex
        before = shared_with(reader, leaver)
        own = own_addresses(before, shared_with(reader, reader))
        covered |= {label for label, rows in before.items() if rows}
        reading = Client()
        reading.force_login(reader)
        # What the partner's lists show once the space is closed by leaving
        # it with the same choice, tried and undone: deleting the account
        # on top must hide nothing more. (A closed space drops action links
        # such as "Acknowledge", so the open space is not the baseline.)
        undo = transaction.savepoint_create()
        space_leave(
            membership=Membership.objects.get(user=leaver, left_at__isnull=True),
            withdraw=choice == "withdraw",
        )
        listed_before = links_on(reading, pages)
        sample = {
            label: sorted(set(rows.values()) - {None})[:PAGES_PER_KIND]
            for label, rows in before.items()
        }
        read_before = {
            url: words(reading.get(url), leaver)
            for urls in sample.values()
            for url in urls
        }
        transaction.savepoint_rollback(undo)

        client = ready_to_delete(leaver, demo.password)
        response = client.post(
            DELETE, {"shared_entries": choice, "confirmation": "delete my account"}
        )
        assert response.status_code == 200

        after = shared_with(reader, leaver.pk)
        listed_after = links_on(reading, pages)
        for label, rows in before.items():
            model = apps.get_model(label)
            if choice == "keep":
                # (>=: leaving adds one shared entry, "left the space".)
                lost = rows.keys() - after[label].keys()
                if lost:
                    problems.append(f"{label}: {leaver_name}'s {sorted(lost)} lost")
                for url in sample[label]:
                    if words(reading.get(url), leaver) != read_before[url]:
                        problems.append(f"{label}: {url} reads differently")
                    problems.extend(
                        f"{label}: {url} no longer listed on {page}"
                        for page, links in listed_before.items()
                        if url in links and url not in listed_after.get(page, ())
                    )
            else:
                if model._base_manager.filter(pk__in=rows).exists():
                    problems.append(f"{label}: {leaver_name}'s entries left")
                for url in set(sample[label]) & own:
                    if reading.get(url).status_code == 200:
                        problems.append(f"{label}: {url} still opens")
                    problems.extend(
                        f"{label}: {url} still listed on {page}"
                        for page, links in listed_after.items()
                        if url in links
                    )
    assert not problems, "\n".join(problems)

    labels = {model._meta.label for model in content_models()}
    assert set(NEVER_SHARED) <= labels, "a kind named as never shared is gone"
    assert not covered & set(NEVER_SHARED), "a kind named as never shared is shared"
    missing = labels - covered - set(NEVER_SHARED)
    assert not missing, (
        f"kinds the demo never shares, so this test can't prove them: {missing}"
    )
