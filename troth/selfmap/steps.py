"""The steps of the self map (see `troth.spaces.steps`).

an entry: private --(author: share)--> shared
          shared --(author: unshare; anytime, the partner isn't told)--> private
a shared entry --(the partner: thank, once per wording)--> a thank-you
               --(the partner: ask_to_talk, one open at a time)--> a request
a request to talk --(the author: resolve, once)--> talked about
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from troth.selfmap.models import Entry, Response
from troth.spaces.steps import Check, Message, Step, Steps, role, sharing_steps


def latest_number(entry: Entry) -> int:
    """The number of the entry's current wording (annotated as `latest` on
    the pages that list entries)."""
    latest = getattr(entry, "latest", None)
    if latest is None:
        latest = entry.versions.aggregate(n=Max("number"))["n"]
    return latest or 1


def responses_by(entry: Entry, user) -> list[Response]:
    """`user`'s responses to the entry (prefetched as `my_responses` on the
    pages that show them)."""
    mine = getattr(entry, "my_responses", None)
    if mine is None:
        mine = list(Response.objects.filter(entry=entry, author=user))
    return mine


def thanked(entry: Entry, user) -> bool:
    number = latest_number(entry)
    return any(
        r.kind == Response.Kind.THANKS and r.version_number == number
        for r in responses_by(entry, user)
    )


def asked_to_talk(entry: Entry, user) -> bool:
    return any(
        r.kind == Response.Kind.TALK and r.resolved_at is None
        for r in responses_by(entry, user)
    )


AUTHOR = role(
    lambda e, u: e.author_id == u.pk,
    _("Only the person who wrote an entry can change it."),
)
READER = role(lambda e, u: e.author_id != u.pk, _("This is your own entry."))
SHARED = Check(
    lambda e, u, now: e.is_shared,
    _("This entry is not shared with you."),
    "not_shared",
)


def _not_yet(done: Callable[[Entry, Any], bool], message: Message, code: str) -> Check:
    """The partner hasn't answered so yet: `done(entry, user)` is false."""
    return Check(lambda e, u, now: not done(e, u), message, code)


NOT_THANKED = _not_yet(
    thanked, _("You already said thank you for this."), "already_thanked"
)
NOT_ASKED = _not_yet(
    asked_to_talk, _("You already asked to talk about this."), "already_asked"
)


def _answer(name: str, not_yet: Check, verb: str) -> Step:
    """The partner answers an entry shared with them, once (`not_yet`)."""
    return Step(name, who=READER, when=(SHARED, not_yet), verb=verb)


ENTRY_STEPS = Steps(
    *sharing_steps(
        who=AUTHOR,
        already_shared=_("This entry is already shared."),
        already_private=_("This entry is already private."),
        verbs=("selfmap.entry_shared", "selfmap.entry_unshared"),
    ),
    _answer("thank", NOT_THANKED, "selfmap.thanked"),
    _answer("ask_to_talk", NOT_ASKED, "selfmap.talk_asked"),
    model=Entry,
    related=("space", "author"),
    recipient=lambda entry, by: entry.space.partner_of(by),
)

ENTRY_AUTHOR = role(
    lambda r, u: r.entry.author_id == u.pk,
    _("Only the author of the entry can mark this."),
)
A_REQUEST = Check(
    lambda r, u, now: r.kind == Response.Kind.TALK,
    _("Only a request to talk can be marked as talked about."),
    "not_a_request",
)
UNRESOLVED = Check(
    lambda r, u, now: r.resolved_at is None,
    _("This is already marked as talked about."),
    "already_resolved",
)

RESPONSE_STEPS = Steps(
    Step(
        "resolve",
        who=ENTRY_AUTHOR,
        when=(A_REQUEST, UNRESOLVED),
        verb="selfmap.talk_resolved",
        private=True,
    ),
    model=Response,
    related=("space", "entry"),
)
