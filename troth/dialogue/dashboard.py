"""The dialogue card: written dialogues where it is my turn, or on a break.
One query; shown only when there is something."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.dialogue.models import Dialogue, Mode, Status
from troth.lib.needs import Need


def cards(request, membership) -> list[dict]:
    me = request.user
    dialogues = [
        d
        for d in Dialogue.objects.visible_to(me)
        .filter(space=membership.space, mode=Mode.WRITTEN)
        .ongoing()
        .select_related("first_sender", "first_receiver")
        .order_by("-updated", "-id")[:10]
        if d.waits_for(me) or d.status == Status.BREAK
    ]
    if not dialogues:
        return []
    context = {"dialogues": dialogues[:5]}
    needs = [
        Need(_("It's your turn in a written dialogue"), d.get_absolute_url())
        for d in dialogues[:5]
        if d.waits_for(me)
    ]
    return [
        {
            "template": "dialogue/card.html",
            "order": 35,
            "card": context,
            "needs": needs,
            **context,
        }
    ]
