"""The demo couple's six months of disagreements."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest
from django.utils import timezone

from conftest import make_space, make_user
from troth.conflicts import demo, stats
from troth.conflicts.models import Conflict, ConflictView
from troth.demo import Demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def couple():
    alex, sam = make_user("alex"), make_user("sam")
    space = make_space(alex, sam)
    return Demo(
        space=space, alex=alex, sam=sam, now=timezone.now(), rng=random.Random(7)
    )


def test_it_fills_six_months_realistically(couple):
    demo.populate(couple)
    conflicts = list(Conflict.objects.all())
    months = Counter((c.occurred_at.year, c.occurred_at.month) for c in conflicts)
    assert len(months) >= 6
    assert all(1 <= count <= 8 for count in months.values())
    views = Counter(ConflictView.objects.values_list("conflict_id", flat=True))
    both = sum(1 for count in views.values() if count == 2)
    assert both > len(conflicts) / 2  # most have a view from both
    shared = Conflict.objects.shared_by_both().count()
    assert shared > len(conflicts) / 3  # many are in the shared log
    first = couple.start.date().replace(day=1)
    summary = stats.conflicts_summary(couple.space, start=couple.start, end=couple.now)
    assert summary.repaired > summary.shared / 2  # most are repaired
    assert (
        sum(
            stats.shared_counts_by_month(
                couple.space, first_month=first, last_month=date.today()
            ).values()
        )
        == shared
    )
    # A partner's view only ever sits on a conflict its logger shared.
    for view in ConflictView.objects.select_related("conflict"):
        if view.author_id != view.conflict.author_id:
            assert view.conflict.is_shared
