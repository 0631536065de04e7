"""The daily pulse: answering, privacy and sharing, trends, reminders."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from troth.checkins import services, sharing, tasks
from troth.checkins.export import export
from troth.checkins.models import Pulse, PulseSettings
from troth.checkins.stats import pulse_answered_days, pulse_trend
from troth.lib.content import Visibility
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db

ALL = {
    "predictability": 5,
    "dependability": 6,
    "faith": 7,
    "understood": 4,
    "cared_for": 6,
}


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def answer_days(space, user, days, *, start=None, **answers):
    start = start or timezone.now() - dt.timedelta(days=days)
    for i in range(days):
        with at(start + dt.timedelta(days=i)):
            services.pulse_record(space=space, by=user, answers=answers or ALL)


class TestAnswering:
    def test_it_saves_todays_pulse_privately(
        self, space, alice, bob, alice_client, bob_client
    ):
        data = {**{k: str(v) for k, v in ALL.items()}, "note": "A good evening"}
        response = alice_client.post("/checkins/pulse", data)
        assert response.status_code == 302
        pulse = Pulse.objects.get()
        assert pulse.answers() == ALL
        assert pulse.note == "A good evening"
        assert pulse.visibility == Visibility.PRIVATE
        assert not Pulse.objects.visible_to(bob).exists()
        page = alice_client.get("/checkins/pulse").text
        assert "You answered today" in page
        assert "not a clinical instrument" in page
        assert not Notification.objects.filter(user=bob).exists()

    def test_answering_again_the_same_day_revises_it(self, space, alice):
        services.pulse_record(space=space, by=alice, answers={"faith": 3})
        services.pulse_record(space=space, by=alice, answers={"faith": 5})
        assert Pulse.objects.get().faith == 5

    def test_the_day_is_the_persons_own_local_day(self, space, alice):
        alice.timezone = "Pacific/Auckland"
        alice.save()
        # 20:00 UTC on 10 March is 09:00 on 11 March in Auckland.
        services.pulse_record(
            space=space,
            by=alice,
            answers={"faith": 5},
            now=dt.datetime(2026, 3, 10, 20, tzinfo=dt.UTC),
        )
        assert Pulse.objects.get().day == dt.date(2026, 3, 11)

    def test_items_may_be_skipped_but_not_all_of_them(self, space, alice, alice_client):
        response = alice_client.post("/checkins/pulse", {"note": "only a note"})
        assert response.status_code == 400
        assert "Answer at least one item" in response.text
        response = alice_client.post("/checkins/pulse", {"faith": "8"})
        assert response.status_code == 400
        assert "Select a valid choice" in response.text
        response = alice_client.post(
            "/checkins/pulse", {"faith": "x", "note": "y" * 1001}
        )
        assert response.status_code == 400
        assert not Pulse.objects.exists()
        assert alice_client.post("/checkins/pulse", {"faith": "2"}).status_code == 302
        assert Pulse.objects.get().dependability is None

    def test_the_service_refuses_out_of_range_answers(self, space, alice):
        with pytest.raises(ValidationError):
            services.pulse_record(space=space, by=alice, answers={"faith": 0})
        assert not Pulse.objects.exists()

    def test_the_page_takes_five_taps_on_a_scale(self, space, alice_client):
        page = alice_client.get("/checkins/pulse").text
        assert page.count('type="radio"') == 35
        assert page.count("<fieldset") == 5


class TestSharing:
    def test_sharing_shows_past_and_future_answers_and_stopping_hides_them(
        self, space, alice, bob, alice_client
    ):
        answer_days(space, alice, 3)
        assert not Pulse.objects.visible_to(bob).exists()
        response = alice_client.post("/checkins/pulse/settings", {"share": "on"})
        assert response.status_code == 302
        assert Pulse.objects.visible_to(bob).count() == 3
        services.pulse_record(space=space, by=alice, answers={"faith": 6})
        assert Pulse.objects.visible_to(bob).count() == 4
        items = sharing.shared_by(alice, space)
        assert [i.key for i in items] == ["pulse"]
        assert sharing.stop(alice, space, "pulse") is True
        assert not Pulse.objects.visible_to(bob).exists()
        assert sharing.shared_by(alice, space) == []
        assert sharing.stop_all(alice, space) == 0
        assert not Notification.objects.filter(user=bob).exists()

    def test_the_partners_trend_is_hidden_unless_shared(
        self, space, alice, bob, bob_client
    ):
        answer_days(space, alice, 20)
        page = bob_client.get("/checkins/pulse/trends").text
        assert 'data-testid="trend-partner"' not in page
        assert "Alice" not in page.split("<main", 1)[1]
        services.pulse_settings_update(
            user=alice, space=space, share=True, remind_at=None
        )
        page = bob_client.get("/checkins/pulse/trends").text
        assert 'data-testid="trend-partner"' in page
        assert "Alice’s pulse (shared with you)" in page

    def test_bad_settings_input_is_refused(self, space, alice, alice_client):
        response = alice_client.post("/checkins/pulse/settings", {"remind_at": "25:00"})
        assert response.status_code == 400
        assert "Enter a time such as" in response.text
        assert not PulseSettings.objects.filter(user=alice).exists()

    def test_the_export_holds_my_pulses_and_shared_ones_only(self, space, alice, bob):
        answer_days(space, alice, 2)
        answer_days(space, bob, 2)
        data = export(bob)
        assert {p["from"] for p in data["pulses"]} == {"me"}
        services.pulse_settings_update(
            user=alice, space=space, share=True, remind_at=None
        )
        assert {p["from"] for p in export(bob)["pulses"]} == {"me", "partner"}


class TestTrends:
    def test_trends_wait_for_14_answered_days(self, space, alice, alice_client):
        answer_days(space, alice, 13)
        page = alice_client.get("/checkins/pulse/trends").text
        assert "1 more day to go" in page
        assert "Week of" not in page
        answer_days(space, alice, 1, start=timezone.now())
        page = alice_client.get("/checkins/pulse/trends").text
        assert "Week of" in page

    def test_means_per_subscale_leave_skipped_items_out(self, space, alice):
        start = timezone.now() - dt.timedelta(days=10)
        answer_days(space, alice, 2, start=start, faith=4, understood=2, cared_for=6)
        answer_days(
            space, alice, 2, start=start + dt.timedelta(days=2), faith=6, understood=5
        )
        today = timezone.now().date()
        trend = pulse_trend(
            viewer=alice, subject=alice, start=today - dt.timedelta(days=30), end=today
        )
        assert trend.answered_days == 4
        assert trend.means["faith"] == 5
        assert trend.means["predictability"] is None
        # Days 1-2: (2+6)/2 = 4; days 3-4: 5 (only "understood"): mean 4.5.
        assert trend.means["responsiveness"] == 4.5
        assert sum(week.days for week in trend.weeks) == 4
        assert all(week.start.weekday() == 0 for week in trend.weeks)
        assert not trend.enough and trend.days_to_go == 10

    def test_a_partners_private_pulse_is_invisible_to_the_functions(
        self, space, alice, bob
    ):
        answer_days(space, alice, 3)
        today = timezone.now().date()
        assert pulse_answered_days(viewer=bob, subject=alice) == 0
        trend = pulse_trend(
            viewer=bob, subject=alice, start=today - dt.timedelta(days=30), end=today
        )
        assert trend.answered_days == 0 and trend.weeks == []

    def test_trend_is_two_queries(self, space, alice, django_assert_num_queries):
        answer_days(space, alice, 30)
        today = timezone.now().date()
        with django_assert_num_queries(2):
            pulse_trend(
                viewer=alice,
                subject=alice,
                start=today - dt.timedelta(days=90),
                end=today,
            )


class TestReminder:
    def choose(self, user, at_time, tz):
        user.timezone = tz
        user.save()
        PulseSettings.objects.create(user=user, remind_at=at_time)

    def test_it_reminds_at_the_chosen_local_time_once(self, space, alice):
        self.choose(alice, dt.time(20, 30), "Europe/Berlin")
        # 19:29 UTC is 20:29 in Berlin in winter.
        with at(dt.datetime(2026, 1, 12, 19, 29, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 0
        with at(dt.datetime(2026, 1, 12, 19, 31, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 1
            assert tasks.remind_pulse.call() == 0  # a rerun or a second worker
        with at(dt.datetime(2026, 1, 12, 20, 15, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 0
        notice = Notification.objects.get(user=alice)
        assert notice.url == "/checkins/pulse"
        assert "pulse" in notice.message
        with at(dt.datetime(2026, 1, 13, 19, 31, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 1  # the next day, again

    def test_no_reminder_once_answered_or_without_a_time(self, space, alice, bob):
        self.choose(alice, dt.time(9, 0), "UTC")
        moment = dt.datetime(2026, 1, 12, 9, 5, tzinfo=dt.UTC)
        services.pulse_record(space=space, by=alice, answers={"faith": 5}, now=moment)
        with at(moment):
            assert tasks.remind_pulse.call() == 0
        assert not Notification.objects.exists()

    def test_partners_in_different_zones_are_reminded_at_their_own_times(
        self, space, alice, bob
    ):
        self.choose(alice, dt.time(21, 0), "America/New_York")
        self.choose(bob, dt.time(21, 0), "Asia/Tokyo")
        # 12:05 UTC is 21:05 in Tokyo and 07:05 in New York.
        with at(dt.datetime(2026, 5, 4, 12, 5, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 1
        assert Notification.objects.get().user == bob
        # 01:05 UTC the next day is 21:05 in New York.
        with at(dt.datetime(2026, 5, 5, 1, 5, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 1
        assert Notification.objects.filter(user=alice).count() == 1

    def test_a_time_skipped_by_dst_still_reminds_once(self, space, alice):
        self.choose(alice, dt.time(2, 30), "Europe/Berlin")
        # 29 March 2026: 02:00 jumps to 03:00; 01:00 UTC is 03:00 CEST.
        with at(dt.datetime(2026, 3, 29, 0, 55, tzinfo=dt.UTC)):  # 01:55 CET
            assert tasks.remind_pulse.call() == 0
        with at(dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 1
        with at(dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 0

    def test_a_time_repeated_by_dst_reminds_once(self, space, alice):
        self.choose(alice, dt.time(2, 30), "Europe/Berlin")
        # 25 October 2026: 02:30 happens at 00:30 UTC and again at 01:30 UTC.
        with at(dt.datetime(2026, 10, 25, 0, 35, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 1
        with at(dt.datetime(2026, 10, 25, 1, 35, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 0
        assert Notification.objects.count() == 1

    def test_no_reminder_without_a_space(self, eve):
        self.choose(eve, dt.time(9, 0), "UTC")
        with at(dt.datetime(2026, 1, 12, 9, 5, tzinfo=dt.UTC)):
            assert tasks.remind_pulse.call() == 0


def test_the_dashboard_prompts_for_todays_pulse_until_answered(
    space, alice, alice_client
):
    assert 'data-testid="pulse-prompt"' in alice_client.get("/").text
    services.pulse_record(space=space, by=alice, answers={"faith": 5})
    page = alice_client.get("/").text
    assert 'data-testid="pulse-prompt"' not in page
    assert "Done for today" in page


def test_the_derivation_page_exists(space, alice_client):
    page = alice_client.get("/checkins/pulse/how").text
    for anchor in ("predictability", "dependability", "faith", "responsiveness"):
        assert f'id="{anchor}"' in page
