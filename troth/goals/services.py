"""Everything that changes goals, adventures, their steps and reflections.

The steps are declared in `troth.goals.steps`; each function here takes
one with `STEPS.take` (or `MILESTONE_STEPS.take`), which locks the row,
checks that this person may take this step now and, in one transaction,
records an Activity. A step that is not allowed raises `Refused` with words
for the person, and changes nothing; input that isn't right raises
`ValidationError`.

Goals are the couple's and always shared. Nobody rewrites another person's
words: the one who wrote a goal changes its wording, the owner of a step
ticks it off, and each reflection is its author's.
"""

from __future__ import annotations

from datetime import date, time

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
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
)
from troth.goals.steps import MILESTONE_STEPS, REFLECTION_STEPS, STEPS
from troth.lib.content import Visibility
from troth.lib.time import local_today
from troth.notifications.models import Notification
from troth.spaces.models import Activity, Space
from troth.spaces.services import activity_record
from troth.spaces.steps import Refused, Taking, require_partner


def _text(value: str, *, limit: int, required_message: str | None = None) -> str:
    value = (value or "").strip()
    if required_message and not value:
        raise ValidationError(required_message)
    if len(value) > limit:
        raise ValidationError(_("Keep it under %(n)d characters.") % {"n": limit})
    return value


def _check_date(
    value: date | None,
    user,
    *,
    unchanged: date | None = None,
    start_time: time | None = None,
) -> None:
    """A date from today on (or the one it had), and a time only with a date."""
    if start_time is not None and value is None:
        raise ValidationError(_("Choose a date first, then a time."))
    if value is not None and value != unchanged and value < local_today(user.tz):
        raise ValidationError(_("Choose today or a later date."))


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


def _words(goal: Goal, *, title: str, why: str, budget: str = "", missing: str) -> None:
    """Give `goal` its words, checked: a title (`missing` says it is
    blank), why it matters, and an adventure's budget."""
    goal.title = _text(title, limit=TITLE_MAX, required_message=missing)
    goal.why = _text(why, limit=WHY_MAX)
    if goal.is_adventure:
        goal.budget = _text(budget, limit=BUDGET_MAX)


def _goal_new(goal: Goal, **words) -> Goal:
    """Save the new shared `goal` with its `words` (see `_words`), once its
    date is checked; the partner isn't told yet."""
    goal.visibility = Visibility.SHARED
    _words(goal, **words)
    _check_date(goal.target_date, goal.author, start_time=goal.start_time)
    goal.full_clean()
    goal.save()
    return goal


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
        require_partner(space, author)
        goal = _goal_new(
            Goal(space=space, author=author, kind=Kind.GOAL, target_date=target_date),
            title=title,
            why=why,
            missing=_("Give the goal a name."),
        )
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
        require_partner(space, author)
        partner = space.partner_of(author)
        if tasks_partner and partner is None:
            raise Refused(
                _("Your partner hasn't joined yet: give them tasks once they have."),
                "no_partner",
            )
        goal = _goal_new(
            Goal(
                space=space,
                author=author,
                kind=Kind.ADVENTURE,
                target_date=target_date,
                start_time=start_time,
            ),
            title=title,
            why=why,
            budget=budget,
            missing=_("Say what the adventure is."),
        )
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
    with STEPS.take("update", goal, by=by) as step:
        fresh = step.obj
        _check_date(target_date, by, unchanged=fresh.target_date, start_time=start_time)
        _words(fresh, title=title, why=why, budget=budget, missing=_("Give it a name."))
        fresh.target_date = target_date
        if fresh.is_adventure:
            fresh.start_time = start_time
        fresh.full_clean()
        if fresh.is_adventure:
            calendar.sync_adventure(fresh, by=by)
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
    with STEPS.take("add_step", goal, by=by) as taking:
        taking.save = False  # the goal stays as it is
        fresh = taking.obj
        if owner is None or owner.pk not in {p.pk for p in fresh.space.partners}:
            raise Refused(
                _("A step belongs to one of you; your partner hasn't joined yet."),
                "no_partner",
            )
        _check_date(target_date, by)
        step = Milestone(
            space=fresh.space,
            author=by,
            goal=fresh,
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
                space=fresh.space,
                actor=by,
                verb="milestone.added",
                target=step,
                recipient=owner,
                visibility=Visibility.SHARED,
            )
        else:
            _note(fresh, actor=by, verb="milestone.added", target=step)
    return step


