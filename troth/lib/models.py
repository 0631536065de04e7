"""Small pieces the apps' models share, so each model says only what is its
own.

- `person()` and `optional_link()`: the foreign keys most rows carry (who wrote,
  who answered, which clause), with no reverse accessor on the other side;
  `shared_by_default()`, a visibility column; `one_per()`, a unique
  constraint.
- `Linked` (`LinkedModel` for a plain model): a row's name and page, from
  class attributes.
- `state_is()` and `is_set()`: the yes/no properties a page asks of a row.
- `ReadableQuerySet`: `visible_to(user)` for rows that are not `Content`:
  nobody signed out reads anything; each queryset states only its rule.
- `HistoryEntry`: the append-only step of something's history, with the
  AppendOnly guarantees of troth/lib/appendonly.py.

Every field here deconstructs exactly as the field it replaces, so moving a
model onto these pieces changes no migration.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, Self, overload

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.appendonly import AppendOnly
from troth.lib.content import Visibility, partner_space_ids

OnDelete = Callable[..., None]


def optional_link(
    to: str | type[models.Model],
    *,
    on_delete: OnDelete = models.SET_NULL,
    related_name: str = "+",
    **options: Any,
) -> models.ForeignKey:
    """A foreign key that may be empty (in forms too). By default it empties
    when its row goes, and the other side has no accessor back."""
    return models.ForeignKey(
        to,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        **options,
    )


def person(
    *,
    optional: bool = False,
    on_delete: OnDelete = models.CASCADE,
    related_name: str = "+",
    **options: Any,
) -> models.ForeignKey:
    """A foreign key to a person. Without `optional` every row has one;
    with it the field may be empty (the clock took the step, nobody has
    answered yet). A person's rows go with them unless `on_delete` says
    otherwise."""
    if optional:
        return optional_link(
            settings.AUTH_USER_MODEL,
            on_delete=on_delete,
            related_name=related_name,
            **options,
        )
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=on_delete,
        related_name=related_name,
        **options,
    )


def shared_by_default() -> models.CharField:
    """`Content.visibility` for what the couple shares unless its author
    makes it private (a goal, an audit's reflection): the same column, with
    SHARED as the default."""
    return models.CharField(
        _("who can see this"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.SHARED,
    )


def one_per(*fields: str, name: str, **options: Any) -> models.UniqueConstraint:
    """At most one row for each combination of `fields` (one reflection
    per goal and author)."""
    return models.UniqueConstraint(fields=list(fields), name=name, **options)


class _Attributes(dict):
    """The attributes of `row`, read as a format string asks for them."""

    def __init__(self, row: object) -> None:
        super().__init__()
        self.row = row

    def __missing__(self, key: str) -> Any:
        return getattr(self.row, key)


class Linked:
    """A row named and linked by its class attributes.

    `label` is its `str()`, a format string over its attributes
    ("Promise {pk}", "Milestone {pk} of goal {goal_id}"); `url_name` the
    page it is shown on, taking the attribute `url_pk` as its `pk` (the
    row's own, its parent's, or a dotted path: "answer.round_id"), or no
    argument when `url_pk` is None; `url_fragment`, when set, the place on
    that page, formatted like `label` ("kind-{kind}").
    Listed before the model base, so its `__str__` is the one used."""

    label: ClassVar[str]
    url_name: ClassVar[str]
    url_pk: ClassVar[str | None] = "pk"
    url_fragment: ClassVar[str] = ""

    def __str__(self) -> str:
        return self.label.format_map(_Attributes(self))

    def get_absolute_url(self) -> str:
        if self.url_pk is None:
            url = reverse(self.url_name)
        else:
            url = reverse(self.url_name, kwargs={"pk": attrgetter(self.url_pk)(self)})
        if self.url_fragment:
            url += "#" + self.url_fragment.format_map(_Attributes(self))
        return url


class LinkedModel(Linked, models.Model):
    """A plain model named and linked as `Linked` says. (Linked itself is
    not a model: listed before an abstract base with Meta options, it would
    take their place as the Meta a child inherits.)"""

    class Meta:
        abstract = True


class _Test:
    """A read-only yes/no property of a row, worked out by `test`."""

    def __init__(self, test: Callable[[Any], bool], doc: str) -> None:
        self.test = test
        self.__doc__ = doc

    @overload
    def __get__(self, row: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, row: object, owner: type | None = None) -> bool: ...

    def __get__(self, row: object | None, owner: type | None = None) -> Self | bool:
        if row is None:
            return self
        return self.test(row)


def state_is(*states: str, field: str = "status") -> _Test:
    """Whether the row's `field` holds one of `states` (`is_active`)."""
    return _Test(
        lambda row: getattr(row, field) in states,
        f"Whether {field} is {' or '.join(states)}.",
    )


def is_set(field: str) -> _Test:
    """Whether the row's `field` holds a value (`is_done`: done_at is set)."""
    return _Test(
        lambda row: getattr(row, field) is not None, f"Whether {field} is set."
    )


class ReadableQuerySet(models.QuerySet):
    """Rows read through `visible_to(user)`: none by someone signed out;
    for the signed in, the rule `visibility_q` states. The default rule: the
    rows of the spaces `user` is a partner in (troth/lib/content.py)."""

    def visible_to(self, user) -> Self:
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(self.visibility_q(user))

    def visibility_q(self, user) -> Q:
        return Q(space_id__in=partner_space_ids(user))


class HistoryEntry(AppendOnly):
    """One step in the history of something (a promise, an agreement, a
    repair), appended and never changed (troth/lib/appendonly.py).

    `actor` is empty for what the clock did. A subclass names, in
    `RECORD_OF`, the foreign key to what this is the history of: the entry
    stays with it when a former partner's account is deleted
    (troth.accounts.services), and its `str()` says which it is."""

    RECORD_OF: ClassVar[str]

    actor = person(optional=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created", "id"]

    def __str__(self) -> str:
        record_id = getattr(self, f"{self.RECORD_OF}_id")
        return f"{getattr(self, 'kind', '')} on {self.RECORD_OF} {record_id}"

    @property
    def is_system(self) -> bool:
        return self.actor_id is None
