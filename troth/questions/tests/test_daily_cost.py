"""The daily question's job costs what is due, not how many couples exist
(issue 14): with every couple's question already out, one tick is the same
few queries for one couple and for thirty with a year of history. A couple
is due when their shared day has turned (their NextRound moment has come)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.crowd import crowd
from troth.questions import services
from troth.questions.deck import DECK
from troth.questions.models import NextRound, Round
from troth.questions.tasks import assign_daily_questions, rounds_assign, rounds_due

pytestmark = pytest.mark.django_db

KEYS = [q.key for q in DECK]


def with_history(n: int, *, days: int = 40) -> list:
    """`n` couples, each with a daily round on each of the last `days` days
    and today's, and their next day's start on their NextRound row."""
    couples = crowd(n)
    rounds, clocks = [], []
    now = timezone.now()
    for space, *partners in couples:
        today = services.space_day(space)
        for back in range(days + 1):
            rounds.append(
                Round(
                    space=space,
                    day=today - dt.timedelta(days=back),
                    key=KEYS[back % len(KEYS)],
                    level=1,
                )
            )
        clocks.append(NextRound(space=space, at=services.next_round_at(partners, now)))
    Round.objects.bulk_create(rounds)
    NextRound.objects.bulk_create(clocks)
    return couples


def day_turned(space) -> None:
    """As if the couple's new day had begun: today's round not yet made."""
    Round.objects.filter(space=space, day=services.space_day(space)).delete()
    NextRound.objects.filter(space=space).update(at=timezone.now())


def queries_of_a_tick() -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        made = assign_daily_questions.call()
    return len(captured), made


class TestTheDailyJobsCost:
    def test_with_nothing_due_it_is_one_query_for_one_couple_or_thirty(self):
        with_history(1)
        one, made = queries_of_a_tick()
        assert made == 0
        with_history(29)
        assert Round.objects.values("space").distinct().count() == 30
        thirty, made = queries_of_a_tick()
        assert made == 0
        assert one == thirty == 1

    def test_with_some_due_the_cost_follows_those_only(self):
        few = with_history(2)
        for space, *_partners in few:
            day_turned(space)
        two_of_two, made = queries_of_a_tick()
        assert made == 2
        with_history(28)
        for space, *_partners in few:
            day_turned(space)
        two_of_thirty, made = queries_of_a_tick()
        assert made == 2
        assert two_of_thirty == two_of_two
        # Handled: the next tick is the one query again.
        assert queries_of_a_tick() == (1, 0)

    def test_each_due_couple_gets_exactly_one_question_whoever_runs_it(self):
        couples = with_history(3)
        space, *_partners = couples[1]
        day_turned(space)
        assert [row.space for row in rounds_due()] == [space]
        # Two workers that both found the space make one round between them.
        first, second = rounds_due(), rounds_due()
        assert rounds_assign(first) == 1
        assert rounds_assign(second) == 0
        today = services.space_day(space)
        assert Round.objects.filter(space=space, day=today).count() == 1
        assert rounds_due() == []

    def test_a_couple_whose_day_has_not_come_for_both_is_not_due(self):
        ((space, alice, bob),) = crowd(1)
        now = dt.datetime(2026, 1, 11, 3, 0, tzinfo=dt.UTC)
        alice.timezone = "America/Los_Angeles"
        alice.save()
        bob.timezone = "Pacific/Auckland"
        bob.save()
        # 19:00 on the 10th in Los Angeles: the couple's day is the 10th; the
        # 11th begins at midnight in Los Angeles, 08:00 UTC.
        at = services.next_round_at([alice, bob], now)
        assert at == dt.datetime(2026, 1, 11, 8, 0, tzinfo=dt.UTC)
        NextRound.objects.update_or_create(space=space, defaults={"at": at})
        assert rounds_due(now) == []
        later = now + dt.timedelta(hours=5)
        assert [row.space for row in rounds_due(later)] == [space]

    def test_a_partner_with_a_zone_name_no_longer_known_counts_as_utc(self):
        ((space, alice, bob),) = crowd(1)
        type(alice).objects.filter(pk=alice.pk).update(timezone="Mars/Olympus")
        alice.refresh_from_db()
        bob.timezone = "UTC"
        bob.save()
        now = dt.datetime(2026, 1, 11, 3, 0, tzinfo=dt.UTC)
        assert services.next_round_at([alice, bob], now) == dt.datetime(
            2026, 1, 12, tzinfo=dt.UTC
        )

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans")
    def test_on_postgresql_the_due_lookup_uses_an_index(self):
        with_history(5)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            query = NextRound.objects.filter(at__lte=timezone.now()).order_by("at")
            sql, params = query.query.sql_with_params()
            cursor.execute("SET enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "questions_next_round_due" in plan
        assert "Seq Scan on questions_nextround" not in plan
