"""Background work for accounts: forgetting old sign-in history."""

from __future__ import annotations

from django.tasks import task

from troth.accounts.services import sign_ins_prune


@task()
def prune_sign_ins() -> int:
    """Delete sign-in attempts older than 90 days. Idempotent."""
    return sign_ins_prune()
