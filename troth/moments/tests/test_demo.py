"""The demo couple's closeness: self maps, six months of questions, moments
and a private bid log, built without error and private where it should be."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from troth.demo import Demo
from troth.moments import demo as moments_demo
from troth.moments.models import Bid, Moment
from troth.questions import demo as questions_demo
from troth.questions.models import Answer, Round
from troth.selfmap import demo as selfmap_demo
from troth.selfmap.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(alice, bob, space):
    alice.timezone = "Europe/London"
    alice.save()
    bob.timezone = "Europe/Berlin"
    bob.save()
    made = Demo(
        space=space, alex=alice, sam=bob, now=timezone.now(), rng=random.Random(7)
    )
    for module in (selfmap_demo, questions_demo, moments_demo):
        module.populate(made)
    return made


def test_it_fills_six_months_of_questions_mostly_answered_by_both(demo):
    rounds = Round.objects.filter(space=demo.space)
    assert rounds.count() >= 100
    # A question most days but not every day, in each of the six months.
    today = max(rounds.values_list("day", flat=True))
    for month in range(6):
        days = (
            today - timedelta(days=30 * (month + 1)),
            today - timedelta(days=30 * month),
        )
        asked = rounds.filter(day__gt=days[0], day__lte=days[1]).count()
        assert 10 <= asked <= 26, (month, asked)
    # Going deeper over time, and no question asked twice.
    levels = list(rounds.order_by("day").values_list("level", flat=True))
    assert levels == sorted(levels)
    assert set(levels) == {1, 2, 3}
    assert len(set(rounds.values_list("key", flat=True))) == rounds.count()
    revealed = rounds.filter(revealed_at__isnull=False).count()
    assert revealed / rounds.count() > 0.75
    assert rounds.filter(passed_at__isnull=False).exists()
    waiting = rounds.filter(revealed_at__isnull=True, passed_at__isnull=True)
    assert any(Answer.objects.filter(round=r).count() == 1 for r in waiting)
    # No answer of an unrevealed round reaches the other partner.
    for round in rounds.filter(revealed_at__isnull=True):
        for answer in Answer.objects.filter(round=round):
            other = demo.sam if answer.author_id == demo.alex.pk else demo.alex
            assert not Answer.objects.visible_to(other).filter(pk=answer.pk).exists()


def test_self_maps_have_shared_and_private_entries(demo):
    for person in demo.partners:
        entries = Entry.objects.filter(author=person)
        assert entries.filter(visibility="shared").exists()
        assert entries.filter(visibility="private").exists()


def test_moments_and_the_bid_log_are_in_place(demo):
    assert Moment.objects.filter(space=demo.space).count() > 100
    assert Moment.objects.filter(acknowledged_at__isnull=False).exists()
    recent = timezone.now().date() - timedelta(days=2)
    assert Moment.objects.filter(
        acknowledged_at__isnull=True, occurred_on__gte=recent
    ).exists()
    assert Bid.objects.filter(author=demo.sam).count() > 20
    assert not Bid.objects.visible_to(demo.alex).exists()
    assert not Bid.objects.filter(occurred_at__gt=timezone.now()).exists()


def test_the_demo_pages_render(demo):
    for person in demo.partners:
        client = client_for(person)
        for url in (
            "/",
            "/self/",
            "/self/partner/",
            "/questions/",
            "/questions/history/",
            "/questions/deck/",
            "/moments/",
            "/moments/week/",
            "/moments/bids/",
        ):
            assert client.get(url).status_code == 200, url
