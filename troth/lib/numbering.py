"""Numbering rows in order: the next version of a text, the next clause."""

from __future__ import annotations

from django.db.models import Max, QuerySet


def next_number(rows: QuerySet, field: str = "number") -> int:
    """One more than the highest `field` among `rows`; 1 when there are none.
    Read under the lock of the row they belong to, so two steps never take
    the same number."""
    return (rows.aggregate(n=Max(field))["n"] or 0) + 1
