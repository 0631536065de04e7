"""The contract between feature apps and the "What I share" page.

An app that lets a person share something provides `troth/<app>/sharing.py`:

    def shared_by(user, space) -> list[SharedItem]
        everything `user` currently shares with their partner in `space`;
    def stop(user, space, key: str) -> bool
        stop sharing the item with that key (False if there was none);
    def stop_all(user, space) -> int
        stop everything this app lets be stopped; returns how many.

and, where what is shared grows with a couple's history (a moment a day,
every event), also

    def shared(user, space) -> SharedList
        the same items, in the same order, read a window at a time: the
        page shows a count and the first few, and pages through the rest.

Stopping never notifies the partner and never deletes anything: the item
becomes private to its author again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from django.db.models import Func, IntegerField, Subquery


@dataclass(frozen=True)
class SharedItem:
    group: str  # the feature, as the person knows it ("Self map")
    label: str  # what is shared ("Boundary: phone calls at night")
    key: str  # opaque to the page; passed back to `stop`
    detail: str = ""  # how it is shared ("Busy only"), if it matters


class SharedList:
    """A feature's shared items, built from rows only for the window asked
    for, so the page costs the same with ten items or ten thousand.

    `first` are a few items listed before the rows (a calendar's
    subscription link, a self map's shared kinds). A window asks the
    database for its rows and their total together, so a preview is one
    query; `count()` alone is one more. Django's Paginator
    takes it as it is."""

    def __init__(
        self,
        rows,
        item: Callable[[Any], SharedItem],
        *,
        first: Sequence[SharedItem] = (),
    ) -> None:
        self.rows = rows
        self.item = item
        self.first = list(first)
        self._rows_total: int | None = None

    def count(self) -> int:
        if self._rows_total is None:
            self._rows_total = self.rows.count()
        return len(self.first) + self._rows_total

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[SharedItem]:
        yield from self.first
        for row in self.rows:
            yield self.item(row)

    @overload
    def __getitem__(self, index: int) -> SharedItem: ...

    @overload
    def __getitem__(self, index: slice) -> list[SharedItem]: ...

    def __getitem__(self, index):
        if isinstance(index, int) and index >= 0:
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("SharedList is read from the start: items[a:b], items[i]")
        start, stop = index.start or 0, index.stop
        if start < 0 or (stop is not None and stop < 0):
            raise TypeError("SharedList is read from the start: items[a:b], items[i]")
        items = self.first[start:stop]
        skip = max(start - len(self.first), 0)
        end = None if stop is None else max(stop - len(self.first), 0)
        if end is not None and end <= skip:
            return items
        rows = list(self.rows.annotate(shared_total=self._total())[skip:end])
        if rows:
            self._rows_total = rows[0].shared_total
        elif skip == 0:
            self._rows_total = 0
        return items + [self.item(row) for row in rows]

    def _total(self) -> Subquery:
        """How many rows there are, as a column of the window's own query:
        an uncorrelated subquery the database counts once, reading no more
        than a COUNT would (a window count would carry every row's text)."""
        counted = self.rows.order_by().values(
            n=Func("pk", function="COUNT", output_field=IntegerField())
        )
        return Subquery(counted, output_field=IntegerField())
