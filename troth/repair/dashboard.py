"""The repair card: open repairs and whose step it is. Shared facts only,
one query; nobody's private notes or check-ins are ever read here."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.lib.needs import Need
from troth.repair.models import Repair


def cards(request, membership) -> list[dict]:
    repairs = list(
        Repair.objects.visible_to(request.user)
        .filter(space=membership.space)
        .open()
        .order_by("-created", "-id")[:5]
    )
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
