"""The clock that turns scheduled jobs into queued tasks.

Apps list their periodic jobs in `troth/<app>/jobs.py` as
`JOBS = [Job(task, every=timedelta(...)), ...]`. Each worker runs this clock
in a thread. For every job and every slot of its period, the first worker to
insert the ClockTick row enqueues the task; the others see the row and skip.
The jobs themselves are idempotent too, so even a duplicate run sends nothing
twice.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, close_old_connections, transaction
from django.tasks import Task
from django.utils import timezone

from troth.lib.hooks import app_modules

logger = logging.getLogger("troth.clock")


@dataclass(frozen=True)
class Job:
    task: Task
    every: timedelta

    @property
    def name(self) -> str:
        return self.task.module_path


def all_jobs() -> list[Job]:
    return [job for module in app_modules("jobs") for job in module.JOBS]


def tick(now: datetime | None = None) -> list[str]:
    """Enqueue every job whose current slot has not been claimed yet.

    Returns the names of the jobs this call enqueued."""
    from troth.notifications.models import ClockTick

    now = now or timezone.now()
    enqueued = []
    for job in all_jobs():
        slot = int(now.timestamp() // job.every.total_seconds())
        try:
            with transaction.atomic():
                ClockTick.objects.create(job=job.name, slot=slot)
                job.task.enqueue()
        except IntegrityError:
            continue
        enqueued.append(job.name)
    return enqueued


class Clock(threading.Thread):
    """Calls `tick` every `interval` seconds until stopped."""

    def __init__(self, interval: float = 30.0):
        super().__init__(name="troth-clock", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                close_old_connections()
                tick()
            except Exception:  # keep the clock alive; the next tick retries
                logger.exception("Clock tick failed")
            finally:
                close_old_connections()
            self.stopped.wait(self.interval)

    def stop(self) -> None:
        self.stopped.set()
