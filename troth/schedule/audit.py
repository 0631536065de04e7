"""The rituals' part of the monthly trust audit (found by troth.lib.hooks;
see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from troth.schedule.stats import ritual_follow_through

ORDER = 30


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """How the couple's ritual dates in the period went."""
    rituals = ritual_follow_through(space, start, end, now=now)
    return {
        "rituals": {
            "occurrences": rituals.occurrences,
            "happened": rituals.happened,
            "did_not": rituals.did_not,
            "differ": rituals.differ,
            "unmarked": rituals.unmarked,
            "cancelled": rituals.cancelled,
        }
    }
