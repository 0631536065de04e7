"""The clock that turns scheduled jobs into queued tasks.

Each worker runs this clock in a thread. For every job (troth/lib/clock.py)
and every slot of its period, the first worker to insert the ClockTick row
enqueues the task; the others see the row and skip. Old ticks are pruned by
a job of this app (jobs.py; retention in docs/architecture.md).
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone

from troth.lib.clock import all_jobs
from troth.notifications.models import ClockTick

logger = logging.getLogger("troth.clock")

# A tick is only needed while its slot is current; a day beyond the longest
# period is plenty to tell a late worker that the slot was taken.
TICKS_KEEP_BEYOND = timedelta(days=1)


def tick(now: datetime | None = None) -> list[str]:
    """Enqueue every job whose current slot has not been claimed yet.

    Returns the names of the jobs this call enqueued."""
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


def ticks_prune(now: datetime | None = None) -> int:
    """Delete ticks of slots long past. Returns how many were deleted."""
    now = now or timezone.now()
    longest = max((job.every for job in all_jobs()), default=timedelta(0))
    cutoff = now - longest - TICKS_KEEP_BEYOND
    deleted, _ = ClockTick.objects.filter(created__lt=cutoff).delete()
    return deleted
