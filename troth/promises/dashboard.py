"""The promises card: what needs me now, and what I promised that is due soon."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext

from troth.lib.compiled import compiled
from troth.lib.needs import Need, count_text
from troth.promises.models import Promise, State
from troth.spaces.firstrun import Step

DUE_SOON = timedelta(hours=48)
SHOWN = 5


def cards(request, membership) -> list[dict]:
    """One query, whatever the number of promises: the first few of each
    list (a slice one longer than shown tells whether there are more) are
    picked by two subqueries, each row saying which list it is in (a
    promise can be in both)."""
    user = request.user
    now = timezone.now()
    base = Promise.objects.visible_to(user).filter(space=membership.space)
    first = ("due_at", "id")
    # Each list is compiled once, though it both picks rows and marks them.
    needs_me = compiled(base.needing(user).order_by(*first).values("pk")[: SHOWN + 1])
    soon = compiled(
        base.made_by(user)
        .filter(state=State.OPEN, due_at__gt=now, due_at__lte=now + DUE_SOON)
        .order_by(*first)
        .values("pk")[: SHOWN + 1]
    )
    rows = list(
        base.filter(Q(pk__in=needs_me) | Q(pk__in=soon))
        .annotate(
            is_needing=ExpressionWrapper(
                Q(pk__in=needs_me), output_field=BooleanField()
            ),
            is_due_soon=ExpressionWrapper(Q(pk__in=soon), output_field=BooleanField()),
        )
        .select_related("author", "promisee")
        .order_by(*first)
    )
    needing = [promise for promise in rows if promise.is_needing]
    due_soon = [promise for promise in rows if promise.is_due_soon]
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
