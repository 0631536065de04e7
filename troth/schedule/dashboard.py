"""The calendar's dashboard card: the next ritual, the next few shared
events, and a ritual date waiting for the viewer's answer.

Whether any of the window's events has a changed date is one of Today's
facts: most couples never move or cancel one date of a ritual, and then
the card reads no changes at all."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Exists, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.lib.needs import Need
from troth.schedule.models import Event, EventVisibility, FeedToken, OccurrenceChange
from troth.schedule.periods import annotate_marks
from troth.schedule.recurrence import expand
from troth.spaces.dashboard import exists, today_facts
from troth.spaces.firstrun import Step

SHOWN_EVENTS = 2
AHEAD = timedelta(days=60)
# How long after a ritual date the card keeps asking whether it happened.
ASK_FOR = timedelta(days=7)
# The facts are asked a moment before or after the card reads its events:
# asked of a wider window, "none changed" holds for the card's too.
MARGIN = timedelta(hours=1)


def _events(user, start, end) -> QuerySet[Event]:
    return (
        Event.objects.visible_to(user)
        .filter(Q(kind=Event.Kind.RITUAL) | Q(visibility=EventVisibility.SHARED))
        .exclude(Q(visibility=EventVisibility.BUSY) & ~Q(author=user))
        .overlapping(start, end)
    )


def facts(request, membership) -> dict:
    """Whether an event the card may show has a changed date: asked of
    the viewer's own events and their space's, each read by its key (the
    card's OR of the two made PostgreSQL read every couple's events here),
    which between them hold every event the viewer may see."""
    now = timezone.now()
    window = Event.objects.overlapping(now - ASK_FOR - MARGIN, now + AHEAD + MARGIN)
    return {
        f"schedule_dates_changed_{side}": exists(
            OccurrenceChange.objects.filter(event__in=events.values("pk"))
        )
        for side, events in (
            ("mine", window.filter(author=request.user)),
            ("space", window.filter(space=membership.space)),
        )
    }


def cards(request, membership) -> list[dict]:
    """Two queries, three if a date was changed: the events, their changed
    dates, the ritual answers."""
    user = request.user
    now = timezone.now()
    zone = timezone.get_current_timezone()
    changes = OccurrenceChange.objects.order_by("original")
    known = today_facts(request, membership)
    if not (
        known["schedule_dates_changed_mine"] or known["schedule_dates_changed_space"]
    ):
        changes = changes.none()
    events = [
        event.redact_for(user)
        for event in _events(user, now - ASK_FOR, now + AHEAD)
        .select_related("author")
        .prefetch_related(Prefetch("changes", queryset=changes))
    ]
    occurrences = expand(events, now - ASK_FOR, now + AHEAD, zone)
    rituals = [o for o in occurrences if o.event.is_ritual]
    # Only a date that has started can be marked: the answers are read for
    # those (the next ritual is shown without them).
    started = [o for o in rituals if o.start <= now]
    annotate_marks(started, user, now)
    next_ritual = next((o for o in rituals if o.start >= now), None)
    to_answer = next(
        (o for o in reversed(started) if o.can_mark and o.my_mark is None), None
    )
    shared = [
        o
        for o in occurrences
        if not o.event.is_ritual
        and o.event.visibility == EventVisibility.SHARED
        and o.end >= now
    ][:SHOWN_EVENTS]
    return [
        {
            "template": "schedule/card.html",
            "order": 31,
            # The next time together leads; with nothing planned, a tile.
            "place": "lead" if next_ritual or shared or to_answer else "tile",
            "next_ritual": next_ritual,
            "to_answer": to_answer,
            "shared": shared,
            "needs": [
                Need(
                    _("Did “%(title)s” happen?") % {"title": to_answer.title},
                    to_answer.url,
                )
            ]
            if to_answer is not None
            else [],
        }
    ]


def first_steps(membership) -> list[Step]:
    """For the first-run checklist: the calendar's link in one's phone."""
    linked = FeedToken.objects.filter(
        user_id=membership.user_id, revoked_at__isnull=True
    )
    return [
        Step(
            "calendar",
            gettext_lazy("Calendar in your phone"),
            "schedule:subscribe",
            40,
            Exists(linked),
        )
    ]
