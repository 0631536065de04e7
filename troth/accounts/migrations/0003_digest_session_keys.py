"""Store only digests of session keys (troth/accounts/sessions.py).

Rows written before this migration hold the keys themselves (32
characters); each becomes its digest, so everyone stays signed in and a
copy of the database taken afterwards signs no one in."""

from __future__ import annotations

import hashlib

from django.db import migrations


def digest(key: str) -> str:
    # Kept here rather than imported: a migration must not change with the code.
    return hashlib.sha256(key.encode()).hexdigest()[:40]


def digest_keys(apps, schema_editor):
    for app, model in (("sessions", "Session"), ("usersessions", "UserSession")):
        Model = apps.get_model(app, model)
        for key in Model.objects.filter(session_key__regex=r"^.{32}$").values_list(
            "session_key", flat=True
        ):
            Model.objects.filter(session_key=key).update(session_key=digest(key))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_signin_history"),
        ("sessions", "0001_initial"),
        ("usersessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(digest_keys, migrations.RunPython.noop)]
