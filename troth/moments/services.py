"""Operations on moments and the bid log. Each does its whole job in one
transaction and records an Activity; a step that is not allowed raises
ValidationError with words for the person, and changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.lib.content import Visibility
from troth.lib.time import local_today
from troth.moments.models import About, Ack, Bid, Kind, Moment
from troth.moments.steps import STEPS
from troth.spaces.services import (
    activity_record,
    activity_record_private,
    own_content_delete,
)
from troth.spaces.steps import Refused, require_partner

NOTE_MAX = 280
OLDEST_DAYS = 366


def check_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            _("Keep the note under %(limit)d characters.") % {"limit": NOTE_MAX}
        )
    return note


def check_day(day: date, user) -> date:
    today = local_today(user.tz)
    if day > today:
        raise ValidationError(_("A moment can't be in the future."))
    if day < today - timedelta(days=OLDEST_DAYS):
        raise ValidationError(_("Choose a day within the last year."))
    return day


def moment_create(
    *,
    space,
    by,
    about: str,
    kind: str,
    note: str = "",
    occurred_on: date | None = None,
    share: bool = False,
) -> Moment:
    """Record a moment. About the partner: shared with them, who is told.
    About oneself: private unless `share`."""
    if about not in About.values:
        raise ValidationError(_("Choose whether it's about your partner or you."))
    if kind not in Kind.values:
        raise ValidationError(_("Choose what kind of moment it was."))
    note = check_note(note)
    occurred_on = check_day(occurred_on or local_today(by.tz), by)
    with transaction.atomic():
        require_partner(space, by)
        partner = space.partner_of(by)
        if about == About.PARTNER and partner is None:
            raise Refused(
                _("Moments about your partner start once they have joined."),
                "no_partner",
            )
        shared = about == About.PARTNER or share
        moment = Moment.objects.create(
            space=space,
            author=by,
            about=about,
            subject=partner if about == About.PARTNER else by,
            kind=kind,
            note=note,
            occurred_on=occurred_on,
            visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        )
        if shared:
            activity_record(
                space=space,
                actor=by,
                verb="moments.noticed" if about == About.PARTNER else "moments.shared",
                target=moment,
                recipient=partner,
            )
        else:
            activity_record_private(
                space=space, actor=by, verb="moments.recorded", target=moment
            )
    return moment


def moment_share(*, moment: Moment, by) -> Moment:
    """Share a moment about oneself with the partner."""
    with STEPS.take("share", moment, by=by) as step:
        step.obj.visibility = Visibility.SHARED
    return moment


def moment_unshare(*, moment: Moment, by) -> Moment:
    """Make a moment about oneself private again; the partner is not told."""
    with STEPS.take("unshare", moment, by=by) as step:
        step.obj.visibility = Visibility.PRIVATE
    return moment


def moment_delete(*, moment: Moment, by) -> None:
    """Delete one's own moment."""
    if moment.author_id != by.pk:
        raise Refused(
            _("Only the person who recorded a moment can delete it."), "wrong_person"
        )
    own_content_delete(moment, by=by, verb="moments.deleted")


def moment_acknowledge(*, moment: Moment, by, ack: str) -> Moment:
    """The partner acknowledges a moment shared with them, once."""
    if ack not in Ack.values:
        raise ValidationError(_("Choose how to acknowledge it."))
    with STEPS.take("acknowledge", moment, by=by) as step:
        step.obj.acknowledged_at = step.now
        step.obj.ack = ack
    return moment


def bid_create(
    *, space, by, response: str, occurred_at: datetime | None = None, note: str = ""
) -> Bid:
    """Note a bid for connection in one's private log. Nobody is told."""
    if response not in Bid.Response.values:
        raise ValidationError(_("Choose how your partner responded."))
    note = check_note(note)
    now = timezone.now()
    occurred_at = occurred_at or now
    if occurred_at > now + timedelta(minutes=5):
        raise ValidationError(_("A bid can't be in the future."))
    if occurred_at < now - timedelta(days=OLDEST_DAYS):
        raise ValidationError(_("Choose a time within the last year."))
    with transaction.atomic():
        require_partner(space, by)
        bid = Bid.objects.create(
            space=space,
            author=by,
            response=response,
            occurred_at=occurred_at,
            note=note,
            visibility=Visibility.PRIVATE,
        )
        activity_record_private(
            space=space, actor=by, verb="moments.bid_logged", target=bid
        )
    return bid


def bid_delete(*, bid: Bid, by) -> None:
    if bid.author_id != by.pk:
        raise Refused(_("Only you can delete your own notes."), "wrong_person")
    own_content_delete(bid, by=by, verb="moments.bid_deleted")
