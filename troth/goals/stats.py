"""How the couple's goals moved in a period: for the monthly audit and the
insights. Goals are always shared, so nothing private can enter these
counts. Two queries whatever the history; no encrypted column is read.
Definitions: docs/figures/goal-progress.md."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from troth.goals.models import Goal, Kind, Milestone


@dataclass(frozen=True)
class GoalsMoved:
    milestones_completed: int
    # user id -> steps that person ticked off (the owner ticks their own)
    milestones_by_owner: dict[int, int] = field(default_factory=dict)
    goals_finished: int = 0
    adventures_finished: int = 0

    @property
    def finished(self) -> int:
        return self.goals_finished + self.adventures_finished


def goals_moved(space, *, start: datetime, end: datetime) -> GoalsMoved:
    """Steps completed and goals/adventures finished in [start, end).

    A step counts in the period its `done_at` falls in, and only while it is
    still done (a step ticked and unticked again does not count). A goal
    counts when its `finished_at` falls in the period and it is still
    finished. Steps of goals later set aside still count: the work was done.
    """
    owners = Counter(
        Milestone.objects.in_space(space)
        .shared()
        .filter(done_at__gte=start, done_at__lt=end)
        .order_by()
        .values_list("owner_id", flat=True)
    )
    kinds = Counter(
        Goal.objects.in_space(space)
        .shared()
        .finished()
        .filter(finished_at__gte=start, finished_at__lt=end)
        .order_by()
        .values_list("kind", flat=True)
    )
    return GoalsMoved(
        milestones_completed=sum(owners.values()),
        milestones_by_owner=dict(owners),
        goals_finished=kinds.get(Kind.GOAL, 0),
        adventures_finished=kinds.get(Kind.ADVENTURE, 0),
    )
