"""Shared goals and adventures, their steps, and what each partner made of
them once finished.

Goals are always shared: they are the couple's, like promises. A goal has
milestones ("steps"; "tasks" for an adventure), each owned by one partner,
who is the one to tick it off. Progress is the share of milestones done
(docs/figures/goal-progress.md). A finished goal asks both partners for a
short reflection and becomes a memory.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from troth.lib.content import Content, ContentQuerySet
from troth.lib.fields import EncryptedTextField
from troth.lib.models import (
    Linked,
    is_set,
    one_per,
    optional_link,
    person,
    shared_by_default,
    state_is,
)

TITLE_MAX = 120
WHY_MAX = 1000
BUDGET_MAX = 80
STEP_MAX = 120
REFLECTION_MAX = 1000


class Kind(models.TextChoices):
    GOAL = "goal", _("Goal")
    ADVENTURE = "adventure", _("Adventure")


class Status(models.TextChoices):
    ACTIVE = "active", _("In progress")
    FINISHED = "finished", _("Finished")
    SET_ASIDE = "set_aside", _("Set aside")


class GoalQuerySet(ContentQuerySet):
    def with_progress(self) -> GoalQuerySet:
        """Annotate `steps_total` and `steps_done` (one query for a list)."""
        return self.annotate(
            steps_total=Count("milestones", distinct=True),
            steps_done=Count(
                "milestones",
                filter=Q(milestones__done_at__isnull=False),
                distinct=True,
            ),
        )

    def active(self) -> GoalQuerySet:
        return self.filter(status=Status.ACTIVE)

    def finished(self) -> GoalQuerySet:
        return self.filter(status=Status.FINISHED)


class Goal(Linked, Content):
    label = "Goal {pk}"
    url_name = "goals:detail"

    visibility = shared_by_default()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.GOAL)
    title = EncryptedTextField(_("title"))
    why = EncryptedTextField(_("why it matters"), null=True, blank=True, default="")
    budget = EncryptedTextField(_("budget"), null=True, blank=True, default="")
    # A goal's target date, or the day an adventure happens.
    target_date = models.DateField(_("date"), null=True, blank=True)
    # An adventure's start time on that day, in its planner's zone.
    start_time = models.TimeField(_("time"), null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    finished_at = models.DateTimeField(null=True, blank=True)
    finished_by = person(optional=True, on_delete=models.SET_NULL)
    # An adventure with a date has a shared event on the calendar, made and
    # kept in step by troth/goals/calendar.py. Deleting the event from the
    # calendar leaves the adventure as it is.
    event = optional_link("schedule.Event")

    objects = GoalQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["space", "status"]),
            models.Index(fields=["space", "finished_at"]),
            # The clock's reminders before a target date (tasks.py).
            models.Index(
                fields=["target_date"],
                condition=models.Q(kind="goal", status="active"),
                name="goals_goal_target_due",
            ),
        ]

    is_adventure = state_is(Kind.ADVENTURE, field="kind")
    is_active = state_is(Status.ACTIVE)
    is_finished = state_is(Status.FINISHED)

    @property
    def progress_percent(self) -> int | None:
        """Whole percent of steps done (docs/figures/goal-progress.md), from
        the `with_progress` annotation; None while there are no steps."""
        total: int | None = getattr(self, "steps_total", None)
        done: int = getattr(self, "steps_done", 0)
        if total is None:
            steps = list(self.milestones.all())
            total = len(steps)
            done = sum(1 for step in steps if step.done_at)
        if not total:
            return None
        return int(done * 100 // total)


class Milestone(Linked, Content):
    label = "Milestone {pk} of goal {goal_id}"
    url_name = "goals:detail"
    url_pk = "goal_id"

    visibility = shared_by_default()
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = EncryptedTextField(_("step"))
    owner = person()
    target_date = models.DateField(_("by when"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]
        indexes = [
            models.Index(fields=["space", "done_at"]),
            models.Index(
                fields=["target_date"],
                condition=models.Q(done_at__isnull=True),
                name="goals_step_target_due",
            ),
            # Today's next steps of one person, by their date: without it the
            # page reads every couple's open steps due by then (tests/test_plans.py).
            models.Index(
                fields=["owner", "target_date"],
                condition=models.Q(done_at__isnull=True),
                name="goals_step_owner_due",
            ),
        ]

    is_done = is_set("done_at")


class Reflection(Linked, Content):
    """One partner's few words on a finished goal or adventure."""

    label = "Reflection {pk} on goal {goal_id}"
    url_name = "goals:detail"
    url_pk = "goal_id"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="reflections")
    text = EncryptedTextField(_("reflection"))

    class Meta:
        ordering = ["created", "id"]
        constraints = [one_per("goal", "author", name="goals_one_reflection_each")]
