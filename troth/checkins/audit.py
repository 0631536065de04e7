"""The daily pulse's part of the monthly trust audit (found by
troth.lib.hooks; see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from troth.checkins.models import PulseSettings
from troth.checkins.stats import SUBSCALES, pulse_trend
from troth.lib.time import local_days

__all__ = ["ORDER", "SUBSCALES", "figures"]

ORDER = 40


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """Only partners who share their pulse, read as their partner reads it."""
    sharing = set(
        PulseSettings.objects.filter(
            user__in=[p.pk for p in partners], share=True
        ).values_list("user_id", flat=True)
    )
    pulse = {}
    for person in partners:
        viewer = next((q for q in partners if q.pk != person.pk), None)
        if person.pk not in sharing or viewer is None:
            continue
        first, last = local_days(start, end, person.tz)
        trend = pulse_trend(viewer=viewer, subject=person, start=first, end=last)
        if not trend.total_days:
            continue
        pulse[str(person.pk)] = {
            "answered_days": trend.answered_days,
            "total_days": trend.total_days,
            "enough": trend.enough,
            "means": trend.means,
            "weeks": [
                {"start": w.start.isoformat(), "days": w.days, "means": w.means}
                for w in trend.weeks
            ],
        }
    return {"pulse": pulse}
