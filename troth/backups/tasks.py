"""The clock's backup (docs/operations.md: schedule and retention)."""

from __future__ import annotations

from django.tasks import task

from troth.backups.services import backup_scheduled


@task()
def take_backup() -> str | None:
    """Take the day's backup into TROTH_BACKUP_DIR and prune old ones.
    Idempotent: none is taken when the day (UTC) already has one."""
    path = backup_scheduled()
    return path.name if path else None
