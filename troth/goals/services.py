"""Everything that changes goals, adventures, their steps and reflections.

Each function checks that this person may take this step now, does the work
in one transaction, records an Activity and raises ValidationError with a
message for the person when the step is not allowed (nothing changes then).

Goals are the couple's and always shared. Nobody rewrites another person's
words: the one who wrote a goal changes its wording, the owner of a step
ticks it off, and each reflection is its author's.
"""

from __future__ import annotations

from datetime import date, time

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.goals import calendar
from troth.goals.models import (
    BUDGET_MAX,
    REFLECTION_MAX,
    STEP_MAX,
    TITLE_MAX,
    WHY_MAX,
    Goal,
    Kind,
    Milestone,
    Reflection,
    Status,
)
from troth.lib.content import Visibility
from troth.lib.time import local_today
from troth.notifications.models import Notification
from troth.spaces.models import Activity, Membership, Space
from troth.spaces.services import activity_record


def _check_member(space: Space, user) -> None:
    if not Membership.objects.active().filter(space=space, user=user).exists():
        raise ValidationError(_("You are not in this space any more."))
    if not space.is_open:
        raise ValidationError(
            _(
                "This space is closed: what was shared stays readable, "
                "nothing new can be added."
            )
        )


def _text(value: str, *, limit: int, required_message: str | None = None) -> str:
    value = (value or "").strip()
    if required_message and not value:
        raise ValidationError(required_message)
    if len(value) > limit:
        raise ValidationError(_("Keep it under %(n)d characters.") % {"n": limit})
    return value


def _check_date(value: date | None, user, *, unchanged: date | None = None) -> None:
    if value is not None and value != unchanged and value < local_today(user.tz):
        raise ValidationError(_("Choose today or a later date."))


def _check_active(goal: Goal) -> None:
    if not goal.is_active:
        raise ValidationError(
            _("This is finished or set aside; resume it first to change it.")
            if goal.status == Status.SET_ASIDE
            else _("This is finished: it is a memory now and stays as it was.")
        )


def _tell_partner(goal: Goal, *, actor, verb: str, target=None) -> Activity:
    space = goal.space
    return activity_record(
        space=space,
        actor=actor,
        verb=verb,
        target=target or goal,
        recipient=space.partner_of(actor) if space.is_open else None,
        visibility=Visibility.SHARED,
    )


def _note(goal: Goal, *, actor, verb: str, target=None) -> Activity:
    """A step worth keeping in the timeline but not worth a notification."""
    return activity_record(
        space=goal.space,
        actor=actor,
        verb=verb,
        target=target or goal,
        visibility=Visibility.SHARED,
    )


def goal_create(
    *,
    space: Space,
    author,
    title: str,
    why: str = "",
    target_date: date | None = None,
) -> Goal:
    """Start a shared goal. Steps are added on its page."""
    with transaction.atomic():
        _check_member(space, author)
        goal = Goal(
            space=space,
            author=author,
            kind=Kind.GOAL,
            visibility=Visibility.SHARED,
            title=_text(
                title, limit=TITLE_MAX, required_message=_("Give the goal a name.")
            ),
            why=_text(why, limit=WHY_MAX),
            target_date=target_date,
        )
        _check_date(target_date, author)
        goal.full_clean()
        goal.save()
        _tell_partner(goal, actor=author, verb="goal.created")
    return goal


def adventure_plan(
    *,
    space: Space,
    author,
    title: str,
    why: str = "",
    target_date: date | None = None,
    start_time: time | None = None,
    budget: str = "",
    tasks_mine: list[str] | None = None,
    tasks_partner: list[str] | None = None,
) -> Goal:
    """Plan an adventure together: the idea, when, a budget and tasks for
    each of you. Once it has a date it goes on the shared calendar."""
    with transaction.atomic():
        _check_member(space, author)
        partner = space.partner_of(author)
        if tasks_partner and partner is None:
            raise ValidationError(
                _("Your partner hasn't joined yet: give them tasks once they have.")
            )
        if start_time is not None and target_date is None:
            raise ValidationError(_("Choose a date first, then a time."))
        _check_date(target_date, author)
        goal = Goal(
            space=space,
            author=author,
            kind=Kind.ADVENTURE,
            visibility=Visibility.SHARED,
            title=_text(
                title, limit=TITLE_MAX, required_message=_("Say what the adventure is.")
            ),
            why=_text(why, limit=WHY_MAX),
            budget=_text(budget, limit=BUDGET_MAX),
            target_date=target_date,
            start_time=start_time,
        )
        goal.full_clean()
        goal.save()
        for owner, tasks in (
            (author, tasks_mine or []),
            (partner, tasks_partner or []),
        ):
            for task in tasks:
                Milestone.objects.create(
                    space=space,
                    author=author,
                    goal=goal,
                    owner=owner,
                    title=_text(
                        task,
                        limit=STEP_MAX,
                        required_message=_("Say what the task is."),
                    ),
                )
        calendar.sync_adventure(goal, by=author)
        _tell_partner(goal, actor=author, verb="adventure.planned")
    return goal


