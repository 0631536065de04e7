"""The dashboard's own cards: who is in the space and how the invitation
stands, and the recent-activity timeline.

The timeline lists the latest Activity rows the viewer may see
(`visible_to`), newest first, in words written for a timeline: who did what
kind of thing, never what anyone wrote. Only verbs worded below are shown:
an allow-list, so a new verb (or one that must stay quiet, such as someone
stopping sharing) never appears by accident. Repair steps are left out on
purpose: the home page is the most glanced-at page, and a repair path is
nobody's business but the two people in it, on its own pages. One query.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from troth.spaces.models import Activity

SHOWN = 3
# Where each kind of activity is read about: the feature's own page.
PAGES = {
    "space": "spaces:invite",
    "promise": "promises:index",
    "status": "checkins:index",
    "pulse": "checkins:pulse",
    "ritual": "schedule:index",
    "event": "schedule:index",
    "selfmap": "selfmap:index",
    "questions": "questions:index",
    "moments": "moments:index",
    "agreement": "agreements:index",
    "conflict": "conflicts:index",
    "goal": "goals:index",
    "adventure": "goals:index",
    "milestone": "goals:index",
    "exercise": "exercises:index",
    "audit": "audits:index",
}

# verb: (when the viewer did it, when the partner did it, with {actor})
WORDS = {
    "space.created": (_("You made your space"), _("{actor} made your space")),
    "space.joined": (_("You joined the space"), _("{actor} joined your space")),
    "promise.made": (_("You made a promise"), _("{actor} made you a promise")),
    "promise.done": (
        _("You marked a promise as done"),
        _("{actor} marked a promise as done"),
    ),
    "promise.kept": (
        _("You confirmed a promise was kept"),
        _("{actor} confirmed you kept a promise"),
    ),
    "promise.not_quite": (
        _("You said a promise was not quite kept"),
        _("{actor} said a promise was not quite kept"),
    ),
    "promise.responded": (
        _("You responded to a note on a promise"),
        _("{actor} responded to your note on a promise"),
    ),
    "promise.proposed": (
        _("You proposed new terms for a promise"),
        _("{actor} proposed new terms for a promise"),
    ),
    "promise.renegotiated": (
        _("You accepted new terms for a promise"),
        _("{actor} accepted your new terms for a promise"),
    ),
    "promise.cancelled": (
        _("You agreed to cancel a promise"),
        _("{actor} agreed to cancel a promise"),
    ),
    "status.sent": (_("You sent a status"), _("{actor} sent a status")),
    "ritual.created": (_("You set up a ritual"), _("{actor} set up a ritual")),
    "ritual.marked": (
        _("You said whether a ritual happened"),
        _("{actor} said whether a ritual happened"),
    ),
    "event.shared": (
        _("You shared an event on the calendar"),
        _("{actor} shared an event on the calendar"),
    ),
    "selfmap.entry_shared": (
        _("You shared something from your self map"),
        _("{actor} shared something from their self map"),
    ),
    "selfmap.thanked": (
        _("You thanked your partner for sharing"),
        _("{actor} thanked you for sharing"),
    ),
    "questions.answered": (
        _("You answered a question"),
        _("{actor} answered a question"),
    ),
    "questions.revealed": (
        _("Your answers to a question were revealed"),
        _("Your answers to a question were revealed"),
    ),
    "questions.reacted": (
        _("You reacted to an answer"),
        _("{actor} reacted to your answer"),
    ),
    "questions.picked": (_("You picked a question"), _("{actor} picked a question")),
    "moments.noticed": (
        _("You noticed a moment"),
        _("{actor} noticed something you did"),
    ),
    "moments.shared": (_("You shared a moment"), _("{actor} shared a moment")),
    "moments.acknowledged": (
        _("You acknowledged a moment"),
        _("{actor} acknowledged a moment you noticed"),
    ),
    "agreement.proposed": (
        _("You proposed an agreement"),
        _("{actor} proposed an agreement"),
    ),
    "agreement.active": (
        _("An agreement came into effect"),
        _("An agreement came into effect"),
    ),
    "agreement.reviewed": (
        _("You reviewed an agreement"),
        _("{actor} reviewed an agreement"),
    ),
    "agreement.change_proposed": (
        _("You proposed a change to an agreement"),
        _("{actor} proposed a change to an agreement"),
    ),
    "agreement.renewed": (
        _("You renewed an agreement"),
        _("{actor} renewed an agreement"),
    ),
    "conflict.logged": (
        _("You logged a disagreement"),
        _("{actor} shared a disagreement they logged"),
    ),
    "conflict.view_added": (
        _("You added your view of a disagreement"),
        _("{actor} added their view of a disagreement"),
    ),
    "goal.created": (_("You started a goal"), _("{actor} started a goal")),
    "adventure.planned": (
        _("You planned an adventure"),
        _("{actor} planned an adventure"),
    ),
    "milestone.done": (
        _("You ticked off a step of a goal"),
        _("{actor} ticked off a step of a goal"),
    ),
    "goal.finished": (
        _("You marked a goal as finished"),
        _("{actor} marked a goal as finished"),
    ),
    "exercise.scheduled": (
        _("You scheduled an exercise"),
        _("{actor} scheduled an exercise"),
    ),
    "exercise.logged": (
        _("You noted how an exercise went"),
        _("{actor} noted how an exercise went"),
    ),
    "audit.day_set": (
        _("You chose your audit day"),
        _("{actor} chose your audit day"),
    ),
    "audit.started": (
        _("You started this month's audit"),
        _("{actor} started this month's audit"),
    ),
    "audit.reflected": (
        _("You wrote your audit reflection"),
        _("{actor} wrote their audit reflection"),
    ),
    "audit.committed": (
        _("You proposed a commitment for next month"),
        _("{actor} proposed a commitment for next month"),
    ),
    "audit.signed_off": (
        _("You signed off the audit"),
        _("{actor} signed off the audit"),
    ),
    "audit.closed": (
        _("You both signed off: the audit is closed"),
        _("You both signed off: the audit is closed"),
    ),
}


def _page(verb: str) -> str:
    name = PAGES.get(verb.split(".", 1)[0])
    if name is None:
        return ""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def timeline(request, membership) -> list[dict]:
    """The latest activities the viewer may see, worded for a timeline."""
    user = request.user
    rows = (
        Activity.objects.visible_to(user)
        .filter(space=membership.space, verb__in=list(WORDS))
        .select_related("author")
        .order_by("-created", "-id")[:SHOWN]
    )
    entries = []
    for activity in rows:
        mine, theirs = WORDS[activity.verb]
        if activity.author_id == user.pk:
            text = str(mine)
        else:
            text = str(theirs).format(actor=activity.author)
        entries.append(
            {"text": text, "when": activity.created, "url": _page(activity.verb)}
        )
    return entries


def cards(request, membership) -> list[dict]:
    space = membership.space
    partner = space.partner_of(request.user)
    former = None
    if not space.is_open:
        former = (
            space.memberships.exclude(user=request.user)
            .select_related("user")
            .order_by("-left_at")
            .first()
        )
    pending = None
    if space.is_open and partner is None:
        pending = space.invitations.pending().order_by("-created").first()
    # The space card leads while something is to do about the space itself
    # (inviting, or a closed space); once both are in, it is a small tile.
    settled = space.is_open and partner is not None
    return [
        {
            "template": "spaces/card_space.html",
            "order": 95 if settled else 0,
            "place": "tile" if settled else "top",
            # While the checklist is up, its first step stands in for this card.
            "firstrun_step": "invite" if space.is_open and not settled else None,
            "settled": settled,
            "partner": partner,
            "former": former,
            "pending": pending,
        },
        {
            "template": "spaces/dashboard.html#timeline",
            "order": 90,
            "place": "end",
            "entries": timeline(request, membership),
        },
    ]
