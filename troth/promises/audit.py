"""The promises' part of the monthly trust audit (found by troth.lib.hooks;
see troth/audits/figures.py for the contract)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

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


def rows(figures: dict, people: list[str], add) -> None:
    section = _("Promises")
    for uid in people:
        p = (figures.get("promises") or {}).get(uid)
        if not p:
            continue
        settled = p["kept"] + p["not_quite"] + p["missed"]
        for field, metric in (
            ("due", _("Promises due")),
            ("kept", _("Kept")),
            ("not_quite", _("Not quite")),
            ("missed", _("Missed")),
            ("renegotiated", _("Renegotiated")),
        ):
            add.mine(f"promises.{uid}.{field}", section, metric, p[field], uid)
        add.mine(
            f"promises.{uid}.kept_share",
            section,
            _("Kept, of those settled"),
            round(100 * p["kept"] / settled) if settled else None,
            uid,
            kind="percent",
            part=p["kept"],
            whole=settled,
        )
