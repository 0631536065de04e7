"""The repair paths' part of the monthly trust audit (found by
troth.lib.hooks; see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.repair.progress import repairs_in_period

ORDER = 90
# Shown between closeness and disagreements, though drafted last: the
# snapshot's keys (which the export shows) keep the order they had.
ROWS_ORDER = 65


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """Where the couple's repair paths stand, for the repairs open at some
    moment of the period; nothing when there was none, so a couple without
    one sees no repair section. Only the shared parts of a repair are read:
    never a private note, check-in or therapy log."""
    if not partners:
        return {}
    progress = repairs_in_period(space=space, viewer=partners[0], start=start, end=end)
    if not progress:
        return {}
    return {
        "repair": {
            "open": len(progress),
            "heard": sum(1 for p in progress if p.heard),
            "resolved": sum(
                1
                for p in progress
                if p.repair.resolved_at and start <= p.repair.resolved_at < end
            ),
            "plan_kept": sum(p.promises.kept for p in progress),
            "plan_not_quite": sum(p.promises.not_quite for p in progress),
            "plan_missed": sum(p.promises.missed for p in progress),
            "plan_waiting": sum(p.promises.waiting for p in progress),
        }
    }


LABELS = {
    "open": gettext_lazy("Repair paths open"),
    "heard": gettext_lazy("Of those, the hurt partner felt heard"),
    "resolved": gettext_lazy("Closed this month"),
    "plan_kept": gettext_lazy("Plan promises kept (so far)"),
    "plan_not_quite": gettext_lazy("Plan promises not quite kept"),
    "plan_missed": gettext_lazy("Plan promises missed"),
    "plan_waiting": gettext_lazy("Plan promises waiting to be confirmed"),
}


def rows(figures: dict, people: list[str], add) -> None:
    rp = figures.get("repair")
    if rp:
        section = _("Repair")
        for key, value in rp.items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                add.ours(
                    f"repair.{key}",
                    section,
                    str(LABELS.get(key, key.replace("_", " ").capitalize())),
                    value,
                )
