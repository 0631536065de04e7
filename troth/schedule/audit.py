"""The rituals' part of the monthly trust audit (found by troth.lib.hooks;
see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from troth.schedule.stats import ritual_follow_through

ORDER = 30


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """How the couple's ritual dates in the period went."""
    return {"rituals": ritual_follow_through(space, start, end, now=now).counts()}


def rows(figures: dict, people: list[str], add) -> None:
    r = figures.get("rituals") or {}
    section = _("Rituals")
    if r:
        add.ours("rituals.occurrences", section, _("Ritual dates"), r["occurrences"])
        add.ours("rituals.happened", section, _("Kept (it happened)"), r["happened"])
        add.ours("rituals.did_not", section, _("Didn't happen"), r["did_not"])
