"""Reminders before target dates.

Once per date: the key names the goal or step and its date, so a rerun, a
restart or a second worker adds nothing, and moving a date to a new one
reminds once more for the new date. "Soon" is in each person's own zone:
partners may live in different ones."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.tasks import task
from django.utils import timezone

from troth.goals.models import Goal, Milestone, Status
from troth.lib.time import local_today
from troth.notifications.models import Notification
from troth.notifications.services import notify
from troth.spaces.models import Membership

GOAL_DAYS = 3  # a goal's target date: remind both partners this many days ahead
STEP_DAYS = 2  # a step's date: remind its owner this many days ahead


def _due_within(target: date, user, days: int) -> bool:
    left = (target - local_today(user.tz)).days
    return 0 <= left <= days


def _told(users, keys) -> set[tuple[int, str]]:
    """(person, key) of the reminders among `keys` already given to `users`:
    one query (by the notifications' unique index), so a reminder given is
    not tried again on every tick of its window."""
    keys = list(keys)
    if not keys:
        return set()
    return set(
        Notification.objects.filter(user__in=users, key__in=keys).values_list(
            "user_id", "key"
        )
    )


@task()
def remind_target_dates() -> int:
    # A coarse window in UTC dates; each person's own day decides below.
    today = timezone.now().date()
    first, last = today - timedelta(days=1), today + timedelta(days=GOAL_DAYS + 1)
    sent = 0
    goals = list(
        Goal.objects.filter(
            kind="goal",
            status=Status.ACTIVE,
            target_date__gte=first,
            target_date__lte=last,
            space__closed_at__isnull=True,
        ).select_related("space")
    )
    members: dict[int, list] = {}
    for membership in (
        Membership.objects.active()
        .filter(space_id__in={goal.space_id for goal in goals})
        .select_related("user")
    ):
        members.setdefault(membership.space_id, []).append(membership.user)
    told = _told(
        [user.pk for users in members.values() for user in users],
        (f"goal.due_soon:{goal.pk}:{goal.target_date}" for goal in goals),
    )
    for goal in goals:
        assert goal.target_date is not None  # the query asks for a date
        key = f"goal.due_soon:{goal.pk}:{goal.target_date.isoformat()}"
        for user in members.get(goal.space_id, []):
            if (user.pk, key) in told:
                continue
            if _due_within(goal.target_date, user, GOAL_DAYS) and notify(
                user=user,
                kind="goal.due_soon",
                key=key,
                target=goal,
                space=goal.space,
            ):
                sent += 1
    step_rows = (
        Milestone.objects.filter(
            done_at__isnull=True,
            goal__status=Status.ACTIVE,
            target_date__gte=first,
            target_date__lte=last,
            space__closed_at__isnull=True,
        )
        .filter(
            Exists(
                Membership.objects.active().filter(
                    space=OuterRef("space"), user=OuterRef("owner")
                )
            )
        )
        .select_related("owner", "space")
    )
    steps = list(step_rows)
    told = _told(
        {step.owner_id for step in steps},
        (f"milestone.due_soon:{step.pk}:{step.target_date}" for step in steps),
    )
    for step in steps:
        assert step.target_date is not None  # the query asks for a date
        key = f"milestone.due_soon:{step.pk}:{step.target_date.isoformat()}"
        if (step.owner_id, key) in told:
            continue
        if _due_within(step.target_date, step.owner, STEP_DAYS) and notify(
            user=step.owner,
            kind="milestone.due_soon",
            key=key,
            target=step,
            space=step.space,
        ):
            sent += 1
    return sent
