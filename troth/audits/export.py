"""The trust audit in the personal export (see troth/lib/export.py).

    {"audit_day": int | None,
     "audits": [{"month", "period_start", "period_end", "drafted", "closed",
                 "figures": {...},   # the frozen snapshot; per-person parts
                                     # keyed "me" / "partner"
                 "reflections": [{"from": "me"|"partner", "went_well",
                                  "differently", "need", "signed_off"}],
                 "commitments": [{"from": "me"|"partner", "text", "due_date",
                                  "became_promise"}]}]}

A partner's reflection appears only if the person may read it (both had
written theirs, and the partner still shares it); never a private one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from troth.audits.models import Audit, AuditSettings, Commitment, Reflection
from troth.lib.export import when


def _for_reader(figures: dict, user) -> dict:
    """The snapshot keys per-person parts by account number; in the archive
    they read "me" and "partner", like everything else in it."""
    people = [str(pk) for pk in figures.get("people", [])]
    label = {pk: ("me" if pk == str(user.pk) else "partner") for pk in people}

    def relabel(value):
        if isinstance(value, dict):
            if value and set(value) <= set(label):
                return {label[k]: relabel(v) for k, v in value.items()}
            return {k: relabel(v) for k, v in value.items()}
        if isinstance(value, list):
            return [relabel(v) for v in value]
        return value

    relabelled = relabel({k: v for k, v in figures.items() if k != "people"})
    if people:
        relabelled["people"] = [label[pk] for pk in people]
    return relabelled


def _by_audit(
    model: type[Reflection] | type[Commitment],
    user,
    ids: list[int],
    fields: Callable[[Any], dict],
) -> dict[int, list[dict]]:
    """The rows of `model` on the audits `ids` that `user` may read, oldest
    first, per audit: who wrote each ("me" or "partner"), then `fields(row)`."""
    found: dict[int, list[dict]] = {}
    rows = model.objects.visible_to(user).filter(audit_id__in=ids)
    for row in rows.order_by("created", "id"):
        found.setdefault(row.audit_id, []).append(
            {"from": "me" if row.author_id == user.pk else "partner", **fields(row)}
        )
    return found


def export(user) -> dict:
    audits = list(Audit.objects.visible_to(user).order_by("month", "id"))
    # Audits of a space the person has left are theirs no more, but their
    # own words in them are.
    own_audit_ids = set(
        Reflection.objects.by(user).values_list("audit_id", flat=True)
    ) | set(Commitment.objects.by(user).values_list("audit_id", flat=True))
    missing = own_audit_ids - {a.pk for a in audits}
    if missing:
        audits += list(Audit.objects.filter(pk__in=missing))
        audits.sort(key=lambda a: (a.month, a.pk))
    ids = [a.pk for a in audits]
    reflections = _by_audit(
        Reflection,
        user,
        ids,
        lambda r: {
            "went_well": r.went_well,
            "differently": r.differently,
            "need": r.need,
            "signed_off": when(r.signed_off_at),
        },
    )
    commitments = _by_audit(
        Commitment,
        user,
        ids,
        lambda c: {
            "text": c.text,
            "due_date": when(c.due_date),
            "became_promise": c.promise_id is not None,
        },
    )
    settings = (
        AuditSettings.objects.filter(
            space__memberships__user=user, space__memberships__left_at__isnull=True
        )
        .values_list("day", flat=True)
        .first()
    )
    return {
        "audit_day": settings,
        "audits": [
            {
                "month": a.month.strftime("%Y-%m"),
                "period_start": when(a.period_start),
                "period_end": when(a.period_end),
                "drafted": when(a.drafted_at),
                "closed": when(a.closed_at),
                "figures": _for_reader(a.figures, user) if a.pk not in missing else {},
                "reflections": reflections.get(a.pk, []),
                "commitments": commitments.get(a.pk, []),
            }
            for a in audits
        ],
    }
