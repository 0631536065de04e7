"""The daily pulse's part of the monthly trust audit (found by
troth.lib.hooks; see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.checkins.models import PulseSettings
from troth.checkins.stats import SUBSCALES, pulse_trend
from troth.lib.time import local_days

__all__ = ["ORDER", "SUBSCALES", "context", "figures", "rows", "subscale_label"]

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


SUBSCALE_LABELS = {
    "predictability": gettext_lazy("Predictability"),
    "dependability": gettext_lazy("Dependability"),
    "faith": gettext_lazy("Faith"),
    "responsiveness": gettext_lazy("Feeling understood and cared for"),
}


def subscale_label(name: str) -> str:
    return str(SUBSCALE_LABELS.get(name, name))


def rows(figures: dict, people: list[str], add) -> None:
    section = _("Daily pulse (shared only)")
    for uid in people:
        p = (figures.get("pulse") or {}).get(uid)
        if not p:
            continue
        add.mine(
            f"pulse.{uid}.days", section, _("Days answered"), p["answered_days"], uid
        )
        for subscale in SUBSCALES:
            add.mine(
                f"pulse.{uid}.{subscale}",
                section,
                subscale_label(subscale),
                p["means"].get(subscale),
                uid,
                kind="mean",
            )


def context(figures: dict, names: dict[str, str]) -> dict:
    """The audit page's week-by-week pulse tables of the partners who
    share their pulse."""
    shared = figures.get("pulse") or {}
    return {
        "pulse_weeks": [
            {
                "name": names.get(uid, ""),
                "weeks": [
                    {
                        "start": dt.date.fromisoformat(w["start"]),
                        "days": w["days"],
                        "means": [w["means"].get(s) for s in SUBSCALES],
                    }
                    for w in data.get("weeks", [])
                ],
            }
            for uid, data in shared.items()
        ],
        "subscales": [subscale_label(s) for s in SUBSCALES],
        "shared_pulse_names": [names.get(uid, "") for uid in shared],
    }
