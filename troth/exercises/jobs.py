"""When the clock runs this app's tasks (`troth/exercises/tasks.py`)."""

from datetime import timedelta

from troth.exercises.tasks import remind_exercises
from troth.lib.clock import Job

JOBS = [Job(remind_exercises, every=timedelta(minutes=15))]
