"""Encryption at rest: what people write is ciphertext in the database, and
keys rotate without losing anything."""

from __future__ import annotations

import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection, models
from django.test.utils import isolate_apps

from troth.lib.fields import (
    EncryptedTextField,
    encrypted_fields,
    looks_encrypted,
    rotate,
)

OLD = Fernet.generate_key().decode()
NEW = Fernet.generate_key().decode()
SECRET = "I was scared when you didn't call"


def raw(model, field, pk) -> str | None:
    """The stored value, read with plain SQL: what a stolen copy holds."""
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(field.column)
    pk_column = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE {pk_column} = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_every_encrypted_field_holds_ciphertext_not_the_text():
    """The demo fills every feature; each encrypted field that has a row is
    read back with plain SQL."""
    from troth.demo import demo_create

    demo_create()
    checked = []
    for model, field in encrypted_fields():
        row = (
            model._base_manager.exclude(**{f"{field.attname}__isnull": True})
            .order_by("pk")
            .first()
        )
        if row is None:
            continue
        model._base_manager.filter(pk=row.pk).update(**{field.attname: SECRET})
        stored = raw(model, field, row.pk)
        assert SECRET not in stored, f"{model._meta.label}.{field.name} is plain text"
        assert looks_encrypted(stored)
        reread = model._base_manager.values_list(field.attname, flat=True).get(
            pk=row.pk
        )
        assert reread == SECRET
        # What the demo wrote is ciphertext too, every row of it.
        table = connection.ops.quote_name(model._meta.db_table)
        column = connection.ops.quote_name(field.column)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608
            stored_values = [v for (v,) in cursor.fetchall() if v]
        assert all(looks_encrypted(v) for v in stored_values), model._meta.label
        checked.append(f"{model._meta.label}.{field.name}")
    if encrypted_fields():
        assert checked, "no encrypted field had a row after the demo"


@pytest.mark.django_db(transaction=True)
class TestIsolated:
    """A model of our own, so these prove the field and the rotation even
    before any feature has text to encrypt."""

    @pytest.fixture
    def note_model(self):
        with isolate_apps("troth.safety"):

            class Note(models.Model):
                body = EncryptedTextField(blank=True, null=True)

                class Meta:
                    app_label = "safety"
                    db_table = "safety_test_note"

                def __str__(self) -> str:
                    return f"Note {self.pk}"

            with connection.schema_editor() as editor:
                editor.create_model(Note)
            try:
                yield Note
            finally:
                with connection.schema_editor() as editor:
                    editor.delete_model(Note)

    def test_the_database_holds_ciphertext(self, note_model, settings):
        settings.TROTH_ENCRYPTION_KEYS = [OLD]
        note = note_model.objects.create(body=SECRET)
        stored = raw(note_model, note_model._meta.get_field("body"), note.pk)
        assert SECRET not in stored
        assert Fernet(OLD).decrypt(stored.encode()).decode() == SECRET
        assert note_model.objects.get(pk=note.pk).body == SECRET

    def test_rotation_moves_every_value_to_the_first_key(self, note_model, settings):
        field = note_model._meta.get_field("body")
        settings.TROTH_ENCRYPTION_KEYS = [OLD]
        notes = [note_model.objects.create(body=f"{SECRET} {i}") for i in range(7)]
        empty = note_model.objects.create(body=None)
        settings.TROTH_ENCRYPTION_KEYS = [NEW, OLD]
        outcome = rotate([note_model], batch=3)
        assert outcome.rewritten == 7
        assert outcome.unreadable == []
        for i, note in enumerate(notes):
            assert Fernet(NEW).decrypt(
                raw(note_model, field, note.pk).encode()
            ).decode() == (f"{SECRET} {i}")
        assert raw(note_model, field, empty.pk) is None
        # Running it again changes nothing.
        again = rotate([note_model])
        assert (again.rewritten, again.current) == (0, 7)
        # With the old key gone, everything still reads.
        settings.TROTH_ENCRYPTION_KEYS = [NEW]
        assert sorted(n.body for n in note_model.objects.exclude(body=None)) == sorted(
            f"{SECRET} {i}" for i in range(7)
        )

    def test_text_from_before_encryption_is_encrypted_by_rotation(
        self, note_model, settings
    ):
        settings.TROTH_ENCRYPTION_KEYS = [NEW]
        note = note_model.objects.create(body="x")
        field = note_model._meta.get_field("body")
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE safety_test_note SET body = %s WHERE id = %s",
                ["plain words", note.pk],
            )
        assert rotate([note_model]).rewritten == 1
        assert (
            Fernet(NEW).decrypt(raw(note_model, field, note.pk).encode())
            == b"plain words"
        )

    def test_a_value_under_a_missing_key_is_reported_not_wrapped(
        self, note_model, settings
    ):
        field = note_model._meta.get_field("body")
        settings.TROTH_ENCRYPTION_KEYS = [OLD]
        note = note_model.objects.create(body=SECRET)
        before = raw(note_model, field, note.pk)
        settings.TROTH_ENCRYPTION_KEYS = [NEW]  # the old key was dropped too early
        outcome = rotate([note_model])
        assert outcome.unreadable == [f"safety.Note.body #{note.pk}"]
        assert raw(note_model, field, note.pk) == before
        settings.TROTH_ENCRYPTION_KEYS = [OLD]
        assert note_model.objects.get(pk=note.pk).body == SECRET


