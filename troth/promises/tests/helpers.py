"""Promises made now, through the services, as a person makes them.
Promises already in the past, with their history, come from
troth/promises/builders.py, as the demo's do."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from troth.promises import services


def tomorrow() -> dt.date:
    return (timezone.now() + dt.timedelta(days=1)).date()


def make_promise(space, by, *, text="Call the plumber", days=1, at=None, **extra):
    """A fresh promise from `by` to their partner, due in `days` days."""
    due = (timezone.now().astimezone(by.tz) + dt.timedelta(days=days)).date()
    return services.promise_create(
        space=space, by=by, text=text, due_date=due, due_time=at, **extra
    )
