"""Operations on the self map. Each does its whole job in one transaction and
records an Activity; a step that is not allowed raises ValidationError with
words for the person, and changes nothing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.lib.content import Visibility
from troth.selfmap.models import Entry, EntryVersion, Kind, KindShare, Response
from troth.selfmap.steps import ENTRY_STEPS, RESPONSE_STEPS, latest_number
from troth.spaces.services import (
    activity_record_for_partner,
    activity_record_private,
    own_content_delete,
)
from troth.spaces.steps import Refused, require_partner

TITLE_MAX = 120
TEXT_MAX = 4000
HELPS_MAX = 2000


def check_wording(*, title: str, text: str, helps: str) -> tuple[str, str, str]:
    title, text, helps = (
        (title or "").strip(),
        (text or "").strip(),
        (helps or "").strip(),
    )
    if not title:
        raise ValidationError(_("Give the entry a short title."))
    if not text:
        raise ValidationError(_("Write a few words about it."))
    if len(title) > TITLE_MAX or len(text) > TEXT_MAX or len(helps) > HELPS_MAX:
        raise ValidationError(_("That is longer than an entry can be."))
    return title, text, helps


def check_author(entry: Entry, by) -> None:
    if entry.author_id != by.pk:
        raise Refused(
            _("Only the person who wrote an entry can change it."), "wrong_person"
        )


def kind_is_shared(*, space, author, kind: str) -> bool:
    return KindShare.objects.filter(space=space, author=author, kind=kind).exists()


def _record(entry: Entry, by, *, shared: str, private: str) -> None:
    """A shared entry's activity is told to the partner (verb `shared`);
    a private one's stays in its author's own history (`private`)."""
    if entry.is_shared:
        activity_record_for_partner(
            space=entry.space, actor=by, verb=shared, target=entry
        )
    else:
        activity_record_private(space=entry.space, actor=by, verb=private, target=entry)


def _mark_shown(entry: Entry, now) -> None:
    """The current wording reaches the partner now: remember when, once."""
    EntryVersion.objects.filter(entry=entry, shown_at__isnull=True).filter(
        number=entry.versions.aggregate(n=Max("number"))["n"]
    ).update(shown_at=now)
    entry.shown_at = now


def entry_create(
    *,
    space,
    author,
    kind: str,
    title: str,
    text: str,
    helps: str = "",
    share: bool | None = None,
) -> Entry:
    """Add an entry to `author`'s self map, with its first version.

    Private unless `share` is true, or `share` is None and the author shares
    the whole kind."""
    if kind not in Kind.values:
        raise ValidationError(_("Choose boundary, trigger, value or need."))
    title, text, helps = check_wording(title=title, text=text, helps=helps)
    with transaction.atomic():
        require_partner(space, author)
        if share is None:
            share = kind_is_shared(space=space, author=author, kind=kind)
        now = timezone.now()
        entry = Entry.write(
            (title, text, helps),
            at=now,
            space=space,
            author=author,
            kind=kind,
            visibility=Visibility.SHARED if share else Visibility.PRIVATE,
            shown_at=now if share else None,
        )
        entry.keep_wording(1, (title, text, helps), at=now, shown_at=entry.shown_at)
        _record(
            entry,
            author,
            shared="selfmap.entry_shared",
            private="selfmap.entry_created",
        )
    return entry


def entry_update(*, entry: Entry, by, title: str, text: str, helps: str = "") -> Entry:
    """Change an entry's wording. The old wording stays as a version; if the
    entry is shared, the partner is told it changed (not what it says)."""
    check_author(entry, by)
    title, text, helps = check_wording(title=title, text=text, helps=helps)
    with transaction.atomic():
        require_partner(entry.space, by)
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        if (entry.title, entry.text, entry.helps or "") == (title, text, helps):
            return entry
        now = timezone.now()
        number = (entry.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        entry.keep_wording(
            number,
            (title, text, helps),
            at=now,
            shown_at=now if entry.is_shared else None,
        )
        entry.title, entry.text, entry.helps = title, text, helps
        if entry.is_shared:
            entry.shown_at = now
        entry.save(update_fields=["title", "text", "helps", "shown_at", "updated"])
        _record(
            entry, by, shared="selfmap.entry_changed", private="selfmap.entry_edited"
        )
    return entry


def entry_share(*, entry: Entry, by) -> Entry:
    """Share one entry with the partner, who is told something was shared."""
    with ENTRY_STEPS.take("share", entry, by=by) as step:
        step.obj.visibility = Visibility.SHARED
        _mark_shown(step.obj, step.now)
    return entry


def entry_unshare(*, entry: Entry, by) -> Entry:
    """Make an entry private again. The partner loses access at once and is
    not told. If its whole kind was shared, the kind stays shared for the
    other entries but this one is kept back."""
    with ENTRY_STEPS.take("unshare", entry, by=by) as step:
        step.obj.visibility = Visibility.PRIVATE
    return entry


def entry_delete(*, entry: Entry, by) -> None:
    """Delete an entry with its versions and the responses to it."""
    check_author(entry, by)
    own_content_delete(entry, by=by, verb="selfmap.entry_deleted")


def kind_share(*, space, author, kind: str) -> int:
    """Share a whole kind: every entry of it now, and new ones by default.
    Returns how many entries became shared."""
    if kind not in Kind.values:
        raise ValidationError(_("Choose boundary, trigger, value or need."))
    with transaction.atomic():
        require_partner(space, author)
        if kind_is_shared(space=space, author=author, kind=kind):
            raise Refused(_("You already share this whole kind."), "already_shared")
        share = KindShare.objects.create(space=space, author=author, kind=kind)
        now = timezone.now()
        entries = list(
            Entry.objects.select_for_update().filter(
                space=space, author=author, kind=kind, visibility=Visibility.PRIVATE
            )
        )
        for entry in entries:
            entry.visibility = Visibility.SHARED
            _mark_shown(entry, now)
            entry.save(update_fields=["visibility", "shown_at", "updated"])
        activity_record_for_partner(
            space=space, actor=author, verb="selfmap.kind_shared", target=share
        )
    return len(entries)


def kind_unshare(*, space, author, kind: str) -> int:
    """Stop sharing a kind: every entry of it becomes private at once, and new
    ones start private. The partner is not told. Returns how many entries
    became private."""
    if kind not in Kind.values:
        raise ValidationError(_("Choose boundary, trigger, value or need."))
    with transaction.atomic():
        KindShare.objects.filter(space=space, author=author, kind=kind).delete()
        changed = Entry.objects.filter(
            space=space, author=author, kind=kind, visibility=Visibility.SHARED
        ).update(visibility=Visibility.PRIVATE, updated=timezone.now())
        activity_record_private(space=space, actor=author, verb="selfmap.kind_unshared")
    return changed


def response_create(*, entry: Entry, by, kind: str) -> Response:
    """The partner thanks the author for an entry, or asks to talk about it.

    One thank-you per wording; one open request to talk at a time."""
    if kind not in Response.Kind.values:
        raise ValidationError(_("Choose to thank, or to ask to talk."))
    name = "thank" if kind == Response.Kind.THANKS else "ask_to_talk"
    with ENTRY_STEPS.take(name, entry, by=by) as step:
        step.save = False
        step.target = step.obj.add_response(
            by, kind, version_number=latest_number(step.obj), at=step.now
        )
        step.recipient = step.obj.author
    return step.target


def response_resolve(*, response: Response, by) -> Response:
    """The author marks that a request to talk was talked about."""
    with RESPONSE_STEPS.take("resolve", response, by=by) as step:
        step.obj.resolved_at = step.now
    return response
