"""The goals' part of the monthly trust audit (found by troth.lib.hooks;
see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from troth.goals.stats import goals_moved

ORDER = 80


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """Steps done (in all and by whom) and goals and adventures finished."""
    goals = goals_moved(space, start=start, end=end)
    return {
        "goals": {
            "steps_done": goals.milestones_completed,
            "steps_by_owner": {
                str(uid): n for uid, n in goals.milestones_by_owner.items()
            },
            "goals_finished": goals.goals_finished,
            "adventures_finished": goals.adventures_finished,
        }
    }
