"""The repair card: open repairs and whose step it is. Shared facts only,
one query, only when a repair is open (one of Today's facts); nobody's
private notes or check-ins are ever read here."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.lib.needs import Need
from troth.repair.models import Repair
from troth.spaces.dashboard import built_once, exists, today_facts


def _open(request, membership):
    return built_once(
        request,
        "repair_open",
        lambda: (
            Repair.objects.visible_to(request.user)
            .filter(space=membership.space)
            .open()
        ),
    )


def facts(request, membership) -> dict:
    return {"repair_open": exists(_open(request, membership))}


def cards(request, membership) -> list[dict]:
    if not today_facts(request, membership)["repair_open"]:
        return []
    repairs = list(_open(request, membership).order_by("-created", "-id")[:5])
    if not repairs:
        return []
    for repair in repairs:
        repair.mine_to_do = repair.waits_for(request.user)
    repairs.sort(key=lambda repair: not repair.mine_to_do)  # the tile shows the first
    context = {"repairs": repairs}
    needs = [
        Need(_("A repair is waiting for your step"), repair.get_absolute_url())
        for repair in repairs
        if repair.mine_to_do
    ]
    return [
        {
            "template": "repair/card.html",
            "order": 30,
            "card": context,
            "needs": needs,
            **context,
        }
    ]
