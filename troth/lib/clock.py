"""The jobs the clock turns into queued tasks, and the upkeep of the queue.

Apps list their periodic jobs in `troth/<app>/jobs.py` as
`JOBS = [Job(task, every=timedelta(...)), ...]`. The clock itself, which
claims each job's slot in the notifications app's ClockTick table, is
troth/notifications/clock.py. The jobs themselves are idempotent, so even a
duplicate run sends nothing twice.

The task queue is kept moving and small here (scheduled by
troth/notifications/jobs.py, retention in docs/architecture.md): finished
task results are pruned, and a task left RUNNING by a worker that stopped is
run again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.tasks import Task, TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from troth.lib.hooks import app_modules

logger = logging.getLogger("troth.clock")

# Finished task results are for looking into problems, not records.
TASK_RESULTS_KEEP = timedelta(days=7)
FAILED_TASK_RESULTS_KEEP = timedelta(days=30)
# Troth's tasks take seconds. One still RUNNING after this lost its worker.
TASK_STALE_AFTER = timedelta(minutes=30)
# A task whose worker stopped this many times is probably what stops them
# (memory, a crash): it is failed rather than run again for ever.
TASK_MAX_CLAIMS = 3


class StaleTask(Exception):
    """The error recorded for a task failed after TASK_MAX_CLAIMS claims."""


@dataclass(frozen=True)
class Job:
    task: Task
    every: timedelta

    @property
    def name(self) -> str:
        return self.task.module_path


def all_jobs() -> list[Job]:
    return [job for module in app_modules("jobs") for job in module.JOBS]


def task_results_prune(now: datetime | None = None) -> int:
    """Delete finished task results: successful ones after TASK_RESULTS_KEEP,
    failed ones after FAILED_TASK_RESULTS_KEEP. Returns how many."""

    now = now or timezone.now()
    deleted, _ = DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - TASK_RESULTS_KEEP)
        | Q(
            status=TaskResultStatus.FAILED,
            finished_at__lt=now - FAILED_TASK_RESULTS_KEEP,
        )
    ).delete()
    return deleted


def stale_tasks_reset(now: datetime | None = None) -> tuple[int, int]:
    """Queue again every task RUNNING for longer than TASK_STALE_AFTER: its
    worker stopped (killed, crashed) and nothing else would ever run it.
    Every job is idempotent, so running one again is safe even if the
    worker had done part of it. A task claimed TASK_MAX_CLAIMS times is
    failed instead. Returns (queued again, failed)."""

    now = now or timezone.now()
    cutoff = now - TASK_STALE_AFTER
    stale = list(
        DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=cutoff
        ).values_list("id", "worker_ids", "task_path")
    )
    again = [pk for pk, workers, _ in stale if len(workers) < TASK_MAX_CLAIMS]
    given_up = [(pk, path) for pk, workers, path in stale if pk not in again]
    # Each update repeats the stale condition: a worker that finished the
    # task meanwhile keeps its result.
    still = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    )
    queued = still.filter(id__in=again).update(
        status=TaskResultStatus.READY, started_at=None
    )
    failed = 0
    if given_up:
        failed = still.filter(id__in=[pk for pk, _ in given_up]).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path=f"{StaleTask.__module__}.{StaleTask.__qualname__}",
            traceback=(
                f"Its worker stopped before it finished, {TASK_MAX_CLAIMS} times."
            ),
        )
        logger.warning(
            "Gave up on %d task(s) whose workers kept stopping: %s",
            failed,
            ", ".join(sorted({path for _, path in given_up})),
        )
    if queued:
        logger.warning("Queued %d task(s) again: their worker stopped", queued)
    return queued, failed
