"""Builders for a space, its members and its activity, for the demo and the
tests alike.

Builders make rows directly, the way history looks once it has happened:
any date, past ones too, and no notifications. A builder draws nothing at
random; the caller decides every value (the demo from its seeded draws).
The services remain the way a person acts now.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.contrib.contenttypes.models import ContentType

from troth.lib.content import Visibility
from troth.spaces.models import Activity, Membership, Space


def build_space(
    *members,
    created: datetime | None = None,
    joined_at: Sequence[datetime] = (),
) -> Space:
    """A space with `members`, each joining at the matching `joined_at`
    (now, when not given)."""
    space = Space.objects.create(**({"created": created} if created else {}))
    for index, user in enumerate(members):
        when = joined_at[index] if index < len(joined_at) else None
        Membership.objects.create(
            space=space, user=user, **({"joined_at": when} if when else {})
        )
    return space


def build_activity(
    space,
    author,
    verb: str,
    target,
    *,
    at: datetime,
    visibility: str = Visibility.SHARED,
    recipient=None,
) -> Activity:
    """The activity row a service records when `author` does `verb` to
    `target`, dated `at` (and concerning `recipient`, if given)."""
    return Activity.objects.create(
        space=space,
        author=author,
        verb=verb,
        recipient=recipient,
        visibility=visibility,
        created=at,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
    )
