"""Template context for every page: the person's current space, looked up
once per request (settings.TEMPLATES)."""

from __future__ import annotations

from troth.spaces.models import current_membership


def space(request) -> dict:
    membership = current_membership(request)
    return {
        "membership": membership,
        "space": membership.space if membership else None,
    }
