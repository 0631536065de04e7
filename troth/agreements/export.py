"""A person's agreements for their export: every agreement of theirs or
shared with them, each clause with every version, and the history."""

from __future__ import annotations

from troth.agreements.models import Agreement, AgreementEvent, ClauseVersion
from troth.lib.export import when


def export(user) -> dict:
    agreements = list(
        Agreement.objects.visible_to(user).select_related("author").order_by("created")
    )
    versions: dict[int, list[ClauseVersion]] = {}
    for version in (
        ClauseVersion.objects.filter(agreement__in=agreements)
        .select_related("author", "decided_by", "clause")
        .order_by("clause__position", "clause_id", "number")
    ):
        versions.setdefault(version.agreement_id, []).append(version)
    events: dict[int, list[AgreementEvent]] = {}
    for event in (
        AgreementEvent.objects.filter(agreement__in=agreements)
        .select_related("actor")
        .order_by("created", "id")
    ):
        events.setdefault(event.agreement_id, []).append(event)
    return {
        "agreements": [
            {
                "title": a.title,
                "topic": a.topic,
                "status": a.status,
                "version": a.version,
                "proposed_by": str(a.author),
                "proposed_at": when(a.created),
                "active_since": when(a.activated_at),
                "review_on": when(a.review_on),
                "ends_on": when(a.ends_on),
                "ended_at": when(a.ended_at),
                "clause_versions": [
                    {
                        "clause": v.clause.position,
                        "number": v.number,
                        "text": v.text or "",
                        "removal": v.removal,
                        "by": str(v.author),
                        "at": when(v.created),
                        "state": v.state,
                        "answered_by": str(v.decided_by) if v.decided_by else None,
                        "answered_at": when(v.decided_at),
                    }
                    for v in versions.get(a.pk, [])
                ],
                "history": [
                    {
                        "what": e.kind,
                        "by": str(e.actor) if e.actor else None,
                        "at": when(e.created),
                        "version": e.agreement_version,
                        "date": when(e.on_date),
                    }
                    for e in events.get(a.pk, [])
                ],
            }
            for a in agreements
        ]
    }
