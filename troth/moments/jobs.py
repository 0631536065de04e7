from datetime import timedelta

from troth.lib.clock import Job
from troth.moments.tasks import send_weekly_digests

JOBS = [Job(send_weekly_digests, every=timedelta(minutes=30))]
