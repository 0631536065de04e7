from __future__ import annotations

from django.db import models
from django.utils import timezone


class ClockTick(models.Model):
    """One row per scheduled job per time slot.

    Every worker process runs a clock; whichever inserts the row for a slot
    first enqueues the job. The unique constraint is what makes two workers,
    or a restarted one, agree that a slot's job was already enqueued.
    """

    job = models.CharField(max_length=100)
    slot = models.BigIntegerField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="one_tick_per_slot")
        ]
