"""A counsellor's window: both partners open it, either closes it alone,
its date, a reset and a leave close it, and bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import re
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD, client_for, make_space, make_user
from troth.agreements.builders import build_agreement
from troth.agreements.models import VersionState
from troth.checkins.builders import build_pulse
from troth.counsel import services
from troth.counsel.models import Access, EventKind, Status, Window, WindowEvent
from troth.counsel.tasks import expire_due
from troth.counsel.tests.helpers import EVERY_AREA, counsellor, opened, proposed
from troth.exercises import library
from troth.notifications.models import Notification
from troth.promises.models import Promise
from troth.repair.builders import build_part, build_repair
from troth.repair.models import Note as RepairNote
from troth.safety.services import sharing_stop_all
from troth.spaces.models import Activity, Membership
from troth.spaces.services import space_leave
from troth.spaces.steps import Refused

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://\S+/counsel/join/[A-Za-z0-9_-]+/")


def told(person) -> int:
    """What `person` has been told: activities meant for them."""
    return Activity.objects.filter(recipient=person).count()


class TestOpening:
    def test_one_partner_alone_cannot_open_a_window(self, alice, bob, space):
        window = proposed(space, alice)
        with pytest.raises(Refused) as refusal:
            services.window_accept(window=window, by=alice)
        assert refusal.value.code == "wrong_person"
        window.refresh_from_db()
        assert window.status == Status.PROPOSED
        assert window.token_hash is None and window.ends_on is None
        response = client_for(alice).post(f"/counsel/{window.pk}/accept")
        assert response.status_code == 409
        assert Window.objects.get().status == Status.PROPOSED
        assert not mail.outbox

    def test_the_other_accepts_the_same_scope_and_the_counsellor_is_invited(
        self, alice, bob, space, django_capture_on_commit_callbacks
    ):
        window = proposed(space, alice, areas=["agreements", "pulse"], days=20)
        assert told(bob) == 1, "bob is told of the proposal"
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(bob).post(
                f"/counsel/{window.pk}/accept", {"include_pulse": "on"}
            )
        assert response.status_code == 302
        window.refresh_from_db()
        assert window.status == Status.OPEN
        assert window.areas == ["agreements", "pulse"]
        assert window.pulse_from == [bob.pk], "alice did not include hers"
        assert window.ends_on == window.opened_on + dt.timedelta(days=20)
        assert told(alice) == 1, "alice is told it opened"
        (message,) = mail.outbox
        assert message.to == ["kim@example.com"]
        assert "Alice" not in message.subject and "Bob" not in message.subject
        assert "Alice" not in message.body and "Bob" not in message.body
        assert len(LINK.findall(message.body)) == 1
        assert window.token_hash not in message.body

    def test_a_space_has_at_most_one_live_window(self, alice, bob, space):
        proposed(space, alice)
        with pytest.raises(Refused) as refusal:
            proposed(space, bob)
        assert refusal.value.code == "live"
        assert Window.objects.count() == 1

    def test_a_window_needs_both_partners(self, alice):
        alone = make_space(alice)
        with pytest.raises(Refused):
            proposed(alone, alice)
        assert not Window.objects.exists()


class TestBadInput:
    @pytest.mark.parametrize(
        ("data", "said"),
        [
            ({"days": "101"}, b"between 1 and 90 days"),
            ({"days": "0"}, b"between 1 and 90 days"),
            ({"days": "many"}, b"Enter a number of days"),
            ({"areas": []}, b"Choose at least one area"),
            ({"areas": ["diary"]}, b"Choose areas from the list"),
            ({"email": "not-an-address"}, b"the counsellor&#x27;s email address"),
        ],
    )
    def test_it_says_what_is_wrong_and_changes_nothing(
        self, alice, bob, space, data, said
    ):
        form = {
            "email": "kim@example.com",
            "areas": ["agreements"],
            "days": "30",
            **data,
        }
        response = client_for(alice).post("/counsel/propose", form)
        assert response.status_code == 400
        assert said in response.content
        assert not Window.objects.exists()
        assert told(bob) == 0

    def test_the_service_refuses_more_than_90_days_too(self, alice, bob, space):
        with pytest.raises(Exception, match="between 1 and 90"):
            proposed(space, alice, days=91)
        window = opened(space, alice, bob)
        with pytest.raises(Exception, match="between 1 and 90"):
            services.window_renewal_propose(window=window, by=alice, days=91)
        assert not Window.objects.get().has_renewal

    def test_a_renewal_ends_at_most_90_days_from_today(self, alice, bob, space):
        window = opened(space, alice, bob, days=10)
        client_for(alice).post(f"/counsel/{window.pk}/renewal", {"days": "90"})
        client_for(bob).post(f"/counsel/{window.pk}/renewal/accept")
        window.refresh_from_db()
        assert window.ends_on == window.opened_on + dt.timedelta(days=90)
        response = client_for(bob).post(
            f"/counsel/{window.pk}/renewal", {"days": "120"}
        )
        assert response.status_code == 400
        window.refresh_from_db()
        assert not window.has_renewal


class TestClosing:
    def test_either_partner_closes_it_alone_and_the_other_is_not_told(
        self, alice, bob, space
    ):
        kim = counsellor()
        window = opened(space, alice, bob, held_by=kim)
        before = told(alice), Notification.objects.filter(user=alice).count()
        response = client_for(bob).post(f"/counsel/{window.pk}/close")
        assert response.status_code == 302
        window.refresh_from_db()
        assert window.status == Status.CLOSED
        assert (told(alice), Notification.objects.filter(user=alice).count()) == before
        closed = WindowEvent.objects.get(window=window, kind=EventKind.CLOSED)
        assert closed.actor is None, "a closed window names nobody"
        assert client_for(kim).get(f"/counsel/w/{window.pk}/").status_code == 404
        page = client_for(alice).get(f"/counsel/{window.pk}/")
        assert b"This window was closed." in page.content
        history = page.content.split(b'data-testid="window-history"')[1]
        (line,) = [x for x in history.split(b"<li") if b"The window was closed" in x]
        assert b"<bdi>" not in line, "the close names nobody"

    def test_the_proposer_can_withdraw_and_the_other_decline(self, alice, bob, space):
        window = proposed(space, alice)
        assert client_for(bob).post(f"/counsel/{window.pk}/withdraw").status_code == 409
        services.window_withdraw(window=window, by=alice)
        assert Window.objects.get().status == Status.WITHDRAWN
        second = proposed(space, alice)
        services.window_decline(window=second, by=bob)
        assert Window.objects.get(pk=second.pk).status == Status.DECLINED

    def test_expiry_shuts_the_counsellor_out_at_once_then_the_job_records_it(
        self, alice, bob, space
    ):
        kim = counsellor()
        window = opened(space, alice, bob, held_by=kim, days=1)
        kims = client_for(kim)
        assert kims.get(f"/counsel/w/{window.pk}/").status_code == 200
        later = timezone.now() + dt.timedelta(days=2, hours=12)
        with mock.patch("django.utils.timezone.now", return_value=later):
            assert kims.get(f"/counsel/w/{window.pk}/").status_code == 404
            assert kims.get(f"/counsel/w/{window.pk}/agreements").status_code == 404
            assert Window.objects.get().status == Status.OPEN, "not yet recorded"
            assert expire_due(later) == 1
            assert expire_due(later) == 0, "idempotent"
        window.refresh_from_db()
        assert window.status == Status.EXPIRED
        assert WindowEvent.objects.get(kind=EventKind.EXPIRED).actor is None

    def test_the_emergency_reset_closes_every_window(self, alice, bob, space):
        kim = counsellor()
        window = opened(space, alice, bob, held_by=kim)
        sharing_stop_all(user=alice)
        window.refresh_from_db()
        assert window.status == Status.CLOSED
        assert client_for(kim).get(f"/counsel/w/{window.pk}/").status_code == 404
        assert told(bob) == 1, "only the acceptance; bob hears nothing of it"

    def test_leaving_the_space_closes_the_window(self, alice, bob, space):
        kim = counsellor()
        window = opened(space, alice, bob, held_by=kim)
        space_leave(membership=Membership.objects.get(user=bob))
        window.refresh_from_db()
        assert window.status == Status.CLOSED
        assert client_for(kim).get(f"/counsel/w/{window.pk}/").status_code == 404


class TestCounsellor:
    def test_the_counsellor_signs_up_from_the_email_and_reads(
        self, alice, bob, space, django_capture_on_commit_callbacks
    ):
        window = proposed(space, alice)
        with django_capture_on_commit_callbacks(execute=True):
            services.window_accept(window=window, by=bob)
        (link,) = LINK.findall(mail.outbox[0].body)
        path = link.split("localhost:8000", 1)[-1]
        visitor = Client()
        page = visitor.get(path)
        assert page.status_code == 200
        assert b"/accounts/signup/?next=" in page.content
        kim = counsellor()
        visitor.login(email="kim@example.com", password=PASSWORD)
        assert visitor.post(path).status_code == 302
        window.refresh_from_db()
        assert window.counsellor == kim
        assert visitor.get(f"/counsel/w/{window.pk}/").status_code == 200
        assert visitor.get("/counsel/clients/").status_code == 200
        # The link works once: for anyone else it no longer does.
        other = client_for(counsellor("lee"))
        assert other.get(path).status_code == 410
        assert other.post(path).status_code == 410
        assert Window.objects.get().counsellor == kim

    def test_a_closed_windows_link_no_longer_works(
        self, alice, bob, space, django_capture_on_commit_callbacks
    ):
        window = proposed(space, alice)
        with django_capture_on_commit_callbacks(execute=True):
            services.window_accept(window=window, by=bob)
        path = LINK.findall(mail.outbox[0].body)[0].split("localhost:8000", 1)[-1]
        services.window_close(window=window, by=alice)
        kims = client_for(counsellor())
        assert kims.post(path).status_code == 410
        assert Window.objects.get().counsellor is None
        assert kims.get("/counsel/join/nonsense/").status_code == 404

    def test_a_counsellor_of_one_couple_gets_404_for_anothers(
        self, alice, bob, carol, dave, space, other_space
    ):
        kim, lee = counsellor("kim"), counsellor("lee")
        ours = opened(space, alice, bob, held_by=kim)
        theirs = opened(other_space, carol, dave, held_by=lee)
        kims = client_for(kim)
        for path in (
            f"/counsel/w/{theirs.pk}/",
            f"/counsel/w/{theirs.pk}/agreements",
            f"/counsel/{theirs.pk}/",
        ):
            assert kims.get(path).status_code == 404, path
        assert (
            kims.post(f"/counsel/w/{theirs.pk}/note", {"text": "Hi"}).status_code == 404
        )
        assert kims.get(f"/counsel/w/{ours.pk}/").status_code == 200

    def test_a_counsellor_reaches_no_partner_page(self, alice, bob, space):
        kim = counsellor()
        window = opened(space, alice, bob, held_by=kim)
        kims = client_for(kim)
        for path in (f"/counsel/{window.pk}/", f"/counsel/{window.pk}/log"):
            assert kims.get(path).status_code == 404, path
        for step in ("close", "renewal", "accept", "decline"):
            assert kims.post(f"/counsel/{window.pk}/{step}").status_code == 404
        assert Window.objects.get().status == Status.OPEN
        assert kims.get("/counsel/").status_code == 302, "no space: sent home"

    def test_only_areas_in_scope_are_read(self, alice, bob, space):
        kim = counsellor()
        window = opened(space, alice, bob, held_by=kim, areas=["agreements"])
        kims = client_for(kim)
        assert kims.get(f"/counsel/w/{window.pk}/agreements").status_code == 200
        assert kims.get(f"/counsel/w/{window.pk}/pulse").status_code == 404
        assert kims.get(f"/counsel/w/{window.pk}/nothing").status_code == 404
        assert list(Access.objects.values_list("area", flat=True)) == ["agreements"]

    def test_the_access_log_has_one_row_per_area_per_day_for_both_to_see(
        self, alice, bob, space
    ):
        kim = counsellor()
        window = opened(space, alice, bob, held_by=kim)
        kims = client_for(kim)
        for area in ("agreements", "agreements", "promises", "agreements"):
            assert kims.get(f"/counsel/w/{window.pk}/{area}").status_code == 200
        assert Access.objects.count() == 2
        for partner in (alice, bob):
            page = client_for(partner).get(f"/counsel/{window.pk}/")
            log = page.content.split(b'data-testid="access-log"')[1]
            log = log.split(b"</ul>")[0]
            assert log.count(b"<li") == 2

    def test_notes_and_suggestions_reach_both_partners(self, alice, bob, space):
        kim = counsellor()
        window = opened(space, alice, bob, held_by=kim)
        kims = client_for(kim)
        response = kims.post(
            f"/counsel/w/{window.pk}/note", {"text": "Try the weekly check-in."}
        )
        assert response.status_code == 302
        assert (
            kims.post(f"/counsel/w/{window.pk}/note", {"text": " "}).status_code == 400
        )
        slug = library.EXERCISES[0].slug
        response = kims.post(
            f"/counsel/w/{window.pk}/suggest", {"exercise": slug, "note": "Gently."}
        )
        assert response.status_code == 302
        bad = kims.post(f"/counsel/w/{window.pk}/suggest", {"exercise": "no-such"})
        assert bad.status_code == 400
        # The menu starts on no exercise, and none chosen is said so.
        home = kims.get(f"/counsel/w/{window.pk}/").content.decode()
        assert '<option value="" selected>Choose an exercise</option>' in home
        none = kims.post(f"/counsel/w/{window.pk}/suggest", {"exercise": ""})
        assert none.status_code == 400
        assert "Choose an exercise from the library." in none.content.decode()
        assert told(alice) == 1 + 2 and told(bob) == 1 + 2
        for partner in (alice, bob):
            page = client_for(partner).get(f"/counsel/{window.pk}/")
            assert b"Try the weekly check-in." in page.content
            assert f"/exercises/{slug}/schedule".encode() in page.content


class TestPrivateNeverEnters:
    def test_the_counsellors_pages_never_show_a_private_item(self, alice, bob, space):
        """Whatever the scope: a repair's private notes, and the pulse of a
        partner who did not include theirs, shared or not. Fails if a
        scoped page starts showing one."""
        kim = counsellor()
        window = opened(space, alice, bob, held_by=kim)
        services.window_close(window=window, by=alice)
        window = proposed(space, alice, include_pulse=True)
        services.window_accept(window=window, by=bob, include_pulse=False)
        Window.objects.filter(pk=window.pk).update(counsellor=kim)
        at = timezone.now() - dt.timedelta(days=3)
        repair = build_repair(
            space, alice, other=bob, summary="Missed the birthday", at=at
        )
        build_part(repair, RepairNote, alice, at, text="PRIVATE-NOTE-OF-ALICE")
        build_part(repair, RepairNote, bob, at, text="PRIVATE-NOTE-OF-BOB")
        day = at.date()
        build_pulse(space, bob, day, shared=True, note="BOBS-PULSE-NOTE", faith=2)
        build_pulse(space, alice, day, shared=False, note="ALICES-HIDDEN-NOTE", faith=6)
        kims = client_for(kim)
        pages = b"".join(
            kims.get(f"/counsel/w/{window.pk}/{area}").content for area in EVERY_AREA
        )
        assert b"Missed the birthday" in pages, "the shared repair is shown"
        for private in (
            b"PRIVATE-NOTE-OF-ALICE",
            b"PRIVATE-NOTE-OF-BOB",
            b"BOBS-PULSE-NOTE",
            b"ALICES-HIDDEN-NOTE",
        ):
            assert private not in pages, private


class TestACounsellorWithASpaceOfHerOwn:
    """A counsellor may be a partner too: her own space and the couples she
    counsels stay apart, and nothing she writes lands in a couple's space."""

    def test_her_space_and_the_couples_window_stay_apart(self, alice, bob, space):
        kim = counsellor()
        kims_space = make_space(kim, make_user("ken"))
        window = opened(space, alice, bob, held_by=kim)
        at = timezone.now() - dt.timedelta(days=3)
        history = build_agreement(
            space, alice, title="Call your mother on Sunday", topic="family", at=at
        )
        (version,) = history.propose(["We take turns calling."], alice, at)
        later = at + dt.timedelta(hours=1)
        history.decide(version, VersionState.ACCEPTED, bob, later, "accepted")
        history.activate(later)
        kims = client_for(kim)
        for path in ("/", "/agreements/", "/promises/", "/calendar/"):
            page = kims.get(path)
            assert page.status_code == 200, path
            assert "Call your mother" not in page.content.decode(), path
        assert (
            "Call your mother"
            in kims.get(f"/counsel/w/{window.pk}/agreements").content.decode()
        )
        # What she writes goes to her own space, never the couple's.
        due = (dt.date.today() + dt.timedelta(days=3)).isoformat()
        kims.post("/promises/new", {"text": "Book the venue", "due_date": due})
        (written,) = Promise.objects.filter(author=kim)
        assert (written.text, written.space_id) == ("Book the venue", kims_space.pk)
        assert not Promise.objects.filter(space=space, author=kim).exists()
        # Her own space's counsellor page is hers; her clients are a link away.
        own = kims.get("/counsel/").content.decode()
        assert "/counsel/clients/" in own
