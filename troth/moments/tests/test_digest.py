"""The weekly digest: a page, and a Monday-morning notification."""

from __future__ import annotations

import datetime as dt

import pytest

from troth.lib.clock import all_jobs
from troth.moments import services
from troth.moments.models import Moment
from troth.moments.tasks import digests_send, send_weekly_digests
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db

MONDAY_9_30_LONDON = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)  # GMT in winter


def moment_on(space, author, day, about="partner", **extra):
    moment = services.moment_create(
        space=space, by=author, about=about, kind="listened", **extra
    )
    Moment.objects.filter(pk=moment.pk).update(occurred_on=day)
    return moment


@pytest.fixture
def london(alice, bob):
    for person in (alice, bob):
        person.timezone = "Europe/London"
        person.save()


def test_monday_morning_brings_one_notification_about_last_week(
    london, alice, bob, space
):
    moment_on(space, alice, dt.date(2026, 11, 18))
    assert digests_send(MONDAY_9_30_LONDON) == 2
    assert digests_send(MONDAY_9_30_LONDON) == 0  # a rerun adds nothing
    assert digests_send(MONDAY_9_30_LONDON + dt.timedelta(hours=5)) == 0
    notification = Notification.objects.get(user=bob, kind="moments.digest")
    assert notification.url == "/moments/week/?week=2026-11-16"
    assert notification.message == (
        "Your week in moments: what you noticed, and what was noticed about you."
    )


def test_not_before_nine_nor_on_other_days_nor_for_an_empty_week(
    london, alice, bob, space
):
    moment_on(space, alice, dt.date(2026, 11, 18))
    assert digests_send(MONDAY_9_30_LONDON - dt.timedelta(hours=1)) == 0
    assert digests_send(MONDAY_9_30_LONDON + dt.timedelta(days=1)) == 0
    assert (
        digests_send(MONDAY_9_30_LONDON + dt.timedelta(days=7)) == 0
    )  # nothing that week


def test_a_private_moment_alone_brings_the_digest_only_to_its_author(
    london, alice, bob, space
):
    moment_on(space, alice, dt.date(2026, 11, 18), about="self")
    assert digests_send(MONDAY_9_30_LONDON) == 1
    assert Notification.objects.get().user == alice


def test_each_partner_gets_it_on_their_own_monday(alice, bob, space):
    alice.timezone = "Pacific/Auckland"  # Monday 9:30 there is Sunday 20:30 UTC
    alice.save()
    moment_on(space, bob, dt.date(2026, 11, 18))
    sunday_evening_utc = dt.datetime(2026, 11, 22, 20, 30, tzinfo=dt.UTC)
    assert digests_send(sunday_evening_utc) == 1
    assert Notification.objects.get().user == alice


def test_the_job_is_on_the_clock():
    assert any(job.task is send_weekly_digests for job in all_jobs())


def test_the_week_page_gathers_what_each_noticed(alice, bob, space, alice_client):
    moment_on(space, alice, dt.date(2026, 11, 18), note="You listened")
    moment_on(space, bob, dt.date(2026, 11, 19), note="You showed up")
    moment_on(space, bob, dt.date(2026, 11, 20), about="self", note="Bob private")
    moment_on(space, alice, dt.date(2026, 11, 25), note="Next week")
    body = alice_client.get("/moments/week/?week=2026-11-18").content.decode()
    assert "You noticed Bob" in body and "You listened" in body
    assert "Bob noticed you" in body and "You showed up" in body
    assert "Bob private" not in body and "Next week" not in body
    assert "16 Nov 2026 to 22 Nov 2026" in body
    assert alice_client.get("/moments/week/?week=garbage").status_code == 200
