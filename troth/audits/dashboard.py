"""The audit card: an open audit that waits for me (near the top), or else
the next audit day (further down). Three queries, whatever the history."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.audits import services
from troth.audits.models import Audit, AuditSettings, Reflection
from troth.lib.needs import Need
from troth.lib.time import space_today

NEEDS_ME = 15
QUIET = 70


def cards(request, membership) -> list[dict]:
    user = request.user
    space = membership.space
    if not space.is_open:
        return []
    now = timezone.now()
    partners = space.partners
    partner = space.partner_of(user)
    settings = AuditSettings.objects.filter(space=space).first()
    recent = list(
        Audit.objects.visible_to(user)
        .filter(space=space)
        .order_by("-month")
        .values("pk", "month", "closed_at")[:3]
    )
    open_audit = next((a for a in recent if a["closed_at"] is None), None)
    mine = theirs = None
    if open_audit is not None:
        for author_id, signed_off_at in Reflection.objects.filter(
            audit_id=open_audit["pk"]
        ).values_list("author_id", "signed_off_at"):
            state = "signed" if signed_off_at else "written"
            if author_id == user.pk:
                mine = state
            else:
                theirs = state
    today = space_today(partners, now)
    next_date = None
    if settings is not None:
        months = {a["month"] for a in recent}
        next_date = services.next_audit_date(settings.day, today, months)
    needs_me = open_audit is not None and mine != "signed"
    return [
        {
            "template": "audits/card.html",
            "order": NEEDS_ME if needs_me else QUIET,
            "card": {
                "open": open_audit,
                "mine": mine,
                "theirs": theirs,
                "partner": partner,
                "settings": settings,
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
