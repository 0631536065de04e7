"""The audit card: an open audit that waits for me (near the top), or else
the next audit day (further down). The audit day, the open audit and which
months have one are among Today's facts; one query more, only while an
audit is open (where each of us is with it)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.audits import services
from troth.audits.models import Audit, AuditSettings, Reflection
from troth.lib.compiled import compiled
from troth.lib.needs import Need
from troth.lib.time import space_today
from troth.spaces.dashboard import exists, today_facts, value_of

NEEDS_ME = 15
QUIET = 70
# How many months services.next_audit_date looks at, from this one.
MONTHS_AHEAD = 3


def _months(space) -> list:
    first = space_today(space.partners, timezone.now()).replace(day=1)
    return [services.add_months(first, n) for n in range(MONTHS_AHEAD)]


def facts(request, membership) -> dict:
    space = membership.space
    if not space.is_open:
        return {}
    # The latest three audits; the newest of them still open is shown.
    # Compiled once for the five facts that ask of them.
    recent = compiled(
        Audit.objects.visible_to(request.user)
        .filter(space=space)
        .order_by("-month")
        .values("pk")[:3]
    )
    opened = Audit.objects.filter(pk__in=recent, closed_at__isnull=True).order_by(
        "-month"
    )
    return {
        # Never empty when the couple chose a day: no day is no settings row.
        "audits_day": value_of(
            AuditSettings.objects.filter(space=space).order_by("id"), "day"
        ),
        "audits_open": value_of(opened, "pk"),
        "audits_open_month": value_of(opened, "month"),
        **{
            f"audits_done_{m:%Y_%m}": exists(
                Audit.objects.filter(pk__in=recent, month=m)
            )
            for m in _months(space)
        },
    }


def cards(request, membership) -> list[dict]:
    user = request.user
    space = membership.space
    if not space.is_open:
        return []
    known = today_facts(request, membership)
    open_audit = None
    mine = theirs = None
    if known["audits_open"] is not None:
        open_audit = {
            "pk": known["audits_open"],
            "month": known["audits_open_month"],
            "closed_at": None,
        }
        for author_id, signed_off_at in Reflection.objects.filter(
            audit_id=open_audit["pk"]
        ).values_list("author_id", "signed_off_at"):
            state = "signed" if signed_off_at else "written"
            if author_id == user.pk:
                mine = state
            else:
                theirs = state
    next_date = None
    if known["audits_day"] is not None:
        done = {m for m in _months(space) if known.get(f"audits_done_{m:%Y_%m}")}
        today = space_today(space.partners, timezone.now())
        next_date = services.next_audit_date(known["audits_day"], today, done)
    needs_me = open_audit is not None and mine != "signed"
    return [
        {
            "template": "audits/card.html",
            "order": NEEDS_ME if needs_me else QUIET,
            "card": {
                "open": open_audit,
                "mine": mine,
                "theirs": theirs,
                "partner": space.partner_of(user),
                "settings": known["audits_day"] is not None,
                "next_date": next_date,
            },
            "needs": [
                Need(
                    _("Your trust audit is waiting for you"),
                    reverse("audits:detail", args=[open_audit["pk"]]),
                )
            ]
            if needs_me and open_audit is not None
            else [],
        }
    ]
