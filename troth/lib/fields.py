"""Encrypted text fields for the free text people write.

Troth's own field, on Django's TextField and cryptography's Fernet:
- keys are Troth's own Fernet keys (TROTH_ENCRYPTION_KEYS, or a key file the
  data directory gets on first start), not derived from SECRET_KEY, so the
  secret key can rotate without making old text unreadable; the first key
  encrypts, every key decrypts (MultiFernet), which is how keys rotate;
- a value is stored as the Fernet token of its UTF-8 text, as a string; an
  empty value is stored as NULL. This is the format
  django-fernet-encrypted-fields wrote, which Troth used before, so text
  already in a database reads back unchanged;
- decryption happens once, when a value is read from the database, never in
  `to_python` or form cleaning (which see text, not ciphertext).

What this protects, and what it does not, is in docs/security.md.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.signals import setting_changed
from django.db import models, transaction
from django.db.models.functions import Cast


@cache
def multifernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.TROTH_ENCRYPTION_KEYS])


def _keys_changed(*, setting, **kwargs) -> None:
    if setting == "TROTH_ENCRYPTION_KEYS":
        multifernet.cache_clear()


setting_changed.connect(_keys_changed, dispatch_uid="troth.lib.fields.keys")


class EncryptedTextField(models.TextField):
    """Free text stored as Fernet ciphertext. Length limits live in forms."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            # Nothing written is stored as NULL, not as the ciphertext of "".
            return None
        return multifernet().encrypt(value.encode()).decode()

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        try:
            return multifernet().decrypt(value.encode()).decode()
        except InvalidToken:
            # Text written before the field was encrypted, or under a key no
            # longer configured: shown as stored rather than failing the page.
            return value


def reencrypt(value: str | None) -> str | None:
    """Ciphertext of `value` under the current first key (for rotation)."""
    if not value:
        return value
    return multifernet().encrypt(value.encode()).decode()


def encrypted_fields(models_=None) -> list[tuple[type[models.Model], models.Field]]:
    """Every EncryptedTextField of every model (or of `models_`)."""
    found: list[tuple[type[models.Model], models.Field]] = []
    for model in models_ if models_ is not None else apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                found.append((model, field))
    return found


def looks_encrypted(raw: str) -> bool:
    # Every Fernet token starts with version byte 0x80, "gA" in base64.
    return raw.startswith("gAAAAA")


@dataclass
class Rotation:
    rewritten: int = 0  # rows now under the first key
    current: int = 0  # rows already under it
    # "label.field #pk" of values under no configured key
    unreadable: list[str] = dataclasses.field(default_factory=list)


def rotate(models_=None, *, batch: int = 500) -> Rotation:
    """Re-encrypt every EncryptedTextField value under the first key.

    Reads the stored text as it is (not through the field, which would hide
    a value it can't decrypt), so a value under a key no longer configured
    is reported, never wrapped in a second layer. Text stored before its
    field was encrypted is encrypted now. Safe to run again: rows already
    under the first key are left alone."""
    first = Fernet(settings.TROTH_ENCRYPTION_KEYS[0])
    everyone = multifernet()
    outcome = Rotation()
    for model, field in encrypted_fields(models_):
        manager = model._base_manager
        raw_values = (
            manager.exclude(**{f"{field.attname}__isnull": True})
            .annotate(_raw=Cast(field.attname, models.TextField()))
            .values_list("pk", "_raw")
            .order_by("pk")
        )
        last = None
        while True:
            page = raw_values.filter(pk__gt=last) if last is not None else raw_values
            rows = list(page[:batch])
            if not rows:
                break
            last = rows[-1][0]
            with transaction.atomic():
                for pk, raw in rows:
                    if not raw:
                        continue
                    try:
                        first.decrypt(raw.encode())
                        outcome.current += 1
                        continue
                    except InvalidToken:
                        pass
                    try:
                        text = everyone.decrypt(raw.encode()).decode()
                    except InvalidToken:
                        if looks_encrypted(raw):
                            outcome.unreadable.append(
                                f"{model._meta.label}.{field.name} #{pk}"
                            )
                            continue
                        text = raw  # written before the field was encrypted
                    manager.filter(pk=pk).update(**{field.attname: text})
                    outcome.rewritten += 1
    return outcome
