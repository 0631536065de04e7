"""Builders for self-map entries with their wordings over time, responses
and kinds shared as a whole, for the demo and the tests alike (see
troth/spaces/builders.py for what a builder is)."""

from __future__ import annotations

from datetime import datetime

from troth.lib.content import Visibility
from troth.selfmap.models import Entry, KindShare, Response, Wording


def build_entry(
    space,
    author,
    *,
    kind: str,
    wordings: list[Wording],
    written: list[datetime],
    shared: bool | None,
    updated: datetime | None = None,
) -> Entry:
    """An entry `author` wrote at `written[0]` and reworded at each later
    `written`, ending in its last wording. `shared` None means written in
    private first and shared from its second wording on: the first draft
    was never shown to the partner."""
    is_shared = shared is not False
    entry = Entry.write(
        wordings[-1],
        at=written[0],
        space=space,
        author=author,
        kind=kind,
        visibility=Visibility.SHARED if is_shared else Visibility.PRIVATE,
    )
    for number, (wording, when) in enumerate(
        zip(wordings, written, strict=True), start=1
    ):
        shown = when if shared is True or (shared is None and number > 1) else None
        entry.keep_wording(number, wording, at=when, shown_at=shown)
        if is_shared and shown:
            entry.shown_at = shown
    Entry.objects.filter(pk=entry.pk).update(
        shown_at=entry.shown_at, updated=updated or written[-1]
    )
    return entry


def build_response(
    entry: Entry, author, *, kind: str, version_number: int, at: datetime
) -> Response:
    """`author`'s answer to their partner's entry (a thank-you, or asking to
    talk about it), to its wording `version_number`."""
    return entry.add_response(author, kind, version_number=version_number, at=at)


def build_kind_share(space, author, *, kind: str, at: datetime) -> KindShare:
    """`author` shares every entry of `kind`, from `at` on."""
    return KindShare.objects.create(space=space, author=author, kind=kind, created=at)
