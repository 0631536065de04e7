"""When the clock runs this app's tasks (`troth/audits/tasks.py`)."""

import datetime as dt

from troth.audits.tasks import draft_due_audits, remind_audits
from troth.lib.clock import Job

JOBS = [
    Job(draft_due_audits, every=dt.timedelta(minutes=15)),
    Job(remind_audits, every=dt.timedelta(hours=1)),
]
