"""What happened to a space's agreements in a period, for the monthly trust
audit (and anything else that looks back). Read-only; two queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from troth.agreements.models import Agreement, AgreementEvent, EventKind

_STARTS_ACTIVE = {EventKind.ACTIVATED, EventKind.RESUMED}
_STARTS_PAUSED = {EventKind.CONSENT_WITHDRAWN}
_ENDS = {EventKind.ENDED, EventKind.LAPSED, EventKind.SET_ASIDE}


@dataclass
class AgreementsPeriod:
    """Agreements of one space seen over [start, end)."""

    start: dt.datetime
    end: dt.datetime
    active: list[Agreement] = field(default_factory=list)
    paused: list[Agreement] = field(default_factory=list)
    due_for_review: list[Agreement] = field(default_factory=list)
    reviewed: list[Agreement] = field(default_factory=list)
    changed: list[Agreement] = field(default_factory=list)
    ended: list[Agreement] = field(default_factory=list)


def _overlaps(a: dt.datetime, b: dt.datetime | None, start, end) -> bool:
    return a < end and (b is None or b > start)


def agreements_in_period(
    *, space, viewer, start: dt.datetime, end: dt.datetime
) -> AgreementsPeriod:
    """Agreements of `space` that `viewer` may see, sorted into:

    - active: in effect at any moment of the period;
    - paused: paused (consent withdrawn) at any moment of the period;
    - due_for_review: active or paused, with their review date in the period;
    - reviewed: marked as reviewed during the period;
    - changed: a new version agreed during the period;
    - ended: ended (by a partner or its time box) during the period.

    An agreement can be in several lists (active, then paused)."""
    result = AgreementsPeriod(start=start, end=end)
    agreements = list(
        Agreement.objects.visible_to(viewer).filter(space=space, created__lt=end)
    )
    if not agreements:
        return result
    events: dict[int, list[AgreementEvent]] = {a.pk: [] for a in agreements}
    for event in AgreementEvent.objects.filter(
        agreement__in=agreements, created__lt=end
    ).order_by("created", "id"):
        events[event.agreement_id].append(event)
    start_day, end_day = start.date(), end.date()
    for agreement in agreements:
        active_from = paused_from = None
        was_active = was_paused = False
        for event in events[agreement.pk]:
            kind = event.kind
            if kind in _STARTS_ACTIVE or kind in _STARTS_PAUSED or kind in _ENDS:
                if active_from is not None:
                    was_active |= _overlaps(active_from, event.created, start, end)
                    active_from = None
                if paused_from is not None and kind not in _STARTS_PAUSED:
                    was_paused |= _overlaps(paused_from, event.created, start, end)
                    paused_from = None
            if kind in _STARTS_ACTIVE:
                active_from = event.created
            elif kind in _STARTS_PAUSED and paused_from is None:
                paused_from = event.created
            if start <= event.created < end:
                if kind == EventKind.REVIEWED and agreement not in result.reviewed:
                    result.reviewed.append(agreement)
                elif kind == EventKind.NEW_VERSION and agreement not in result.changed:
                    result.changed.append(agreement)
                elif kind in _ENDS and agreement not in result.ended:
                    result.ended.append(agreement)
        if active_from is not None:
            was_active |= _overlaps(active_from, None, start, end)
        if paused_from is not None:
            was_paused |= _overlaps(paused_from, None, start, end)
        if was_active:
            result.active.append(agreement)
        if was_paused:
            result.paused.append(agreement)
        if (
            agreement.review_on
            and agreement.status in ("active", "paused")
            and start_day <= agreement.review_on < end_day
        ):
            result.due_for_review.append(agreement)
    return result


# The agreements' part of the monthly trust audit (found by troth.lib.hooks;
# see troth/audits/figures.py for the contract).

ORDER = 20


def figures(space, partners, *, start: dt.datetime, end: dt.datetime, now) -> dict:
    """How many agreements were in effect, due, paused or reviewed."""
    agreements: dict = {}
    if partners:
        period = agreements_in_period(
            space=space, viewer=partners[0], start=start, end=end
        )
        agreements = {
            "active": len(period.active),
            "due_for_review": len(period.due_for_review),
            "paused": len(period.paused),
            "reviewed": len(period.reviewed),
            "changed": len(period.changed),
            "ended": len(period.ended),
        }
    return {"agreements": agreements}


def rows(figures: dict, people: list[str], add) -> None:
    a = figures.get("agreements") or {}
    section = _("Agreements")
    for name, metric in (
        ("active", _("In effect")),
        ("due_for_review", _("Due for review")),
        ("paused", _("Paused")),
        ("reviewed", _("Reviewed")),
    ):
        if name in a:
            add.ours(f"agreements.{name}", section, metric, a[name])
