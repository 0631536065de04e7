from datetime import timedelta

from troth.accounts.tasks import prune_form_tokens, prune_sessions, prune_sign_ins
from troth.lib.clock import Job

JOBS = [
    Job(prune_sign_ins, every=timedelta(hours=6)),
    Job(prune_sessions, every=timedelta(hours=6)),
    Job(prune_form_tokens, every=timedelta(hours=6)),
]
