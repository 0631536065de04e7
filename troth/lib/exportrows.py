"""A row someone wrote, as a person's export shows it (see
`troth.lib.export`): a log, a reflection, a view of a disagreement.

    "logs": [written(log, user, outcome=log.outcome, note=log.note or "")
             for log in session.seen_logs]

gives, for each, {"by_me", "author", "shared", its own fields, "created"},
the shape docs/export.md names for words one partner wrote and may share.
"""

from __future__ import annotations

from typing import Any

from troth.lib.export import when


def written(row: Any, user, **fields: Any) -> dict[str, Any]:
    """`row` (with an author, a visibility and a creation time) for
    `user`'s export, with its own `fields`."""
    return {
        "by_me": row.author_id == user.pk,
        "author": str(row.author),
        "shared": row.is_shared,
        **fields,
        "created": when(row.created),
    }
