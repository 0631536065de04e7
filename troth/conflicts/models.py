"""Disagreements, and each partner's own view of how one went.

A `Conflict` is the frame: a short topic and when it happened, written by the
partner who logged it. Each partner may add one `ConflictView` of it: how
intense it felt, how it started, which of the four patterns they noticed in
their own part, and whether and how fast it was repaired. Each view is its
author's until they share it.

Who sees what (docs/figures/conflicts.md states the same rule):
- a conflict's frame follows its logger's view: the partner sees the topic
  and date only while the logger shares their view (`Conflict.visibility`
  is kept equal to it by the services);
- a view is seen by its author, and by the partner once shared;
- the shared log lists the conflicts both partners shared a view of.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from troth.lib.content import Content, ContentQuerySet, Visibility
from troth.lib.fields import EncryptedTextField
from troth.lib.models import Linked, one_per, state_is

TOPIC_MAX = 120
NOTE_MAX = 2000


class Opening(models.TextChoices):
    GENTLE = "gentle", _("I raised it gently: the situation, my feeling, my need")
    EDGE = "edge", _("I raised it with blame or an edge")
    PARTNER = "partner", _("My partner raised it")
    FLARED = "flared", _("It flared up; nobody really raised it")


class Repair(models.TextChoices):
    YES = "yes", _("Yes, we came back together")
    PARTLY = "partly", _("Partly")
    NOT_YET = "not_yet", _("Not yet")


class RepairTime(models.IntegerChoices):
    """How long repair took, coded as the upper end of each range in minutes
    (docs/figures/conflicts.md); "longer than a week" counts as two weeks."""

    QUARTER = 15, _("Within 15 minutes")
    HOUR = 60, _("Within an hour")
    HOURS = 180, _("A few hours")
    DAY = 720, _("Later the same day")
    NEXT_DAY = 1440, _("The next day")
    DAYS = 4320, _("A few days")
    WEEK = 10080, _("About a week")
    LONGER = 20160, _("Longer than a week")


class Intensity(models.IntegerChoices):
    MILD = 1, _("1 · mild")
    TENSE = 2, _("2")
    HEATED = 3, _("3")
    STRONG = 4, _("4")
    FIERCE = 5, _("5 · very heated")


# The four patterns a person may notice in their own part, each with its
# antidote. Words are ours; the ideas come from Gottman's research as
# RESEARCH.md describes it (inspiration, not a metric).
PATTERNS = {
    "criticised": {
        "label": _(
            "I criticised: I talked about what is wrong with my partner, "
            "not about the situation"
        ),
        "short": _("criticised"),
        "antidote_title": _("Start gently"),
        "antidote": _(
            "Next time, open with “I feel … about … and I need …”. Describe "
            "the situation and what you need, not what is wrong with your "
            "partner."
        ),
    },
    "defensive": {
        "label": _(
            "I got defensive: I met a complaint with an excuse or a complaint of my own"
        ),
        "short": _("got defensive"),
        "antidote_title": _("Own your part"),
        "antidote": _(
            "Look for the part you can take responsibility for, even a small "
            "one, and say it plainly: “You're right that I …”. No “but” after it."
        ),
    },
    "shut_down": {
        "label": _("I shut down: I went quiet, stopped responding or left in my head"),
        "short": _("shut down"),
        "antidote_title": _("Take a real break"),
        "antidote": _(
            "When you feel flooded, say so and agree when you will come back. "
            "Take at least 20 minutes doing something that calms your body, "
            "not replaying the argument, then return to it."
        ),
    },
    "contempt": {
        "label": _("I was scornful: mocking, eye-rolling, sarcasm or a put-down"),
        "short": _("was scornful"),
        "antidote_title": _("Build a habit of appreciation"),
        "antidote": _(
            "On ordinary days, notice what you value in your partner and say "
            "it out loud, specifically. Scorn has less room where appreciation "
            "is a habit."
        ),
    },
}
PATTERN_FIELDS = tuple(PATTERNS)


class ConflictQuerySet(ContentQuerySet):
    def with_shared_counts(self) -> ConflictQuerySet:
        return self.annotate(
            shared_views=Count("views", filter=Q(views__visibility=Visibility.SHARED))
        )

    def shared_by_both(self) -> ConflictQuerySet:
        """The shared log: conflicts with a shared view from each partner.

        A person has at most one view per conflict, so two shared views
        means both partners shared theirs."""
        return self.with_shared_counts().filter(shared_views__gte=2)


class Conflict(Linked, Content):
    label = "Conflict {pk}"
    url_name = "conflicts:detail"

    topic = EncryptedTextField(_("what it was about"))
    occurred_at = models.DateTimeField(_("when it happened"))

    objects = ConflictQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["space", "occurred_at"])]


class ConflictView(Linked, Content):
    """One partner's own view of a conflict."""

    label = "View {pk} of conflict {conflict_id}"
    url_name = "conflicts:detail"
    url_pk = "conflict_id"

    conflict = models.ForeignKey(
        Conflict, on_delete=models.CASCADE, related_name="views"
    )
    intensity = models.PositiveSmallIntegerField(
        _("how intense it felt"), choices=Intensity.choices
    )
    opening = models.CharField(
        _("how it started"), max_length=10, choices=Opening.choices
    )
    criticised = models.BooleanField(default=False)
    defensive = models.BooleanField(default=False)
    shut_down = models.BooleanField(default=False)
    contempt = models.BooleanField(default=False)
    repaired = models.CharField(
        _("was it repaired"), max_length=10, choices=Repair.choices
    )
    repair_minutes = models.PositiveIntegerField(
        _("how long repair took"), choices=RepairTime.choices, null=True, blank=True
    )
    note = EncryptedTextField(_("note"), null=True, blank=True, default="")

    class Meta:
        ordering = ["created", "id"]
        constraints = [one_per("conflict", "author", name="conflicts_one_view_each")]

    @property
    def patterns(self) -> list[str]:
        return [name for name in PATTERN_FIELDS if getattr(self, name)]

    @property
    def pattern_labels(self) -> list:
        return [PATTERNS[name]["short"] for name in self.patterns]

    @property
    def antidotes(self) -> list[dict]:
        return [PATTERNS[name] for name in self.patterns]

    is_repaired = state_is(Repair.YES, field="repaired")
