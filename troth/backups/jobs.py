from datetime import timedelta

from troth.backups.tasks import take_backup
from troth.lib.clock import Job

# Checked hourly, taken daily: the task does nothing when the day (UTC)
# already has a backup, so a worker that was down at midnight still takes
# the day's backup when it comes back.
JOBS = [Job(take_backup, every=timedelta(hours=1))]
