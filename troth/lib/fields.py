"""Encrypted text fields for the free text people write.

Built on django-fernet-encrypted-fields, with two changes:
- keys are Troth's own Fernet keys (TROTH_ENCRYPTION_KEYS, or a key file the
  data directory gets on first start), not derived from SECRET_KEY, so the
  secret key can rotate without making old text unreadable; the first key
  encrypts, every key decrypts (MultiFernet), which is how keys rotate;
- decryption happens once, when a value is read from the database. The
  library also decrypts in `to_python` and marks the (shared) field object
  during form cleaning, which under threads can leave a value encrypted.

What this protects, and what it does not, is in docs/security.md.
"""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models
from encrypted_fields.fields import EncryptedFieldMixin


@cache
def multifernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.TROTH_ENCRYPTION_KEYS])


class _Encrypted(EncryptedFieldMixin):
    @property
    def f(self) -> MultiFernet:  # type: ignore[override]
        return multifernet()

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        try:
            return self.f.decrypt(value.encode()).decode()
        except InvalidToken:
            # Text written before the field was encrypted, or under a key no
            # longer configured: shown as stored rather than failing the page.
            return value

    def to_python(self, value):
        return models.TextField.to_python(self, value)

    def clean(self, value, model_instance):
        return models.Field.clean(self, value, model_instance)


class EncryptedTextField(_Encrypted, models.TextField):
    """Free text stored as Fernet ciphertext. Length limits live in forms."""


def reencrypt(value: str | None) -> str | None:
    """Ciphertext of `value` under the current first key (for rotation)."""
    if not value:
        return value
    return multifernet().encrypt(value.encode()).decode()