def _tell_partner_of(step: Taking, goal: Goal) -> None:
    """The partner is told of this step."""
    step.recipient = goal.space.partner_of(step.by)


def milestone_complete(*, milestone: Milestone, by) -> Milestone:
    """Tick off your own step; your partner sees it."""
    with MILESTONE_STEPS.take("complete", milestone, by=by) as step:
        step.obj.done_at = step.now
        _tell_partner_of(step, step.obj.goal)
    return milestone


def milestone_reopen(*, milestone: Milestone, by) -> Milestone:
    """Untick your own step (it wasn't quite done after all)."""
    with MILESTONE_STEPS.take("reopen", milestone, by=by) as step:
        step.obj.done_at = None
    return milestone


def milestone_remove(*, milestone: Milestone, by) -> None:
    """Remove a step you added, while it is not done."""
    with MILESTONE_STEPS.take("remove", milestone, by=by) as step:
        step.save = False
        fresh = step.obj
        step_type = ContentType.objects.get_for_model(Milestone)
        Activity.objects.filter(target_type=step_type, target_id=fresh.pk).delete()
        fresh.delete()
        _note(fresh.goal, actor=by, verb="milestone.removed")


def goal_finish(*, goal: Goal, by) -> Goal:
    """Mark a goal or adventure as finished. It becomes a memory, and both
    of you are asked for a short reflection."""
    with STEPS.take("finish", goal, by=by) as step:
        step.obj.finished_at = step.now
        step.obj.finished_by = by
        _tell_partner_of(step, step.obj)
    return goal


def goal_set_aside(*, goal: Goal, by) -> Goal:
    """Put a goal aside for now, without finishing it."""
    with STEPS.take("set_aside", goal, by=by) as step:
        _tell_partner_of(step, step.obj)
    return goal


def goal_resume(*, goal: Goal, by) -> Goal:
    """Take up a goal that was set aside."""
    with STEPS.take("resume", goal, by=by) as step:
        _tell_partner_of(step, step.obj)
    return goal


def reflection_save(
    *, goal: Goal, author, text: str, visibility: str = Visibility.SHARED
) -> Reflection:
    """Write (or rewrite) your reflection on a finished goal or adventure."""
    if visibility not in Visibility.values:
        raise ValidationError(_("Choose who can see it."))
    with STEPS.take("reflect", goal, by=author) as step:
        step.save = False  # the goal stays as it is
        fresh = step.obj
        text = _text(
            text,
            limit=REFLECTION_MAX,
            required_message=_(
                "Write a few words, or leave this page: there's no rush."
            ),
        )
        reflection = fresh.reflections.filter(author=author).first()
        was_shared = reflection is not None and reflection.is_shared
        if reflection is None:
            reflection = Reflection(space=fresh.space, author=author, goal=fresh)
        reflection.text = text
        reflection.visibility = visibility
        reflection.full_clean()
        reflection.save()
        if visibility == Visibility.SHARED and not was_shared:
            _tell_partner(fresh, actor=author, verb="goal.reflected", target=reflection)
        else:
            if was_shared and visibility != Visibility.SHARED:
                _withdraw(reflection)
            activity_record(
                space=fresh.space,
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
    with REFLECTION_STEPS.take("stop", reflection, by=by) as step:
        _withdraw(step.obj)
    return reflection