@pytest.mark.django_db
def test_the_command_rotates_and_says_so(settings):
    settings.TROTH_ENCRYPTION_KEYS = [NEW, *settings.TROTH_ENCRYPTION_KEYS]
    out = io.StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "Every value is under the first key" in out.getvalue()


@pytest.mark.django_db
def test_the_command_fails_loudly_when_a_key_is_missing(settings, monkeypatch):
    from troth.lib import fields

    monkeypatch.setattr(
        "troth.safety.management.commands.rotate_encryption_keys.rotate",
        lambda batch: fields.Rotation(unreadable=["promises.Promise.text #3"]),
    )
    with pytest.raises(CommandError, match="keep every old key"):
        call_command("rotate_encryption_keys", stdout=io.StringIO())


# Written by the field Troth used before it owned one (built on
# django-fernet-encrypted-fields 0.4.0), under this key: text already in a
# database must read back with no data migration.
EARLIER_KEY = "Tv1YI2uuBemII6K4aB4jTfCEe64mapQThHRUxoX593c="
EARLIER_TOKEN = (
    "gAAAAABrEz_JvAWtxGHitJzuLs0rEkS8bhWBYc8C1CJ6B5HqsxFNehY1C1e2pZ3dc_z3fInr1sP3"
    "TuuL5F5ttr_buzyT0HiEJMFEfMZoIsvtBI_Dpm8XlA_snKcZ712DbokKXU60-ouR"
)
EARLIER_TEXT = "Ich hab dich vermisst — ça va? 🌱"


def test_it_reads_text_the_earlier_field_wrote(settings):
    settings.TROTH_ENCRYPTION_KEYS = [NEW, EARLIER_KEY]
    field = EncryptedTextField()
    assert field.from_db_value(EARLIER_TOKEN, None, connection) == EARLIER_TEXT


def test_it_writes_what_the_earlier_field_wrote(settings):
    """Same format both ways: a Fernet token of the UTF-8 text, and NULL for
    nothing written, so a rollback to the earlier field reads it too."""
    settings.TROTH_ENCRYPTION_KEYS = [EARLIER_KEY]
    field = EncryptedTextField()
    stored = field.get_db_prep_value(EARLIER_TEXT, connection)
    assert Fernet(EARLIER_KEY).decrypt(stored.encode()).decode() == EARLIER_TEXT
    assert field.get_db_prep_value("", connection) is None
    assert field.get_db_prep_value(None, connection) is None
