"""What a person shares through the calendar, and how to stop
(see troth/lib/sharing.py). Stopping makes an event private again, or ends
the subscription link; the partner is never told."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.lib.sharing import SharedItem, SharedList
from troth.schedule import services
from troth.schedule.models import PARTNER_VISIBLE, Event, EventVisibility, FeedToken

FEED_KEY = "feed"


def _group() -> str:
    return _("Calendar")


def _feed_items(user) -> list[SharedItem]:
    if not FeedToken.objects.active().filter(user=user).exists():
        return []
    return [
        SharedItem(
            group=_group(),
            label=_("Calendar subscription link"),
            key=FEED_KEY,
            detail=_("Anyone with the link can read your calendar"),
        )
    ]


def _event_item(event) -> SharedItem:
    label = (
        _("Ritual: %(title)s") % {"title": event.title}
        if event.is_ritual
        else event.title
    )
    return SharedItem(
        group=_group(),
        label=label,
        key=f"event:{event.pk}",
        detail=_("Busy only")
        if event.visibility == EventVisibility.BUSY
        else _("Shared in full"),
    )


def shared(user, space) -> SharedList:
    """The subscription link first (it reaches the most), then events, the
    latest first: a person with years of events sees what is coming and
    recent, and pages back through the rest."""
    events = Event.objects.filter(
        author=user, space=space, visibility__in=PARTNER_VISIBLE
    ).order_by("-start", "-pk")
    return SharedList(events, _event_item, first=_feed_items(user))


def shared_by(user, space) -> list[SharedItem]:
    return list(shared(user, space))


def stop(user, space, key: str) -> bool:
    if key == FEED_KEY:
        return services.feed_token_revoke(user=user) > 0
    prefix, _sep, pk = key.partition(":")
    if prefix != "event" or not pk.isdigit():
        return False
    event = Event.objects.filter(
        pk=int(pk), author=user, space=space, visibility__in=PARTNER_VISIBLE
    ).first()
    if event is None:
        return False
    services.event_visibility_set(
        event=event, by=user, visibility=EventVisibility.PRIVATE
    )
    return True


def stop_all(user, space) -> int:
    stopped = 0
    for event in Event.objects.filter(
        author=user, space=space, visibility__in=PARTNER_VISIBLE
    ):
        services.event_visibility_set(
            event=event, by=user, visibility=EventVisibility.PRIVATE
        )
        stopped += 1
    stopped += services.feed_token_revoke(user=user)
    return stopped