def goal_update(
    *,
    goal: Goal,
    by,
    title: str,
    why: str = "",
    target_date: date | None = None,
    start_time: time | None = None,
    budget: str = "",
) -> Goal:
    """Change a goal's or adventure's wording and date. Only the person who
    wrote it does; the other adds steps and tasks of their own."""
    if goal.author_id != by.pk:
        raise ValidationError(
            _("Only the person who wrote this can change its wording.")
        )
    with transaction.atomic():
        _check_member(goal.space, by)
        _check_active(goal)
        _check_date(target_date, by, unchanged=goal.target_date)
        if start_time is not None and target_date is None:
            raise ValidationError(_("Choose a date first, then a time."))
        goal.title = _text(
            title, limit=TITLE_MAX, required_message=_("Give it a name.")
        )
        goal.why = _text(why, limit=WHY_MAX)
        goal.target_date = target_date
        if goal.is_adventure:
            goal.start_time = start_time
            goal.budget = _text(budget, limit=BUDGET_MAX)
        goal.full_clean()
        goal.save()
        if goal.is_adventure:
            calendar.sync_adventure(goal, by=by)
        _note(goal, actor=by, verb="goal.updated")
    return goal


def milestone_add(
    *,
    goal: Goal,
    by,
    title: str,
    owner,
    target_date: date | None = None,
) -> Milestone:
    """Add a step (a task, for an adventure) owned by either partner."""
    with transaction.atomic():
        _check_member(goal.space, by)
        _check_active(goal)
        if owner is None or owner.pk not in {p.pk for p in goal.space.partners}:
            raise ValidationError(
                _("A step belongs to one of you; your partner hasn't joined yet.")
            )
        _check_date(target_date, by)
        step = Milestone(
            space=goal.space,
            author=by,
            goal=goal,
            owner=owner,
            title=_text(
                title, limit=STEP_MAX, required_message=_("Say what the step is.")
            ),
            target_date=target_date,
        )
        step.full_clean()
        step.save()
        if owner.pk != by.pk:
            activity_record(
                space=goal.space,
                actor=by,
                verb="milestone.added",
                target=step,
                recipient=owner,
                visibility=Visibility.SHARED,
            )
        else:
            _note(goal, actor=by, verb="milestone.added", target=step)
    return step


def milestone_complete(*, milestone: Milestone, by) -> Milestone:
    """Tick off your own step; your partner sees it."""
    if milestone.owner_id != by.pk:
        raise ValidationError(_("Only the person whose step it is can tick it off."))
    with transaction.atomic():
        goal = milestone.goal
        _check_member(goal.space, by)
        _check_active(goal)
        if milestone.is_done:
            raise ValidationError(_("This step is already done."))
        milestone.done_at = timezone.now()
        milestone.save(update_fields=["done_at", "updated"])
        _tell_partner(goal, actor=by, verb="milestone.done", target=milestone)
    return milestone


def milestone_reopen(*, milestone: Milestone, by) -> Milestone:
    """Untick your own step (it wasn't quite done after all)."""
    if milestone.owner_id != by.pk:
        raise ValidationError(_("Only the person whose step it is can change it."))
    with transaction.atomic():
        goal = milestone.goal
        _check_member(goal.space, by)
        _check_active(goal)
        if not milestone.is_done:
            raise ValidationError(_("This step isn't done yet."))
        milestone.done_at = None
        milestone.save(update_fields=["done_at", "updated"])
        _note(goal, actor=by, verb="milestone.reopened", target=milestone)
    return milestone


