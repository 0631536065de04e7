"""When the clock runs this app's tasks (`troth/checkins/tasks.py`)."""

from datetime import timedelta

from troth.checkins.tasks import remind_pulse
from troth.lib.clock import Job

JOBS = [Job(remind_pulse, every=timedelta(minutes=5))]
