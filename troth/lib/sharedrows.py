"""A feature's part of the "What I share" page (see `troth.lib.sharing`)
when what a person shares is rows of one kind, each made private again on
its own: reflections on goals, moments about oneself, logs of exercises.

    SHARED = SharedRows(
        kind="reflection",
        group=gettext_lazy("Goals and adventures"),
        rows=lambda user, space: Reflection.objects.by(user).in_space(space).shared(),
        label=lambda r: _("Your reflection on “%(title)s”") % {"title": r.goal.title},
        unshare=lambda r, user: reflection_stop(reflection=r, by=user),
    )
    shared, shared_by = SHARED.shared, SHARED.shared_by
    stop, stop_all = SHARED.stop, SHARED.stop_all

Each row's key is "<kind>:<id>".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from troth.lib.sharing import SharedItem, SharedList


@dataclass(frozen=True)
class SharedRows:
    kind: str  # the keys' prefix
    group: Any  # the feature, as the person knows it (lazily translated)
    rows: Callable[[Any, Any], Any]  # (user, space) -> the rows they share
    label: Callable[[Any], str]  # what a row is, in a few words
    unshare: Callable[[Any, Any], object]  # (row, user): private again
    order: tuple[str, ...] = ()  # how the page lists them, if not as `rows`

    def shared(self, user, space) -> SharedList:
        rows = self.rows(user, space)
        return SharedList(
            rows.order_by(*self.order) if self.order else rows, self._item
        )

    def shared_by(self, user, space) -> list[SharedItem]:
        return list(self.shared(user, space))

    def _item(self, row) -> SharedItem:
        return SharedItem(
            group=str(self.group), label=self.label(row), key=f"{self.kind}:{row.pk}"
        )

    def stop(self, user, space, key: str) -> bool:
        kind, _sep, ident = (key or "").partition(":")
        if kind != self.kind or not ident.isdigit():
            return False
        row = self.rows(user, space).filter(pk=int(ident)).first()
        if row is None:
            return False
        self.unshare(row, user)
        return True

    def stop_all(self, user, space) -> int:
        rows = list(self.rows(user, space))
        for row in rows:
            self.unshare(row, user)
        return len(rows)
