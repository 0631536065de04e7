"""What needs a person now, gathered for the top of the dashboard.

A dashboard card may carry `"needs": [Need(...), ...]`: the things in it
that wait for the viewer (a promise to confirm, a question to answer). The
dashboard lists them all first, so nothing waiting hides below the fold.
Cards compute these from what they already fetched: no extra queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise as LazyText


@dataclass(frozen=True)
class Need:
    text: str | LazyText
    url: str


def count_text(count: int, shown: int) -> str:
    """ "3", or "5+" when a card fetched only its first few."""
    return f"{shown}+" if count > shown else str(count)
