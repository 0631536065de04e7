from datetime import timedelta

from troth.lib.clock import Job
from troth.questions.tasks import assign_daily_questions

# Often enough that a space's new day starts within minutes of midnight in
# the later of the partners' zones (see services.space_day).
JOBS = [Job(assign_daily_questions, every=timedelta(minutes=10))]
