from datetime import timedelta

from troth.agreements.tasks import agreements_end_lapsed, agreements_remind
from troth.lib.clock import Job

JOBS = [
    Job(agreements_remind, every=timedelta(hours=1)),
    Job(agreements_end_lapsed, every=timedelta(hours=1)),
]
