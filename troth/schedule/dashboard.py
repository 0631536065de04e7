"""The calendar's dashboard card: the next ritual, the next few shared
events, and a ritual date waiting for the viewer's answer."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Exists, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.lib.needs import Need
from troth.schedule.models import Event, EventVisibility, FeedToken, OccurrenceChange
from troth.schedule.periods import annotate_marks
from troth.schedule.recurrence import expand
from troth.spaces.firstrun import Step

SHOWN_EVENTS = 2
AHEAD = timedelta(days=60)
# How long after a ritual date the card keeps asking whether it happened.
ASK_FOR = timedelta(days=7)


def cards(request, membership) -> list[dict]:
    """Three queries: the events, their changed dates, the ritual answers."""
    user = request.user
    now = timezone.now()
    zone = timezone.get_current_timezone()
    events = [
        event.redact_for(user)
        for event in Event.objects.visible_to(user)
        .filter(Q(kind=Event.Kind.RITUAL) | Q(visibility=EventVisibility.SHARED))
        .exclude(Q(visibility=EventVisibility.BUSY) & ~Q(author=user))
        .overlapping(now - ASK_FOR, now + AHEAD)
        .select_related("author")
        .prefetch_related(
            Prefetch("changes", queryset=OccurrenceChange.objects.order_by("original"))
        )
    ]
    occurrences = expand(events, now - ASK_FOR, now + AHEAD, zone)
    rituals = [o for o in occurrences if o.event.is_ritual]
    annotate_marks(rituals, user, now)
    next_ritual = next((o for o in rituals if o.start >= now), None)
    to_answer = next(
        (o for o in reversed(rituals) if o.can_mark and o.my_mark is None), None
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
