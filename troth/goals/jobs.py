"""When the clock runs this app's tasks (`troth/goals/tasks.py`)."""

from datetime import timedelta

from troth.goals.tasks import remind_target_dates
from troth.lib.clock import Job

JOBS = [Job(remind_target_dates, every=timedelta(hours=1))]
