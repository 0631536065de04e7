"""The contract between feature apps and the personal export.

An app with content provides `troth/<app>/export.py`:

    def export(user) -> dict
        JSON-ready data: everything `user` wrote in this feature, and
        everything their partner shared with them; never the partner's
        private rows. Keys and shapes are documented in docs/export.md.
"""

from __future__ import annotations

from datetime import date, datetime


def when(value: date | datetime | None) -> str | None:
    """ISO 8601 for the archive; datetimes in UTC."""
    return value.isoformat() if value is not None else None
