"""When the clock runs this app's tasks (`troth/notifications/tasks.py`):
turning activity into updates, sending emails, and the upkeep of the queue
itself (stale claims and tasks, and pruning what it keeps)."""

from datetime import timedelta

from troth.lib.clock import Job
from troth.notifications import tasks

JOBS = [
    Job(tasks.sweep_activities, every=timedelta(minutes=5)),
    Job(tasks.send_due_emails, every=timedelta(minutes=1)),
    Job(tasks.reclaim_stale_emails, every=timedelta(minutes=5)),
    Job(tasks.send_due_pushes, every=timedelta(minutes=1)),
    Job(tasks.reclaim_stale_pushes, every=timedelta(minutes=5)),
    Job(tasks.prune_push_subscriptions, every=timedelta(hours=1)),
    Job(tasks.reset_stale_tasks, every=timedelta(minutes=5)),
    Job(tasks.prune_clock_ticks, every=timedelta(hours=6)),
    Job(tasks.prune_task_results, every=timedelta(hours=6)),
]
