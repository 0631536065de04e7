"""The first-run checklist on Today: six first steps for a new couple.

Each step is ticked from what the person did where Troth can tell (the
partner joined, a promise made, a question answered, a calendar link made,
notification settings saved); the rest (the safety tour, and any step the
person would rather skip) they tick by hand. The checklist shows while the
person is new to the space (NEW_FOR), until every step is ticked or they put
it away; both are remembered on their Membership, so each partner has their
own. One query, whatever the history: every "did they" is an EXISTS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from troth.spaces.membership import membership_required
from troth.spaces.models import Membership

NEW_FOR = timedelta(days=30)


@dataclass(frozen=True)
class Step:
    key: str
    text: str | LazyText
    url_name: str
    # Troth can tell from data; otherwise the person ticks it by hand.
    derived: bool = True


STEPS = [
    Step("invite", gettext_lazy("Invite your partner"), "spaces:invite"),
    Step("promise", gettext_lazy("A first promise"), "promises:new"),
    Step("question", gettext_lazy("Today's question"), "questions:index"),
    Step(
        "calendar",
        gettext_lazy("Calendar in your phone"),
        "schedule:subscribe",
    ),
    Step(
        "notifications",
        gettext_lazy("How you want to be told"),
        "notifications:settings",
    ),
    Step("safety", gettext_lazy("A short safety tour"), "safety:index", False),
]
KEYS = {step.key for step in STEPS}


def _done(membership: Membership) -> dict[str, bool]:
    """What the person did, in one query."""
    from troth.notifications.models import NotificationSettings
    from troth.promises.models import Promise
    from troth.questions.models import Answer
    from troth.schedule.models import FeedToken

    user_id = membership.user_id
    row = (
        Membership.objects.filter(pk=membership.pk)
        .annotate(
            partner=Exists(
                Membership.objects.filter(
                    space=OuterRef("space"), left_at__isnull=True
                ).exclude(user_id=user_id)
            ),
            promise=Exists(
                Promise.objects.filter(space=OuterRef("space"), author_id=user_id)
            ),
            question=Exists(Answer.objects.filter(author_id=user_id)),
            calendar=Exists(
                FeedToken.objects.filter(Q(revoked_at__isnull=True), user_id=user_id)
            ),
            notifications=Exists(NotificationSettings.objects.filter(user_id=user_id)),
        )
        .values("partner", "promise", "question", "calendar", "notifications")
        .first()
    ) or {}
    return {
        "invite": bool(row.get("partner")),
        "promise": bool(row.get("promise")),
        "question": bool(row.get("question")),
        "calendar": bool(row.get("calendar")),
        "notifications": bool(row.get("notifications")),
        "safety": False,
    }


def checklist(request, membership: Membership) -> dict | None:
    """The checklist for Today, or None when it is not shown."""
    if membership.firstrun_dismissed_at is not None or not membership.space.is_open:
        return None
    if timezone.now() - membership.joined_at > NEW_FOR:
        return None
    done = _done(membership)
    ticked = set(membership.firstrun_ticked or ())
    steps = [
        {
            "key": step.key,
            "text": step.text,
            "url": reverse(step.url_name),
            "done": done[step.key] or step.key in ticked,
            # The partner joining is theirs to do; the rest can be skipped.
            "can_tick": step.key != "invite",
        }
        for step in STEPS
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
    if key not in KEYS or key == "invite":
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
