"""Background work for accounts: forgetting old sign-in history and ended
sessions. Retention is documented in docs/architecture.md."""

from __future__ import annotations

from django.tasks import task

from troth.accounts.models import FormToken
from troth.accounts.services import sessions_prune, sign_ins_prune


@task()
def prune_sign_ins() -> int:
    """Delete sign-in attempts older than 90 days. Idempotent."""
    return sign_ins_prune()


@task()
def prune_sessions() -> list[int]:
    """Delete expired sessions and their rows in the sessions list."""
    return list(sessions_prune())


@task()
def prune_form_tokens() -> int:
    """Forget used one-time form tokens after FormToken.KEEP_FOR."""
    from django.utils import timezone

    cutoff = timezone.now() - FormToken.KEEP_FOR
    deleted, _ = FormToken.objects.filter(created__lt=cutoff).delete()
    return deleted
