"""Planning exercises for the two of you, and logging how they went.

The steps are declared in `troth.exercises.steps`; each function here takes
one with `Steps.take` (which locks the row and checks the partner, the
person and the state) and does the step's own work. A step that is not
allowed raises `Refused` with words for the person; input that isn't right
raises `ValidationError`; nothing changes then.
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
from troth.exercises.steps import LOG_STEPS, SESSION_STEPS, SLACK
from troth.lib.content import Visibility
from troth.notifications.models import Notification
from troth.spaces.models import Activity, Space
from troth.spaces.services import activity_record
from troth.spaces.steps import NOBODY, require_both_partners

MAX_AHEAD = timedelta(days=366)


def session_schedule(
    *, space: Space, author, exercise: str, starts_at: datetime
) -> Session:
    """Plan an exercise for the two of you; it goes on the shared calendar
    and your partner is told."""
    with transaction.atomic():
        partner = require_both_partners(
            space,
            author,
            missing=_(
                "These exercises are for two: plan one once your partner has joined."
            ),
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
    with SESSION_STEPS.take("cancel", session, by=by) as step:
        calendar.remove_event(step.obj, by=by)
        step.obj.event = None
        step.obj.cancelled_at = step.now
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
    with SESSION_STEPS.take("log", session, by=author) as step:
        step.save = False  # the session stays as it is
        log = step.obj.logs.filter(author=author).first()
        was_shared = log is not None and log.is_shared
        created = log is None
        if log is None:
            log = ExerciseLog(space=step.obj.space, author=author, session=step.obj)
        log.outcome = outcome
        log.note = note
        log.visibility = visibility
        log.full_clean()
        log.save()
        shared = visibility == Visibility.SHARED
        newly_shared = shared and not was_shared
        if was_shared and not shared:
            _withdraw(log)
        step.target = log
        if not (newly_shared or created):
            step.verb = "exercise.log_updated"
        step.private = not shared
        if not newly_shared:
            step.recipient = NOBODY  # shared before: not news for the partner
    return log


def log_stop(*, log: ExerciseLog, by) -> ExerciseLog:
    """Keep your log to yourself from now on; your partner is not told.
    Works in a closed space too."""
    with LOG_STEPS.take("stop", log, by=by) as step:
        _withdraw(step.obj)
    return log
