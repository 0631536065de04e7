from datetime import timedelta

from troth.lib.clock import Job
from troth.notifications.tasks import (
    prune_clock_ticks,
    prune_task_results,
    reclaim_stale_emails,
    reset_stale_tasks,
    send_due_emails,
    sweep_activities,
)

JOBS = [
    Job(sweep_activities, every=timedelta(minutes=5)),
    Job(send_due_emails, every=timedelta(minutes=1)),
    Job(reclaim_stale_emails, every=timedelta(minutes=5)),
    Job(reset_stale_tasks, every=timedelta(minutes=5)),
    Job(prune_clock_ticks, every=timedelta(hours=6)),
    Job(prune_task_results, every=timedelta(hours=6)),
]
