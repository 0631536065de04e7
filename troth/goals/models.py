"""Shared goals and adventures, their steps, and what each partner made of
them once finished.

Goals are always shared: they are the couple's, like promises. A goal has
milestones ("steps"; "tasks" for an adventure), each owned by one partner,
who is the one to tick it off. Progress is the share of milestones done
(docs/figures/goal-progress.md). A finished goal asks both partners for a
short reflection and becomes a memory.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from troth.lib.content import Content, ContentQuerySet, Visibility
from troth.lib.fields import EncryptedTextField

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


class Goal(Content):
    visibility = models.CharField(
        _("who can see this"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.SHARED,
    )
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
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # An adventure with a date has a shared event on the calendar, made and
    # kept in step by troth/goals/calendar.py. Deleting the event from the
    # calendar leaves the adventure as it is.
    event = models.ForeignKey(
        "schedule.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = GoalQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["space", "status"]),
            models.Index(fields=["space", "finished_at"]),
        ]

    def __str__(self) -> str:
        return f"Goal {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("goals:detail", kwargs={"pk": self.pk})

    @property
    def is_adventure(self) -> bool:
        return self.kind == Kind.ADVENTURE

    @property
    def is_active(self) -> bool:
        return self.status == Status.ACTIVE

    @property
    def is_finished(self) -> bool:
        return self.status == Status.FINISHED

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


class MilestoneQuerySet(ContentQuerySet):
    pass


class Milestone(Content):
    visibility = models.CharField(
        _("who can see this"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.SHARED,
    )
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = EncryptedTextField(_("step"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    target_date = models.DateField(_("by when"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    objects = MilestoneQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["created", "id"]
        indexes = [models.Index(fields=["space", "done_at"])]

    def __str__(self) -> str:
        return f"Milestone {self.pk} of goal {self.goal_id}"

    def get_absolute_url(self) -> str:
        return reverse("goals:detail", kwargs={"pk": self.goal_id})

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class ReflectionQuerySet(ContentQuerySet):
    pass


class Reflection(Content):
    """One partner's few words on a finished goal or adventure."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="reflections")
    text = EncryptedTextField(_("reflection"))

    objects = ReflectionQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "author"], name="goals_one_reflection_each"
            )
        ]

    def __str__(self) -> str:
        return f"Reflection {self.pk} on goal {self.goal_id}"

    def get_absolute_url(self) -> str:
        return reverse("goals:detail", kwargs={"pk": self.goal_id})
