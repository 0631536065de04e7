"""The self map: what a person knows about themself, shared by choice.

An entry is private until its author shares it, alone or with its whole
kind. Every wording is kept as an append-only version. The partner sees only
the versions that were the entry's wording at some moment while it was
shared with them (see `EntryVersionQuerySet.visible_to`): a draft written
while the entry was private stays the author's own, even after the entry is
shared again. The reasoning is in docs/figures/selfmap.md.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from troth.lib.appendonly import AppendOnly, AppendOnlyQuerySet
from troth.lib.content import Content, ContentQuerySet, Visibility, partner_space_ids
from troth.lib.fields import EncryptedTextField
from troth.lib.models import Linked, LinkedModel, ReadableQuerySet, one_per, person


class Kind(models.TextChoices):
    BOUNDARY = "boundary", _("Boundary")
    TRIGGER = "trigger", _("Trigger")
    VALUE = "value", _("Value")
    NEED = "need", _("Need")


KIND_PLURALS: dict[str, Promise] = {
    Kind.BOUNDARY: _("Boundaries"),
    Kind.TRIGGER: _("Triggers"),
    Kind.VALUE: _("Values"),
    Kind.NEED: _("Needs"),
}

KIND_HELP: dict[str, Promise] = {
    Kind.BOUNDARY: _("Lines that keep you well: what is fine, and what is not."),
    Kind.TRIGGER: _("What can set off a strong reaction in you, and what helps then."),
    Kind.VALUE: _("What matters most to you, the things you try to live by."),
    Kind.NEED: _("What helps you feel safe, loved and like yourself."),
}


class Wording(NamedTuple):
    """What an entry says, in one version."""

    title: str
    text: str
    helps: str


class EntryQuerySet(ContentQuerySet):
    def of_kind(self, kind: str) -> EntryQuerySet:
        return self.filter(kind=kind)

    def shared_by_partner(self, user) -> EntryQuerySet:
        """What the partner shares with `user`: their shared entries only."""
        return self.visible_to(user).exclude(author=user).shared()


class Entry(Linked, Content):
    url_name = "selfmap:entry"

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = EncryptedTextField(_("title"))
    text = EncryptedTextField(_("what it is"))
    helps = EncryptedTextField(
        _("what helps me when this comes up"), blank=True, null=True
    )
    # When the partner could first see the current wording. The partner is
    # shown this date, never `updated`, which also moves for private edits.
    shown_at = models.DateTimeField(null=True, blank=True)

    objects = EntryQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["kind", "-created", "-id"]
        indexes = [models.Index(fields=["space", "author", "kind"])]
        verbose_name_plural = "entries"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    @classmethod
    def write(cls, wording: tuple[str, str, str], *, at, **fields) -> Entry:
        """A new entry in its current `wording` (title, text, what helps),
        written `at`; `fields` say whose it is, its kind and who sees it."""
        return cls.objects.create(created=at, **Wording(*wording)._asdict(), **fields)

    def keep_wording(
        self, number: int, wording: tuple[str, str, str], *, at, shown_at
    ) -> EntryVersion:
        """Keep `wording` as the entry's version `number`, written `at` and
        first shown to the partner at `shown_at` (None: not yet)."""
        return EntryVersion.objects.create(
            entry=self,
            number=number,
            created=at,
            shown_at=shown_at,
            **Wording(*wording)._asdict(),
        )

    def add_response(
        self, author, kind: str, *, version_number: int, at: datetime
    ) -> Response:
        """`author`'s answer to the entry (a thank-you, or asking to talk
        about it), to its wording `version_number`, given `at`."""
        return Response.objects.create(
            space=self.space,
            author=author,
            entry=self,
            kind=kind,
            version_number=version_number,
            visibility=Visibility.SHARED,
            created=at,
        )


# django-stubs types each queryset's `as_manager()` separately, so combining
# two needs these ignores (as for troth.lib.content.SharedRecordQuerySet).
class EntryVersionQuerySet(ReadableQuerySet, AppendOnlyQuerySet):  # type: ignore[override]
    def visibility_q(self, user) -> Q:
        """The author sees every version; the partner sees a version only if
        the entry is shared now and the version was its wording while shared."""
        return Q(entry__author=user) | Q(
            entry__visibility=Visibility.SHARED,
            entry__space_id__in=partner_space_ids(user),
            shown_at__isnull=False,
        )


class EntryVersion(AppendOnly):
    """One wording of an entry. Rows are only ever added, never changed,
    except `shown_at`, set once when the wording first reaches the partner."""

    SETTABLE_LATER = frozenset({"shown_at"})

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = EncryptedTextField()
    text = EncryptedTextField()
    helps = EncryptedTextField(blank=True, null=True)
    created = models.DateTimeField(default=timezone.now)
    shown_at = models.DateTimeField(null=True, blank=True)

    objects = EntryVersionQuerySet.as_manager()  # type: ignore[misc,assignment]

    class Meta:
        ordering = ["-number"]
        constraints = [one_per("entry", "number", name="one_selfmap_version_number")]

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.number}"


class KindShare(LinkedModel):
    """The author shares a whole kind: every entry in it now, and new ones
    start shared. Stopping makes every entry of the kind private again."""

    label = "{author_id} shares {kind}"
    url_name = "selfmap:partner"
    url_pk = None
    url_fragment = "kind-{kind}"

    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="+"
    )
    author = person()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            one_per("space", "author", "kind", name="one_selfmap_kind_share")
        ]


class ResponseQuerySet(ContentQuerySet):
    def visibility_q(self, user) -> Q:
        """A thank-you or a request to talk is seen by the one who gave it,
        and by the entry's author while the space is theirs."""
        return Q(author=user) | Q(
            entry__author=user,
            visibility=Visibility.SHARED,
            space_id__in=partner_space_ids(user),
        )


class Response(Linked, Content):
    """The partner's answer to a shared entry: a thank-you or a request to
    talk about it. It carries no text, so nothing anyone wrote travels."""

    class Kind(models.TextChoices):
        THANKS = "thanks", _("Thank you for telling me")
        TALK = "talk", _("Can we talk about this?")

    label = "{kind} on {entry_id}"
    url_name = "selfmap:entry"
    url_pk = "entry_id"

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="responses")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The version the partner was reading, so a thank-you belongs to a wording.
    version_number = models.PositiveIntegerField()
    # For a request to talk: when the author marked that they talked.
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = ResponseQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-created", "-id"]
