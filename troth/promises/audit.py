"""The promises' part of the monthly trust audit (found by troth.lib.hooks;
see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from troth.promises.stats import promise_figures

ORDER = 10


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """Each partner's promises due in the period and how they ended."""
    promises = {}
    for person in partners:
        f = promise_figures(space, person, start, end)
        promises[str(person.pk)] = {
            "due": f.due,
            "kept": f.kept,
            "not_quite": f.not_quite,
            "missed": f.missed,
            "renegotiated": f.renegotiated,
            "waiting": f.waiting,
        }
    return {"promises": promises}
