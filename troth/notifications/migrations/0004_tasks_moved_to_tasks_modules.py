"""The scheduled tasks of six apps moved from `jobs.py` to `tasks.py`
(`jobs.py` now only says when the clock runs them). Queued tasks and the
clock's bookkeeping name a task by its dotted path, so those stored paths
move too; the tasks themselves are unchanged."""

from django.db import migrations

MOVED = {
    "audits": ["draft_due_audits", "remind_audits"],
    "checkins": ["remind_pulse"],
    "exercises": ["remind_exercises"],
    "goals": ["remind_target_dates"],
    "promises": [
        "mark_missed",
        "remind_due_soon",
        "remind_to_confirm",
        "extend_series",
    ],
    "schedule": ["remind_upcoming", "ask_ritual_outcomes"],
}


def _paths(old: str, new: str):
    for app, names in MOVED.items():
        for name in names:
            yield f"troth.{app}.{old}.{name}", f"troth.{app}.{new}.{name}"


def _move(apps, old: str, new: str) -> None:
    TaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    ClockTick = apps.get_model("notifications", "ClockTick")
    for before, after in _paths(old, new):
        TaskResult.objects.filter(task_path=before).update(task_path=after)
        ClockTick.objects.filter(job=before).update(job=after)


def forwards(apps, schema_editor):
    _move(apps, "jobs", "tasks")


def backwards(apps, schema_editor):
    _move(apps, "tasks", "jobs")


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_email_claim_time"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