def milestone_remove(*, milestone: Milestone, by) -> None:
    """Remove a step you added, while it is not done."""
    if milestone.author_id != by.pk:
        raise ValidationError(_("Only the person who added a step can remove it."))
    with transaction.atomic():
        goal = milestone.goal
        _check_member(goal.space, by)
        _check_active(goal)
        if milestone.is_done:
            raise ValidationError(_("A step that is done stays; untick it first."))
        step_type = ContentType.objects.get_for_model(Milestone)
        Activity.objects.filter(target_type=step_type, target_id=milestone.pk).delete()
        milestone.delete()
        _note(goal, actor=by, verb="milestone.removed")


def goal_finish(*, goal: Goal, by) -> Goal:
    """Mark a goal or adventure as finished. It becomes a memory, and both
    of you are asked for a short reflection."""
    with transaction.atomic():
        _check_member(goal.space, by)
        _check_active(goal)
        goal.status = Status.FINISHED
        goal.finished_at = timezone.now()
        goal.finished_by = by
        goal.save(update_fields=["status", "finished_at", "finished_by", "updated"])
        _tell_partner(goal, actor=by, verb="goal.finished")
    return goal


def goal_set_aside(*, goal: Goal, by) -> Goal:
    """Put a goal aside for now, without finishing it."""
    with transaction.atomic():
        _check_member(goal.space, by)
        _check_active(goal)
        goal.status = Status.SET_ASIDE
        goal.save(update_fields=["status", "updated"])
        _tell_partner(goal, actor=by, verb="goal.set_aside")
    return goal


def goal_resume(*, goal: Goal, by) -> Goal:
    """Take up a goal that was set aside."""
    with transaction.atomic():
        _check_member(goal.space, by)
        if goal.status != Status.SET_ASIDE:
            raise ValidationError(_("Only a goal that was set aside can be resumed."))
        goal.status = Status.ACTIVE
        goal.save(update_fields=["status", "updated"])
        _tell_partner(goal, actor=by, verb="goal.resumed")
    return goal


def reflection_save(
    *, goal: Goal, author, text: str, visibility: str = Visibility.SHARED
) -> Reflection:
    """Write (or rewrite) your reflection on a finished goal or adventure."""
    if visibility not in Visibility.values:
        raise ValidationError(_("Choose who can see it."))
    with transaction.atomic():
        _check_member(goal.space, author)
        if not goal.is_finished:
            raise ValidationError(_("Reflections come once it is finished."))
        text = _text(
            text,
            limit=REFLECTION_MAX,
            required_message=_(
                "Write a few words, or leave this page: there's no rush."
            ),
        )
        reflection = goal.reflections.filter(author=author).first()
        was_shared = reflection is not None and reflection.is_shared
        if reflection is None:
            reflection = Reflection(space=goal.space, author=author, goal=goal)
        reflection.text = text
        reflection.visibility = visibility
        reflection.full_clean()
        reflection.save()
        if visibility == Visibility.SHARED and not was_shared:
            _tell_partner(goal, actor=author, verb="goal.reflected", target=reflection)
        else:
            if was_shared and visibility != Visibility.SHARED:
                _withdraw(reflection)
            activity_record(
                space=goal.space,
                actor=author,
                verb="goal.reflection_updated",
                target=reflection,
                visibility=visibility,
            )
    return reflection


def _withdraw(reflection: Reflection) -> None:
    kind = ContentType.objects.get_for_model(Reflection)
    Activity.objects.filter(target_type=kind, target_id=reflection.pk).update(
        visibility=Visibility.PRIVATE
    )
    Notification.objects.filter(target_type=kind, target_id=reflection.pk).exclude(
        user_id=reflection.author_id
    ).delete()


def reflection_stop(*, reflection: Reflection, by) -> Reflection:
    """Keep your reflection to yourself from now on. Your partner is not told."""
    if reflection.author_id != by.pk:
        raise ValidationError(_("Only the person who wrote it can change who sees it."))
    with transaction.atomic():
        if not reflection.is_shared:
            raise ValidationError(_("Your reflection is not shared."))
        reflection.visibility = Visibility.PRIVATE
        reflection.save(update_fields=["visibility", "updated"])
        _withdraw(reflection)
        activity_record(
            space=reflection.space,
            actor=by,
            verb="goal.reflection_stopped",
            target=reflection,
            visibility=Visibility.PRIVATE,
        )
    return reflection
