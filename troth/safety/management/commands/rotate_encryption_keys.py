"""`troth manage rotate_encryption_keys`: re-encrypt all stored text under
the first key in TROTH_ENCRYPTION_KEYS.

The procedure (docs/security.md): put the new key first in
TROTH_ENCRYPTION_KEYS and keep the old one after it; restart; run this; when
it reports nothing unreadable, remove the old key and restart again.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from troth.lib.fields import encrypted_fields, rotate


class Command(BaseCommand):
    help = "Re-encrypt every encrypted text field under the first configured key."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", type=int, default=500, help="rows per transaction (500)"
        )

    def handle(self, *args, batch: int, **options):
        fields = encrypted_fields()
        outcome = rotate(batch=batch)
        self.stdout.write(
            f"{len(fields)} encrypted fields: {outcome.rewritten} values "
            f"re-encrypted, {outcome.current} already under the first key."
        )
        if outcome.unreadable:
            listed = "\n  ".join(outcome.unreadable[:50])
            raise CommandError(
                f"{len(outcome.unreadable)} values are under no configured key; "
                f"keep every old key until they are readable:\n  {listed}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                "Done. Every value is under the first key; older keys can be removed."
            )
        )
