"""Many couples at once, for tests that count a job's queries: bulk-created
so 30 couples cost a handful of INSERTs, not 30 sign-ups."""

from __future__ import annotations

import itertools

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test.utils import CaptureQueriesContext

from troth.accounts.models import User
from troth.spaces.models import Membership, Space

_batches = itertools.count()
ZONES = ("UTC", "Europe/London", "Asia/Tokyo", "America/Los_Angeles")


def crowd(n: int) -> list[tuple[Space, User, User]]:
    """`n` open spaces, each with two partners in different time zones."""
    prefix = f"crowd{next(_batches)}x"
    password = make_password(None)
    users = User.objects.bulk_create(
        User(
            email=f"{prefix}{i}{side}@example.com",
            display_name=f"{prefix}{i}{side}",
            password=password,
            timezone=ZONES[(i + (side == "b")) % len(ZONES)],
        )
        for i in range(n)
        for side in "ab"
    )
    spaces = Space.objects.bulk_create(Space() for _ in range(n))
    Membership.objects.bulk_create(
        Membership(space=space, user=user)
        for i, space in enumerate(spaces)
        for user in users[2 * i : 2 * i + 2]
    )
    return [(space, users[2 * i], users[2 * i + 1]) for i, space in enumerate(spaces)]


def tick_cost(task) -> tuple[int, int, bool]:
    """One run of a clock job: its queries, what it returned (how many it
    sent), and whether it tried any INSERT."""
    with CaptureQueriesContext(connection) as captured:
        sent = task.call()
    inserted = any("INSERT" in q["sql"] for q in captured.captured_queries)
    return len(captured), sent, inserted
