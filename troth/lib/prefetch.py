"""Prefetching only what a person may see.

A page or an export that lists things with their answers, reactions or
reflections must show only the ones the reader may see (each kind's
`visible_to`), and names their authors, so it fetches those with them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch


def prefetch_visible(lookup: str, model: Any, user, *, to_attr: str) -> Prefetch:
    """Prefetch `lookup` keeping only the `model` rows `user` may see, each
    with its author, as the list `to_attr`. (django-stubs can't see
    `to_attr` through it: where the type checker reads the list, write the
    `Prefetch` out.)"""
    return Prefetch(
        lookup,
        queryset=model.objects.visible_to(user).select_related("author"),
        to_attr=to_attr,
    )
