"""Indexes on the task results the clock's jobs prune and reset, so a tick
reads the results that are due, not every result ever kept:

- troth.lib.clock.task_results_prune deletes the successful and the failed
  results finished before their keep: (status, finished_at) is a range of
  each status;
- troth.lib.clock.stale_tasks_reset reads the tasks RUNNING since before
  the cutoff: a partial index of the running ones by started_at holds only
  the few running at any time.

The table is django_tasks_db's, so the indexes are made here in SQL (both
PostgreSQL and SQLite take partial indexes in this form): Django's AddIndex
only reaches an app's own models."""

from django.db import migrations

TABLE = "django_tasks_database_dbtaskresult"
FINISHED = "task_result_status_finished"
RUNNING = "task_result_running_started"


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0007_updates_page_index"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {FINISHED} ON {TABLE} (status, finished_at)",
            f"DROP INDEX IF EXISTS {FINISHED}",
        ),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {RUNNING} ON {TABLE} (started_at)"
            " WHERE status = 'RUNNING'",
            f"DROP INDEX IF EXISTS {RUNNING}",
        ),
    ]
