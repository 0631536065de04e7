"""The moments' part of the monthly trust audit (found by troth.lib.hooks;
see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from troth.lib.time import local_days
from troth.moments.stats import moments_by_period

ORDER = 50


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """Moments a partner noticed about the other, counted as the other sees
    them (a moment about the partner is always shared with them)."""
    moments = {}
    for person in partners:
        viewer = next((q for q in partners if q.pk != person.pk), None)
        if viewer is None:
            continue
        first, last = local_days(start, end, viewer.tz)
        periods = moments_by_period(
            user=viewer, space=space, start=first, end=last, period="month"
        )
        moments[str(person.pk)] = sum(p.noticed_about_me for p in periods)
    return {"moments": moments}


def rows(figures: dict, people: list[str], add) -> None:
    section = _("Closeness")
    for uid in people:
        if uid in (figures.get("moments") or {}):
            add.mine(
                f"moments.{uid}",
                section,
                _("Moments noticed"),
                figures["moments"][uid],
                uid,
            )
