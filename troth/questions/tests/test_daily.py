"""One question a day for each space, on the space's shared day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from conftest import make_space, make_user, run_tasks
from troth.lib.clock import all_jobs
from troth.questions import services
from troth.questions.deck import DECK_BY_KEY, deck_for
from troth.questions.models import NextRound, Round
from troth.questions.tasks import assign_daily_questions

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


class TestTheSpacesDay:
    def test_it_is_the_earliest_of_the_partners_dates(self, alice, bob, space):
        alice.timezone = "Europe/London"
        bob.timezone = "Asia/Tokyo"
        alice.save()
        bob.save()
        space = type(space).objects.get(pk=space.pk)
        # 23:30 in London on the 10th is 08:30 on the 11th in Tokyo.
        assert services.space_day(space, at(2026, 1, 10, 23, 30)) == dt.date(
            2026, 1, 10
        )
        # Half an hour later it is the 11th for both.
        assert services.space_day(space, at(2026, 1, 11, 0, 30)) == dt.date(2026, 1, 11)

    def test_far_apart_zones_still_share_one_day(self, alice, bob, space):
        alice.timezone = "America/Los_Angeles"
        bob.timezone = "Pacific/Auckland"
        alice.save()
        bob.save()
        space = type(space).objects.get(pk=space.pk)
        # 19:00 on the 10th in LA is already afternoon on the 11th in Auckland.
        assert services.space_day(space, at(2026, 1, 11, 3, 0)) == dt.date(2026, 1, 10)
        assert services.space_day(space, at(2026, 1, 11, 8, 0)) == dt.date(2026, 1, 11)


class TestTheDailyJob:
    def test_it_gives_each_complete_open_space_one_question(self, alice, bob, space):
        lonely = make_space(make_user("frank"))
        closed = make_space(make_user("gina"), make_user("hugo"))
        closed.closed_at = timezone.now()
        closed.save()
        # As joining and leaving do (receivers.py): the job looks at each.
        services.round_clock_reset(space_ids=[space.pk, lonely.pk, closed.pk])
        assert assign_daily_questions.call() == 1
        assert Round.objects.filter(space=space).count() == 1
        assert not Round.objects.filter(space__in=[lonely, closed]).exists()
        # Only the complete open space is looked at again, when its day turns.
        assert list(NextRound.objects.values_list("space", flat=True)) == [space.pk]

    def test_it_is_idempotent(self, alice, bob, space):
        services.round_clock_reset(space_ids=[space.pk])
        assign_daily_questions.call()
        assign_daily_questions.call()
        assign_daily_questions.enqueue()
        run_tasks()
        services.round_for_day(space=space)
        assert Round.objects.filter(space=space).count() == 1

    def test_it_is_on_the_clock(self):
        assert any(job.task is assign_daily_questions for job in all_jobs())

    def test_the_questions_page_makes_todays_question_if_the_job_has_not(
        self, alice, bob, space, alice_client
    ):
        body = alice_client.get("/questions/").content.decode()
        round = Round.objects.get()
        assert round.text in body.replace("&#x27;", "'")


class TestTheDeckOrder:
    def test_no_question_repeats_until_the_choice_is_used_up(self, alice, bob, space):
        services.levels_set(space=space, by=alice, levels=[1])
        services.packs_set(space=space, by=alice, packs=["money"])
        chosen = {q.key for q in deck_for([1], ["money"])}
        start = dt.date(2026, 1, 1)
        keys = [
            services.round_for_day(space=space, day=start + dt.timedelta(days=n)).key
            for n in range(len(chosen))
        ]
        assert set(keys) == chosen and len(keys) == len(chosen)
        again = services.round_for_day(
            space=space, day=start + dt.timedelta(days=len(chosen))
        )
        assert again.key == keys[0]  # a second pass begins with the first

    def test_the_couples_own_questions_come_first(self, alice, bob, space):
        own = services.own_question_create(
            space=space, by=bob, text="What did you dream about?", level=1
        )
        round = services.round_for_day(space=space, day=dt.date(2026, 2, 1))
        assert round.own == own and round.text == "What did you dream about?"
        nxt = services.round_for_day(space=space, day=dt.date(2026, 2, 2))
        assert nxt.own is None

    def test_the_chosen_levels_apply_from_the_next_question(self, alice, bob, space):
        services.levels_set(space=space, by=alice, levels=[1])
        first = services.round_for_day(space=space, day=dt.date(2026, 3, 1))
        services.levels_set(space=space, by=alice, levels=[3])
        same = services.round_for_day(space=space, day=dt.date(2026, 3, 1))
        nxt = services.round_for_day(space=space, day=dt.date(2026, 3, 2))
        assert first == same and first.level == 1
        assert nxt.level == 3 and DECK_BY_KEY[nxt.key].level == 3

    def test_picked_questions_count_as_asked(self, alice, bob, space):
        services.levels_set(space=space, by=alice, levels=[1])
        services.packs_set(space=space, by=alice, packs=["memories"])
        picked = services.round_pick(space=space, by=alice, key="1.past.1")
        assert picked.origin == "picked"
        for n in range(len(deck_for([1], ["memories"])) - 1):
            round = services.round_for_day(
                space=space, day=dt.date(2026, 4, 1) + dt.timedelta(days=n)
            )
            assert round.key != "1.past.1"
