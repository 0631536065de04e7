"""The contract between feature apps and the "What I share" page.

An app that lets a person share something provides `troth/<app>/sharing.py`:

    def shared_by(user, space) -> list[SharedItem]
        everything `user` currently shares with their partner in `space`;
    def stop(user, space, key: str) -> bool
        stop sharing the item with that key (False if there was none);
    def stop_all(user, space) -> int
        stop everything this app lets be stopped; returns how many.

Stopping never notifies the partner and never deletes anything: the item
becomes private to its author again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SharedItem:
    group: str  # the feature, as the person knows it ("Self map")
    label: str  # what is shared ("Boundary: phone calls at night")
    key: str  # opaque to the page; passed back to `stop`
    detail: str = ""  # how it is shared ("Busy only"), if it matters
