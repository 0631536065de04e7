"""A backup archive's envelope: a tar stream sealed with a passphrase.

The passphrase gives a key through scrypt (a fresh random salt per archive,
so every archive has its own key); the stream is cut into chunks of at most
CHUNK bytes, each sealed with AES-GCM from the `cryptography` package. This
is the STREAM construction (Hoang, Reyhanitabar, Rogaway and Vizár, 2015;
age and Tink seal files the same way): a chunk's nonce is its number and
whether it is the last, so a chunk moved, dropped, changed, or a stream cut
short does not open. The header is bound to every chunk as associated data,
and a sealed check value right after it tells a wrong passphrase from a
damaged archive before anything else is read.

    magic | header length (4 bytes) | header (JSON) | check (28 bytes)
    then chunks: ciphertext length (4 bytes) | ciphertext

Reading never writes anything but what the caller asked for, and raises
`ArchiveError` with words for the host at the first thing that is wrong.
"""

from __future__ import annotations

import base64
import json
import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"TROTH-BACKUP\x00\x01"
CHUNK = 1 << 20
# scrypt's cost: 64 MiB of memory and a fraction of a second per archive,
# above the 2^15 the scrypt paper gave for interactive use in 2009.
SCRYPT_N = 1 << 16
SCRYPT_R = 8
SCRYPT_P = 1
CHECK_NONCE = b"\xff" * 12  # never a chunk's: their last byte is 0 or 1
CHECK_TEXT = b"troth backup"
MIN_PASSPHRASE = 10
LENGTH = struct.Struct(">I")
TAG = 16


class ArchiveError(Exception):
    """What is wrong with an archive or a passphrase, in the host's words."""


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> AESGCM:
    kdf = Scrypt(salt=salt, length=32, n=n, r=r, p=p)
    return AESGCM(kdf.derive(passphrase.encode()))


def _nonce(number: int, last: bool) -> bytes:
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class SealedWriter:
    """A file-like object: what is written to it goes to `out` sealed.
    `close()` seals the last chunk; until then the archive does not open."""

    def __init__(self, out: BinaryIO, passphrase: str):
        if len(passphrase) < MIN_PASSPHRASE:
            raise ArchiveError(
                f"The passphrase needs at least {MIN_PASSPHRASE} characters."
            )
        salt = os.urandom(16)
        header = json.dumps(
            {
                "format": 1,
                "cipher": "AES-256-GCM STREAM",
                "kdf": {
                    "name": "scrypt",
                    "salt": base64.b64encode(salt).decode(),
                    "n": SCRYPT_N,
                    "r": SCRYPT_R,
                    "p": SCRYPT_P,
                },
                "chunk": CHUNK,
            },
            sort_keys=True,
        ).encode()
        self.aad = MAGIC + header
        self.aead = _key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        self.out = out
        self.buffer = bytearray()
        self.number = 0
        out.write(MAGIC + LENGTH.pack(len(header)) + header)
        out.write(self.aead.encrypt(CHECK_NONCE, CHECK_TEXT, self.aad))

    def write(self, data: bytes) -> int:
        self.buffer += data
        while len(self.buffer) > CHUNK:
            self._seal(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def _seal(self, plain: bytes, *, last: bool) -> None:
        sealed = self.aead.encrypt(_nonce(self.number, last), plain, self.aad)
        self.out.write(LENGTH.pack(len(sealed)) + sealed)
        self.number += 1

    def close(self) -> None:
        self._seal(bytes(self.buffer), last=True)
        self.buffer.clear()


def _read_exactly(source: BinaryIO, size: int) -> bytes:
    data = source.read(size)
    if len(data) < size:
        raise ArchiveError(
            "The archive is incomplete: it ends before its last part "
            "(was it cut short while copying?)."
        )
    return data


def _open_header(source: BinaryIO, passphrase: str) -> tuple[AESGCM, bytes]:
    if source.read(len(MAGIC)) != MAGIC:
        raise ArchiveError("This is not a Troth backup archive.")
    (size,) = LENGTH.unpack(_read_exactly(source, LENGTH.size))
    if size > 4096:
        raise ArchiveError("The archive's header is damaged.")
    header = _read_exactly(source, size)
    try:
        fields = json.loads(header)
        kdf = fields["kdf"]
        if fields["format"] != 1 or kdf["name"] != "scrypt":
            raise ArchiveError("This archive was made by a newer Troth.")
        salt = base64.b64decode(kdf["salt"])
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
    except (ValueError, KeyError, TypeError):
        raise ArchiveError("The archive's header is damaged.") from None
    if not (2 <= n <= 1 << 20 and 1 <= r <= 16 and 1 <= p <= 4):
        raise ArchiveError("The archive's header is damaged.")
    aad = MAGIC + header
    aead = _key(passphrase, salt, n, r, p)
    try:
        aead.decrypt(CHECK_NONCE, _read_exactly(source, len(CHECK_TEXT) + TAG), aad)
    except InvalidTag:
        raise ArchiveError(
            "The passphrase does not open this archive (or its header was changed)."
        ) from None
    return aead, aad


def unseal(source: BinaryIO, passphrase: str) -> Iterator[bytes]:
    """The archive's content, chunk by chunk, each checked before it is
    given. Raises ArchiveError for a wrong passphrase, a changed or damaged
    chunk, or an archive cut short; the caller must not use what it was
    given before the error as a whole."""
    aead, aad = _open_header(source, passphrase)
    number = 0
    while True:
        head = source.read(LENGTH.size)
        if len(head) < LENGTH.size:
            _read_exactly(source, LENGTH.size)  # raises: no last chunk
        (size,) = LENGTH.unpack(head)
        if size < TAG or size > CHUNK + TAG:
            raise ArchiveError("The archive is damaged or was changed.")
        sealed = _read_exactly(source, size)
        for last in (False, True):
            try:
                plain = aead.decrypt(_nonce(number, last), sealed, aad)
            except InvalidTag:
                continue
            break
        else:
            raise ArchiveError("The archive is damaged or was changed.")
        yield plain
        number += 1
        if last:
            if source.read(1):
                raise ArchiveError("The archive is damaged or was changed.")
            return


def check_passphrase(source: BinaryIO, passphrase: str) -> None:
    """Raise ArchiveError unless `passphrase` opens the archive's header."""
    _open_header(source, passphrase)
