"""The dialogue card: written dialogues where it is my turn, or on a break.
One query; shown only when there is something."""

from __future__ import annotations

from troth.dialogue.models import Dialogue, Mode, Status


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
    return [{"template": "dialogue/card.html", "order": 35, "card": context, **context}]
