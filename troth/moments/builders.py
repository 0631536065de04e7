"""Builders for moments and bids, for the demo and the tests alike (see
troth/spaces/builders.py for what a builder is). With `save=False` a
builder returns the row unsaved, for a bulk insert."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from troth.lib.builders import build_content
from troth.lib.content import Visibility
from troth.moments.models import About, Bid, Moment


def build_moment(
    space,
    author,
    *,
    kind: str,
    occurred_on: dt.date,
    about: str = About.PARTNER,
    subject=None,
    note: str = "",
    shared: bool = True,
    at: dt.datetime | None = None,
    save: bool = True,
    **fields,
) -> Moment:
    """A moment `author` noticed on `occurred_on`, about their partner (the
    `subject`, looked up when not given) or themselves; `fields` holds an
    acknowledgement (`acknowledged_at`, `ack`)."""
    if subject is None:
        subject = space.partner_of(author) if about == About.PARTNER else author
    return build_content(
        Moment,
        space,
        author,
        at=at or timezone.now(),
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        save=save,
        about=about,
        subject=subject,
        kind=kind,
        note=note,
        occurred_on=occurred_on,
        **fields,
    )


def build_bid(
    space,
    author,
    *,
    occurred_at: dt.datetime,
    response: str,
    note: str = "",
    at: dt.datetime | None = None,
    save: bool = True,
) -> Bid:
    """A bid in `author`'s private log and how it was met."""
    return build_content(
        Bid,
        space,
        author,
        at=at or timezone.now(),
        visibility=Visibility.PRIVATE,
        save=save,
        occurred_at=occurred_at,
        response=response,
        note=note,
    )
