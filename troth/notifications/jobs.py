from datetime import timedelta

from troth.lib.clock import Job
from troth.notifications.tasks import send_due_emails, sweep_activities

JOBS = [
    Job(sweep_activities, every=timedelta(minutes=5)),
    Job(send_due_emails, every=timedelta(minutes=1)),
]
