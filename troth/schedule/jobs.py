"""When the clock runs this app's tasks (`troth/schedule/tasks.py`)."""

from datetime import timedelta

from troth.lib.clock import Job
from troth.schedule.tasks import ask_ritual_outcomes, remind_upcoming

JOBS = [
    Job(remind_upcoming, every=timedelta(minutes=5)),
    Job(ask_ritual_outcomes, every=timedelta(minutes=15)),
]
