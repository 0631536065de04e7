"""The promises card: what needs me now, and what I promised that is due soon."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext

from troth.lib.needs import Need, count_text
from troth.promises.models import Promise, State
from troth.spaces.firstrun import Step

DUE_SOON = timedelta(hours=48)
SHOWN = 5


def cards(request, membership) -> list[dict]:
    user = request.user
    now = timezone.now()
    base = (
        Promise.objects.visible_to(user)
        .filter(space=membership.space)
        .select_related("author", "promisee")
    )
    # One query each, whatever the number of promises: a slice one longer
    # than shown tells whether there are more.
    needing = list(base.needing(user).order_by("due_at", "id")[: SHOWN + 1])
    due_soon = list(
        base.made_by(user)
        .filter(state=State.OPEN, due_at__gt=now, due_at__lte=now + DUE_SOON)
        .order_by("due_at", "id")[: SHOWN + 1]
    )
    return [
        {
            "template": "promises/card.html",
            "order": 10,
            "card": {
                "needing": needing[:SHOWN],
                "more_needing": len(needing) > SHOWN,
                "due_soon": due_soon[:SHOWN],
                "more_due_soon": len(due_soon) > SHOWN,
                "can_make": membership.space.is_open,
            },
            "needs": [
                Need(
                    ngettext(
                        "%(n)s promise needs you",
                        "%(n)s promises need you",
                        len(needing),
                    )
                    % {"n": count_text(len(needing), SHOWN)},
                    reverse("promises:index") + "?show=needs",
                )
            ]
            if needing
            else [],
        }
    ]


def first_steps(membership) -> list[Step]:
    """For the first-run checklist: a first promise of one's own."""
    made = Promise.objects.filter(space=OuterRef("space"), author_id=membership.user_id)
    return [
        Step(
            "promise", gettext_lazy("A first promise"), "promises:new", 20, Exists(made)
        )
    ]
