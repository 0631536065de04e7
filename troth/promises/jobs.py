"""When the clock runs this app's tasks (`troth/promises/tasks.py`)."""

from datetime import timedelta

from troth.lib.clock import Job
from troth.promises.tasks import (
    extend_series,
    mark_missed,
    remind_due_soon,
    remind_to_confirm,
)

JOBS = [
    Job(mark_missed, every=timedelta(minutes=1)),
    Job(remind_due_soon, every=timedelta(minutes=5)),
    Job(remind_to_confirm, every=timedelta(minutes=15)),
    Job(extend_series, every=timedelta(hours=1)),
]
