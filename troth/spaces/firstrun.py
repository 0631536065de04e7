"""The first-run checklist on Today: the first steps of a new couple.

Inviting the partner is the space's own step; every other app offers its
steps from its dashboard.py (`first_steps`), so adding one never means
editing this file. Each step is ticked from what the person did where Troth
can tell (the partner joined, a promise made, a question answered, a
calendar link made, notification settings saved); the rest (the safety
tour, and any step the person would rather skip) they tick by hand. The checklist shows while the
person is new to the space (NEW_FOR), until every step is ticked or they put
it away; both are remembered on their Membership, so each partner has their
own. One query, whatever the history: every "did they" is an EXISTS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from troth.lib.hooks import app_modules
from troth.spaces.membership import membership_required
from troth.spaces.models import Membership

NEW_FOR = timedelta(days=30)


@dataclass(frozen=True)
class Step:
    """One first step. An app's dashboard.py offers its own through
    `first_steps(membership) -> list[Step]`; `done` is an EXISTS evaluated
    on the person's Membership row (OuterRef("space") is their space), or
    None when only the person can say (they tick it by hand)."""

    key: str
    text: str | LazyText
    url_name: str
    order: int
    done: Exists | None = None
    # What the step says once done, when its own words would read oddly
    # (the partner who joined never invited anyone).
    done_text: str | LazyText | None = None


def _invite(membership: Membership) -> list[Step]:
    return [
        Step(
            "invite",
            gettext_lazy("Invite your partner"),
            "spaces:invite",
            10,
            Exists(
                Membership.objects.filter(
                    space=OuterRef("space"), left_at__isnull=True
                ).exclude(user_id=membership.user_id)
            ),
            gettext_lazy("You're both here"),
        )
    ]


def steps_for(membership: Membership) -> list[Step]:
    steps = _invite(membership)
    for module in app_modules("dashboard"):
        offer = getattr(module, "first_steps", None)
        if offer is not None:
            steps.extend(offer(membership))
    return sorted(steps, key=lambda step: step.order)


def _done(membership: Membership, steps: list[Step]) -> dict[str, bool]:
    """What the person did, in one query."""
    derived = {step.key: step.done for step in steps if step.done is not None}
    row = (
        Membership.objects.filter(pk=membership.pk)
        .annotate(**{f"did_{key}": done for key, done in derived.items()})
        .values(*(f"did_{key}" for key in derived))
        .first()
    ) or {}
    return {step.key: bool(row.get(f"did_{step.key}")) for step in steps}


def checklist(request, membership: Membership) -> dict | None:
    """The checklist for Today, or None when it is not shown."""
    if membership.firstrun_dismissed_at is not None or not membership.space.is_open:
        return None
    if timezone.now() - membership.joined_at > NEW_FOR:
        return None
    offered = steps_for(membership)
    done = _done(membership, offered)
    ticked = set(membership.firstrun_ticked or ())
    steps = [
        {
            "key": step.key,
            "text": step.done_text
            if step.done_text and (done[step.key] or step.key in ticked)
            else step.text,
            "url": reverse(step.url_name),
            "done": done[step.key] or step.key in ticked,
            # The partner joining is theirs to do; the rest can be skipped.
            "can_tick": step.key != "invite",
        }
        for step in offered
    ]
    finished = sum(1 for step in steps if step["done"])
    if finished == len(steps):
        return None
    return {
        "steps": steps,
        "finished": finished,
        "total": len(steps),
        "open": {step["key"] for step in steps if not step["done"]},
    }


@login_required
@require_POST
@membership_required
def tick(request, membership: Membership):
    """Tick a step by hand (done, or not for us)."""
    key = request.POST.get("step", "")
    if key == "invite" or key not in {step.key for step in steps_for(membership)}:
        messages.error(request, _("That step isn't on the checklist."))
        return redirect("home")
    ticked = list(membership.firstrun_ticked or [])
    if key not in ticked:
        ticked.append(key)
        membership.firstrun_ticked = ticked
        membership.save(update_fields=["firstrun_ticked"])
    return redirect("home")


@login_required
@require_POST
@membership_required
def dismiss(request, membership: Membership):
    """Put the checklist away for this person; their partner keeps theirs."""
    if membership.firstrun_dismissed_at is None:
        membership.firstrun_dismissed_at = timezone.now()
        membership.save(update_fields=["firstrun_dismissed_at"])
    messages.success(
        request,
        _("The checklist is put away. Everything on it stays in the menu."),
    )
    return redirect("home")
