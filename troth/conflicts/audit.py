"""The disagreements' part of the monthly trust audit (found by
troth.lib.hooks; see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from django.utils.translation import gettext as _

from troth.conflicts.stats import conflicts_summary

ORDER = 70


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """Disagreements both partners shared a view of, and how many were repaired."""
    return {"conflicts": asdict(conflicts_summary(space, start=start, end=end))}


def rows(figures: dict, people: list[str], add) -> None:
    c = figures.get("conflicts") or {}
    section = _("Disagreements (shared log)")
    if c:
        add.ours("conflicts.shared", section, _("Shared by both"), c["shared"])
        add.ours("conflicts.repaired", section, _("Of those, repaired"), c["repaired"])
