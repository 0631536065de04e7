"""Keys Troth generates for itself on first start and keeps in the data dir."""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec


@dataclass(frozen=True)
class KeyFile:
    """A key Troth keeps in the data dir, unless `variable` gives it."""

    name: str
    variable: str


# Every key Troth keeps: settings read them from here, and a backup holds
# them all (troth/backups), so a new key goes in this list or is lost with
# the machine. tests/test_backup.py checks that a fresh data dir holds
# nothing else but the database and the static files.
SECRET_KEY_FILE = KeyFile("secret_key", "TROTH_SECRET_KEY")
ENCRYPTION_KEY_FILE = KeyFile("encryption_key", "TROTH_ENCRYPTION_KEYS")
VAPID_KEY_FILE = KeyFile("vapid_private_key", "TROTH_VAPID_PRIVATE_KEY")
KEY_FILES = (SECRET_KEY_FILE, ENCRYPTION_KEY_FILE, VAPID_KEY_FILE)


def read_or_create_key(path: Path, *, nbytes: int = 50, make=None) -> str:
    """Return the key stored at `path`, creating it (mode 0600) if missing.

    Creation uses O_EXCL so two processes starting at once agree on one key:
    the loser of the race reads the winner's file.
    """
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    value = make() if make else secrets.token_urlsafe(nbytes)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as f:
        f.write(value + "\n")
    return value


def new_vapid_key() -> str:
    """A new P-256 private key for Web Push (RFC 8292), as the 32 bytes of
    its secret number in unpadded base64url: the form py-vapid reads and
    `TROTH_VAPID_PRIVATE_KEY` takes."""
    number = ec.generate_private_key(ec.SECP256R1()).private_numbers().private_value
    return base64.urlsafe_b64encode(number.to_bytes(32, "big")).rstrip(b"=").decode()
