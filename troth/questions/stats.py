"""Figures about questions answered in turn, for the audit and insights.

Each function counts only what the viewer may see and runs one query,
however many questions there are. Counts of the partner's answers are only
ever of revealed rounds (where both answered): an unrevealed answer is not
counted, so not even its existence leaks through a figure. The derivation
is docs/figures/questions-answered.md; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth, TruncWeek

from troth.lib.periods import period_starts
from troth.questions.models import Answer, Round

DOC = "questions-answered.md"


@dataclass(frozen=True)
class QuestionCounts:
    start: dt.date  # first day of the week (Monday) or month
    asked: int  # questions put to the space (daily and picked)
    answered_together: int  # revealed: both answered
    passed: int  # closed by a pass, nothing revealed
    i_answered: int  # questions the viewer answered (revealed or not)

    @property
    def still_open(self) -> int:
        return self.asked - self.answered_together - self.passed


def questions_by_period(
    *, user, space, start: dt.date, end: dt.date, period: str = "month"
) -> list[QuestionCounts]:
    """Questions of the space's days from `start` to `end` (inclusive), per
    week or month, with empty periods as zeros. One query."""
    trunc = TruncWeek if period == "week" else TruncMonth
    mine = Answer.objects.filter(round=OuterRef("pk"), author=user)
    rows = (
        Round.objects.visible_to(user)
        .filter(space=space, day__range=(start, end))
        .annotate(period=trunc("day"), mine=Exists(mine))
        .values("period")
        .annotate(
            asked=Count("id"),
            answered_together=Count("id", filter=Q(revealed_at__isnull=False)),
            passed=Count("id", filter=Q(passed_at__isnull=False)),
            i_answered=Count("id", filter=Q(mine=True)),
        )
        .order_by("period")
    )
    found = {}
    for values in rows:
        row = dict(values)
        key = row.pop("period")
        if isinstance(key, dt.datetime):
            key = key.date()
        found[key] = row
    empty = {"asked": 0, "answered_together": 0, "passed": 0, "i_answered": 0}
    return [
        QuestionCounts(start=s, **found.get(s, empty))
        for s in period_starts(start, end, period)
    ]


def answered_together_total(*, user, space, start: dt.date, end: dt.date) -> int:
    """How many questions both partners answered, from `start` to `end`."""
    return (
        Round.objects.visible_to(user)
        .filter(space=space, day__range=(start, end), revealed_at__isnull=False)
        .count()
    )
