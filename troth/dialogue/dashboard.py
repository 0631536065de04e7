"""The dialogue card: written dialogues where it is my turn, or on a break.
Shown only when there is something: one query, only when a written
dialogue is going on (one of Today's facts)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.dialogue.models import Dialogue, Mode, Status
from troth.lib.needs import Need
from troth.spaces.dashboard import built_once, exists, today_facts


def _ongoing(request, membership):
    return built_once(
        request,
        "dialogue_ongoing",
        lambda: (
            Dialogue.objects.visible_to(request.user)
            .filter(space=membership.space, mode=Mode.WRITTEN)
            .ongoing()
        ),
    )


def facts(request, membership) -> dict:
    return {"dialogue_ongoing": exists(_ongoing(request, membership))}


def cards(request, membership) -> list[dict]:
    me = request.user
    if not today_facts(request, membership)["dialogue_ongoing"]:
        return []
    dialogues = [
        d
        for d in _ongoing(request, membership)
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
