"""The questions' part of the monthly trust audit (found by troth.lib.hooks;
see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

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


def rows(figures: dict, people: list[str], add) -> None:
    q = figures.get("questions") or {}
    if q:
        # In the same section as the moments, just after them.
        add.ours(
            "questions.answered_together",
            _("Closeness"),
            _("Questions you both answered"),
            q["answered_together"],
        )
