from datetime import timedelta

from troth.counsel.tasks import counsel_expire
from troth.lib.clock import Job

JOBS = [Job(counsel_expire, every=timedelta(minutes=15))]
