"""The questions' part of the monthly trust audit (found by troth.lib.hooks;
see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from troth.lib.time import space_today
from troth.questions.stats import answered_together_total

ORDER = 60


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """Questions by the space's day they were asked (`question-day.md`),
    counted once both answered."""
    questions = 0
    if partners:
        questions = answered_together_total(
            user=partners[0],
            space=space,
            start=space_today(partners, start),
            end=space_today(partners, end - dt.timedelta(microseconds=1)),
        )
    return {"questions": {"answered_together": questions}}
