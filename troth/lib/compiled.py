"""A queryset compiled once, to be used several times in one statement.

A subquery written as a queryset (`pk__in=rows`) is cloned, resolved and
compiled by the ORM at every place it appears: a list picked by a subquery
and then marked by the same subquery in the select list (Today's cards)
costs it twice, and the ORM's building and compiling, not the database, is
most of such a page's time (docs/benchmarks.md, issue 14). `compiled(rows)`
compiles it once; the SQL is the ORM's own, its values stay parameters.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


def compiled(rows: QuerySet) -> RawSQL:
    """`rows` (one column, as `.values("pk")`) as an expression to use
    where the queryset would go, as in `pk__in=compiled(rows)`."""
    sql, params = rows.query.sql_with_params()
    # The ORM's own compiled SQL; every value stays a parameter.
    return RawSQL(sql, params)  # nosec B611
