"""The repair paths' part of the monthly trust audit (found by
troth.lib.hooks; see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from troth.repair.progress import repairs_in_period

ORDER = 90


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
