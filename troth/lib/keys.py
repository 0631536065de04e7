"""Keys Troth generates for itself on first start and keeps in the data dir."""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec


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
