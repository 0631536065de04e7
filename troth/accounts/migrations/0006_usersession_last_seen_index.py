"""An index on when each listed session was last seen, so the job that
prunes the sessions list (troth.accounts.services.sessions_prune) reads
only the rows old enough to go, not every session of every couple.

The table is allauth's (usersessions), so the index is made here in SQL:
Django's AddIndex only reaches an app's own models."""

from django.db import migrations

INDEX = "accounts_usersession_last_seen"


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_theme"),
        ("usersessions", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON usersessions_usersession (last_seen_at)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
