"""When a couple's next daily question is due is kept on a row (NextRound):
it follows a partner joining, leaving and changing time zone, and the turn
of each shared day, so the job gives exactly one question a day per couple,
across DST changes and with two workers."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from conftest import make_user
from troth.lib.time import space_day_start
from troth.questions.models import NextRound, Round
from troth.questions.tasks import assign_daily_questions
from troth.spaces.models import Membership
from troth.spaces.services import (
    invitation_accept,
    invitation_create,
    space_create,
    space_leave,
)

pytestmark = pytest.mark.django_db
UTC = dt.UTC
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(moment: dt.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def next_at(space) -> dt.datetime | None:
    row = NextRound.objects.filter(space=space).first()
    return row.at if row else None


def couple(alice_zone: str = "UTC", bob_zone: str = "UTC"):
    """Alice makes a space and Bob joins it by her invitation, at NOW."""
    alice, bob = make_user("alice"), make_user("bob")
    alice.timezone, bob.timezone = alice_zone, bob_zone
    alice.save()
    bob.save()
    with at(NOW):
        space = space_create(user=alice)
        _invitation, token = invitation_create(space=space, by=alice)
        invitation_accept(token=token, user=bob)
    return space, alice, bob


def test_a_space_waiting_for_its_partner_gets_no_question_until_they_join():
    alice = make_user("alice")
    with at(NOW):
        space = space_create(user=alice)
        assert assign_daily_questions.call() == 0
    assert next_at(space) is None
    with at(NOW + dt.timedelta(hours=1)):
        _invitation, token = invitation_create(space=space, by=alice)
        invitation_accept(token=token, user=make_user("bob"))
        # Joined: due at once.
        assert next_at(space) == NOW + dt.timedelta(hours=1)
        assert assign_daily_questions.call() == 1
    assert Round.objects.filter(space=space, day=NOW.date()).count() == 1
    # Then at the start of the next day (both in UTC).
    assert next_at(space) == dt.datetime(2026, 3, 3, tzinfo=UTC)


def test_the_moment_follows_a_zone_change():
    space, alice, bob = couple("Europe/London", "Europe/London")
    with at(NOW):
        assert assign_daily_questions.call() == 1
    assert next_at(space) == dt.datetime(2026, 3, 3, tzinfo=UTC)
    with at(NOW + dt.timedelta(hours=1)):
        alice.timezone = "America/Los_Angeles"
        alice.save()
        assert next_at(space) == NOW + dt.timedelta(hours=1)
        # Still the 2nd for both: no second question, the next day later.
        assert assign_daily_questions.call() == 0
    assert next_at(space) == dt.datetime(2026, 3, 3, 8, tzinfo=UTC)
    assert Round.objects.filter(space=space).count() == 1


def test_a_partner_leaving_stops_the_questions():
    space, alice, _bob = couple()
    with at(NOW):
        assert assign_daily_questions.call() == 1
        space_leave(membership=Membership.objects.get(user=alice))
    with at(NOW + dt.timedelta(days=1)):
        assert assign_daily_questions.call() == 0
    assert next_at(space) is None
    assert Round.objects.filter(space=space).count() == 1


def test_one_question_a_day_across_dst_changes_and_two_workers():
    # The US moves its clocks on 8 March 2026, Europe on 29 March.
    space, alice, bob = couple("America/New_York", "Europe/Berlin")
    partners = [alice, bob]
    moment = dt.datetime(2026, 3, 5, tzinfo=UTC)
    made_at = {}
    while moment < dt.datetime(2026, 4, 2, tzinfo=UTC):
        with at(moment):
            made = assign_daily_questions.call()
            assert assign_daily_questions.call() == 0  # a second worker
        if made:
            assert made == 1
            made_at[Round.objects.latest("id").day] = moment
        moment += dt.timedelta(minutes=10)
    days = sorted(made_at)
    assert days == [days[0] + dt.timedelta(days=n) for n in range(len(days))]
    # From the 4th (still the day in New York at the first tick) to 1 April.
    assert (days[0], days[-1]) == (dt.date(2026, 3, 4), dt.date(2026, 4, 1))
    for day in days[1:]:
        # Within a tick of the later of the two midnights.
        begins = space_day_start(partners, day)
        assert dt.timedelta(0) <= made_at[day] - begins < dt.timedelta(minutes=10)
    # New York's midnight, 05:00 UTC before its change and 04:00 after.
    assert made_at[dt.date(2026, 3, 6)].hour == 5
    assert made_at[dt.date(2026, 3, 10)].hour == 4


def test_the_demo_couple_gets_the_daily_question_from_the_clock():
    from troth.demo import demo_create

    demo = demo_create()
    assert next_at(demo.space) is not None
    assign_daily_questions.call()
    assert next_at(demo.space) > timezone.now()
