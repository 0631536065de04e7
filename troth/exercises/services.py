"""Planning exercises for the two of you, and logging how they went.

Each function checks that this person may take this step now, does the work
in one transaction, records an Activity and raises ValidationError with a
message for the person when the step is not allowed (nothing changes then).
A private log never reaches the partner; stopping a shared one withdraws
what they were told about it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.exercises import calendar, library
from troth.exercises.models import NOTE_MAX, ExerciseLog, Outcome, Session
from troth.lib.content import Visibility
from troth.notifications.models import Notification
from troth.spaces.models import Activity, Membership, Space
from troth.spaces.services import activity_record

SLACK = timedelta(minutes=5)
MAX_AHEAD = timedelta(days=366)


def _check_member(space: Space, user) -> None:
    if not Membership.objects.active().filter(space=space, user=user).exists():
        raise ValidationError(_("You are not in this space any more."))
    if not space.is_open:
        raise ValidationError(
            _(
                "This space is closed: what was shared stays readable, "
                "nothing new can be added."
            )
        )


def session_schedule(
    *, space: Space, author, exercise: str, starts_at: datetime
) -> Session:
    """Plan an exercise for the two of you; it goes on the shared calendar
    and your partner is told."""
    with transaction.atomic():
        _check_member(space, author)
        partner = space.partner_of(author)
        if partner is None:
            raise ValidationError(
                _("These exercises are for two: plan one once your partner has joined.")
            )
        if library.get(exercise) is None:
            raise ValidationError(_("Choose an exercise from the library."))
        now = timezone.now()
        if starts_at is None or timezone.is_naive(starts_at):
            raise ValidationError(_("Choose when you'll do it."))
        if starts_at < now - SLACK:
            raise ValidationError(_("Choose a time from now on."))
        if starts_at > now + MAX_AHEAD:
            raise ValidationError(_("Choose a time within the next year."))
        session = Session(
            space=space,
            author=author,
            visibility=Visibility.SHARED,
            exercise=exercise,
            starts_at=starts_at,
        )
        session.full_clean()
        session.save()
        session.event = calendar.add_event(session, by=author)
        session.save(update_fields=["event"])
        activity_record(
            space=space,
            actor=author,
            verb="exercise.scheduled",
            target=session,
            recipient=partner,
            visibility=Visibility.SHARED,
        )
    return session


def session_cancel(*, session: Session, by) -> Session:
    """Call off a planned exercise before it starts. The one who planned it
    does (the calendar event is theirs); the partner is told."""
    if session.author_id != by.pk:
        raise ValidationError(
            _(
                "The one who planned it can call it off; you can say you didn't get to it."
            )
        )
    with transaction.atomic():
        _check_member(session.space, by)
        if session.is_cancelled:
            raise ValidationError(_("This was already called off."))
        if session.starts_at <= timezone.now():
            raise ValidationError(
                _("It has started: log that you didn't get to it instead.")
            )
        calendar.remove_event(session, by=by)
        session.event = None
        session.cancelled_at = timezone.now()
        session.save(update_fields=["event", "cancelled_at", "updated"])
        activity_record(
            space=session.space,
            actor=by,
            verb="exercise.cancelled",
            target=session,
            recipient=session.space.partner_of(by),
            visibility=Visibility.SHARED,
        )
    return session


def _withdraw(log: ExerciseLog) -> None:
    kind = ContentType.objects.get_for_model(ExerciseLog)
    Activity.objects.filter(target_type=kind, target_id=log.pk).update(
        visibility=Visibility.PRIVATE
    )
    Notification.objects.filter(target_type=kind, target_id=log.pk).exclude(
        user_id=log.author_id
    ).delete()


def log_save(
    *,
    session: Session,
    author,
    outcome: str,
    note: str = "",
    visibility: str = Visibility.PRIVATE,
) -> ExerciseLog:
    """Say how the exercise went for you (or change what you said)."""
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose how it went."))
    if visibility not in Visibility.values:
        raise ValidationError(_("Choose who can see it."))
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            _("Keep the note under %(n)d characters.") % {"n": NOTE_MAX}
        )
    with transaction.atomic():
        _check_member(session.space, author)
        if session.is_cancelled:
            raise ValidationError(_("This was called off, so there is nothing to log."))
        if session.starts_at > timezone.now() + SLACK:
            raise ValidationError(_("You can log how it went once it has started."))
        log = session.logs.filter(author=author).first()
        was_shared = log is not None and log.is_shared
        created = log is None
        if log is None:
            log = ExerciseLog(space=session.space, author=author, session=session)
        log.outcome = outcome
        log.note = note
        log.visibility = visibility
        log.full_clean()
        log.save()
        shared = visibility == Visibility.SHARED
        newly_shared = shared and not was_shared
        if was_shared and not shared:
            _withdraw(log)
        activity_record(
            space=session.space,
            actor=author,
            verb="exercise.logged"
            if newly_shared or created
            else "exercise.log_updated",
            target=log,
            recipient=session.space.partner_of(author) if newly_shared else None,
            visibility=visibility,
        )
    return log


def log_stop(*, log: ExerciseLog, by) -> ExerciseLog:
    """Keep your log to yourself from now on; your partner is not told."""
    if log.author_id != by.pk:
        raise ValidationError(_("Only the person who wrote it can change who sees it."))
    with transaction.atomic():
        if not log.is_shared:
            raise ValidationError(_("Your log is not shared."))
        log.visibility = Visibility.PRIVATE
        log.save(update_fields=["visibility", "updated"])
        _withdraw(log)
        activity_record(
            space=log.space,
            actor=by,
            verb="exercise.log_stopped",
            target=log,
            visibility=Visibility.PRIVATE,
        )
    return log
