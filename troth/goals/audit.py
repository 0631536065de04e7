"""The goals' part of the monthly trust audit (found by troth.lib.hooks;
see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

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


def rows(figures: dict, people: list[str], add) -> None:
    g = figures.get("goals") or {}
    section = _("Goals and adventures")
    if g:
        add.ours("goals.steps_done", section, _("Steps done in all"), g["steps_done"])
        for uid in people:
            n = (g.get("steps_by_owner") or {}).get(uid)
            if n:
                add.mine(f"goals.steps.{uid}", section, _("Steps done"), n, uid)
        add.ours(
            "goals.finished",
            section,
            _("Goals and adventures finished"),
            g["goals_finished"] + g["adventures_finished"],
        )
