"""The data directory: only the account Troth runs as may read it.

It holds the SQLite database (with its -wal and -shm files), the secret key
and the encryption key. `secure()` runs first thing in settings, before
anything opens the database: it narrows the process's umask so every file
Troth or SQLite creates from then on is 0600 (and every directory 0700),
creates the directory 0700, and narrows whatever an older install left
readable by others, with a warning that names the path.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

logger = logging.getLogger("troth.datadir")

PRIVATE = 0o077  # the group and other bits


def _narrow(path: Path) -> None:
    mode = stat.S_IMODE(path.lstat().st_mode)
    if not mode & PRIVATE:
        return
    try:
        path.chmod(mode & ~PRIVATE)
    except OSError as error:
        logger.warning(
            "%s is readable by other accounts and could not be made private: %s",
            path,
            error.strerror,
        )
        return
    logger.warning(
        "%s was readable by other accounts; it is now private (mode %o).",
        path,
        mode & ~PRIVATE,
    )


def secure(path: Path) -> None:
    """Make `path` and everything in it private to this account, and keep
    what is created later private too."""
    os.umask(os.umask(0) | PRIVATE)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    _narrow(path)
    for root, dirs, files in os.walk(path):
        for name in [*dirs, *files]:
            entry = Path(root) / name
            if not entry.is_symlink():
                _narrow(entry)
