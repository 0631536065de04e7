from datetime import timedelta

from troth.accounts.tasks import prune_sign_ins
from troth.lib.clock import Job

JOBS = [Job(prune_sign_ins, every=timedelta(hours=6))]
