"""The calendar's pages.

Who sees what: the author sees everything about their event. The partner
sees a shared event in full and can set their own reminder on it and, for a
ritual, say whether it happened. A busy-only event shows the partner that
its author is busy, and when, and nothing else: the partner may open its
page, which says "Busy" and the time, exactly as the calendar does; the
event's words were blanked before the page was rendered
(`Event.redact_for`). Every step that changes an event is its author's
alone; for anyone else the event is not there (404).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.lib.access import get_visible_or_404
from troth.lib.downloads import personal_download
from troth.lib.http import AuthedRequest
from troth.lib.redirects import next_url
from troth.schedule import ics, periods, services
from troth.schedule.forms import (
    EventForm,
    ImportForm,
    MarkForm,
    MoveForm,
    ReminderForm,
    VisibilityForm,
)
from troth.schedule.importer import MAX_BYTES
from troth.schedule.models import (
    FIRST_YEAR,
    LAST_YEAR,
    RITUAL_REMINDER_MINUTES,
    Event,
    EventReminder,
    EventVisibility,
    FeedToken,
    OccurrenceChange,
    RitualMark,
    parse_occurrence_key,
)
from troth.schedule.recurrence import (
    Occurrence,
    expand,
    latest_occurrence,
    occurrence_at,
)
from troth.schedule.stats import ritual_follow_through
from troth.schedule.steps import DATE_STEPS, EVENT_STEPS
from troth.spaces.membership import membership_required, space_form_page, space_page
from troth.spaces.models import Membership
from troth.spaces.steps import Refused
from troth.spaces.stepviews import form_step, refused, take_step

# How far back a ritual's page lists dates to answer for.
RECENT_RITUAL_DATES = timedelta(days=35)


def _zone():
    return timezone.get_current_timezone()


def _today() -> date:
    return timezone.localdate()


def _events(user):
    return Event.objects.select_related("author", "space").prefetch_related(
        Prefetch("changes", queryset=OccurrenceChange.objects.order_by("original"))
    )


def _visible_event(request: AuthedRequest, pk: int) -> Event:
    """Any event the person may see, redacted for them."""
    event = get_visible_or_404(_events(request.user), request.user, pk=pk)
    return event.redact_for(request.user)


def _own_event(request: AuthedRequest, pk: int) -> Event:
    """An event the person wrote: the only kind they may change."""
    return get_visible_or_404(
        _events(request.user).filter(author=request.user), request.user, pk=pk
    )


def _detailed_event(request: AuthedRequest, pk: int) -> Event:
    """An event whose words the person may read (theirs, or shared)."""
    return get_visible_or_404(
        _events(request.user).detailed_for(request.user), request.user, pk=pk
    )


def _original(when: str) -> datetime:
    original = parse_occurrence_key(when)
    if original is None:
        raise Http404
    return original


def _period_response(
    request: AuthedRequest, template: str, context: dict
) -> HttpResponse:
    if request.htmx:
        return render(request, f"{template}#period", context)
    return render(request, template, context)


def _day(year: int | None, month: int | None, day: int = 1) -> date | None:
    """The date a URL names, or None for "today"; 404 for a date that
    doesn't exist or lies outside the years the calendar works in."""
    if year is None or month is None:
        return None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    try:
        return date(year, month, day)
    except ValueError:
        raise Http404 from None


def _day_url(name: str, day: date) -> str:
    return reverse(name, args=[day.year, day.month, day.day])


# Periods


@space_page
def days(
    request: AuthedRequest,
    _membership: Membership,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    *,
    span: periods.Span,
) -> HttpResponse:
    """The agenda (the phone's natural view: what's coming, day by day) or
    the week."""
    today = _today()
    first = span.start(_day(year, month, day or 1) or today)
    last = first + timedelta(days=span.length - 1)
    zone = _zone()
    start, end = periods.window(first, last, zone)
    occurrences = periods.occurrences_for(request.user, start, end, zone)
    periods.annotate_marks(occurrences, request.user, timezone.now())
    shown = periods.place(periods.days_from(first, span.length, today), occurrences)
    step = timedelta(days=span.length)
    context = {
        "view": span.name,
        "days": [d for d in shown if d.occurrences or not span.busy_only],
        "first": first,
        "nav": {
            "title": _("%(first)s to %(last)s")
            % {"first": date_format(first, "j M"), "last": date_format(last, "j M Y")},
            "previous_url": _day_url(f"schedule:{span.name}", first - step),
            "previous_label": span.earlier,
            "next_url": _day_url(f"schedule:{span.name}", first + step),
            "next_label": span.later,
            "today_url": reverse(span.now) if first != span.start(today) else "",
            "today_label": span.back,
        },
    }
    return _period_response(request, f"schedule/{span.name}.html", context)


@space_page
def month(
    request: AuthedRequest,
    _membership: Membership,
    year: int | None = None,
    month: int | None = None,
) -> HttpResponse:
    today = _today()
    first = _day(year, month) or periods.month_start(today)
    zone = _zone()
    days = periods.month_days(first, today)
    start, end = periods.window(days[0].date, days[-1].date, zone)
    occurrences = periods.occurrences_for(request.user, start, end, zone)
    periods.place(days, occurrences)
    previous, following = periods.add_months(first, -1), periods.add_months(first, 1)
    context = {
        "view": "month",
        "weeks": periods.weeks(days),
        "first": first,
        "weekday_names": [d.date for d in days[:7]],
        "nav": {
            "title": date_format(first, "F Y"),
            "previous_url": reverse(
                "schedule:month", args=[previous.year, previous.month]
            ),
            "previous_label": _("Previous month"),
            "next_url": reverse(
                "schedule:month", args=[following.year, following.month]
            ),
            "next_label": _("Next month"),
            "today_url": reverse("schedule:month_now")
            if first != periods.month_start(today)
            else "",
            "today_label": _("This month"),
        },
    }
    return _period_response(request, "schedule/month.html", context)


# Rituals


@space_page
def rituals(request: AuthedRequest, membership: Membership) -> HttpResponse:
    now = timezone.now()
    zone = _zone()
    rituals = [
        event.redact_for(request.user)
        for event in _events(request.user)
        .visible_to(request.user)
        .rituals()
        # A ritual whose last date is past is history, not a plan.
        .filter(Q(last_end__isnull=True) | Q(last_end__gte=now))
        .order_by("start", "pk")
    ]
    upcoming = expand(rituals, now, now + timedelta(days=60), zone)
    next_by_ritual: dict[int, Occurrence] = {}
    for occurrence in upcoming:
        next_by_ritual.setdefault(occurrence.event.pk, occurrence)
    figures = [
        (
            days,
            ritual_follow_through(
                membership.space, now - timedelta(days=days), now, now=now
            ),
        )
        for days in (30, 90)
    ]
    return render(
        request,
        "schedule/rituals.html",
        {
            "view": "rituals",
            "rituals": [
                (r, next_by_ritual.get(r.pk), periods.describe_repeat(r))
                for r in rituals
            ],
            "figures": figures,
        },
    )


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    return render(request, "schedule/how.html")


# One event


def _occurrence_context(request: AuthedRequest, event: Event, occurrence) -> dict:
    user = request.user
    now = timezone.now()
    zone = _zone()
    steps = EVENT_STEPS.allowed(event, user, now)
    if occurrence is not None:
        steps |= DATE_STEPS.allowed(occurrence, user, now)
    context: dict = {
        "event": event,
        "occurrence": occurrence,
        "allowed": steps,
        "is_owner": event.author_id == user.pk,
        "repeat": periods.describe_repeat(event),
        "now": now,
        "other_zone": (
            None
            if event.all_day or event.redacted or event.time_zone == str(zone)
            else event.tz
        ),
    }
    if occurrence is not None and context["other_zone"] is not None:
        context["event_zone_start"] = occurrence.start.astimezone(event.tz)
        context["event_zone_end"] = occurrence.end.astimezone(event.tz)
    if event.is_recurring:
        context["upcoming"] = expand([event], now, now + timedelta(days=400), zone)[:6]
    if event.is_ritual and not event.redacted:
        recent = [
            o
            for o in expand([event], now - RECENT_RITUAL_DATES, now, zone)
            if o.start <= now
        ][-4:]
        periods.annotate_marks(recent, user, now)
        context["recent"] = list(reversed(recent))
    if not event.redacted:
        reminder = EventReminder.objects.filter(event=event, user=user).first()
        if reminder is None:
            minutes = RITUAL_REMINDER_MINUTES if event.is_ritual else None
        else:
            minutes = reminder.minutes
        context["reminder_form"] = ReminderForm(
            initial={"reminder": "" if minutes is None else str(minutes)}
        )
        context["reminder_minutes"] = minutes
    if context["is_owner"]:
        context["changes"] = _changes(event, user, now)
    if event.is_ritual and occurrence is not None and not event.redacted:
        marks = list(
            RitualMark.objects.filter(
                event=event, original=occurrence.original
            ).select_related("user")
        )
        context["marks"] = marks
        context["my_mark"] = next((m for m in marks if m.user_id == user.pk), None)
    return context


def _changes(event: Event, user, now: datetime) -> list[tuple]:
    """The event's moved and called-off dates, each with the steps `user`
    may take on it."""
    rows = []
    for change in event.changes.all():
        occurrence = occurrence_at(event, change.original, _zone())
        steps = (
            DATE_STEPS.allowed(occurrence, user, now)
            if occurrence is not None
            else frozenset()
        )
        rows.append((change, steps))
    return rows


def _shown_occurrence(event: Event, original: datetime | None = None):
    """The date `original` of `event`, or, for the event's own page, its
    next date (a recurring event's) or its only one."""
    if original is not None:
        found = occurrence_at(event, original, _zone())
        if found is not None:
            return found
    now = timezone.now()
    if event.is_recurring:
        upcoming = expand([event], now, now + timedelta(days=400), _zone())
        if upcoming:
            return upcoming[0]
        return latest_occurrence(event, now, _zone())
    return occurrence_at(event, event.start, _zone())


def _page(
    request: AuthedRequest, pk: int, original: datetime | None = None, **extra
) -> HttpResponse:
    """An event's page (or one date's), as it is now."""
    event = _visible_event(request, pk)
    occurrence = _shown_occurrence(event, original)
    context = _occurrence_context(request, event, occurrence)
    return render(request, "schedule/event.html", {**context, **extra})


@login_required
@require_GET
def event_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """An event's page: for a recurring one, its next occurrence."""
    return _page(request, pk)


@login_required
@require_GET
def occurrence_detail(request: AuthedRequest, pk: int, when: str) -> HttpResponse:
    event = _visible_event(request, pk)
    occurrence = occurrence_at(event, _original(when), _zone())
    if occurrence is None:
        raise Http404
    return render(
        request, "schedule/event.html", _occurrence_context(request, event, occurrence)
    )


def _date_param(request: HttpRequest) -> date | None:
    try:
        chosen = date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return None
    return chosen if FIRST_YEAR <= chosen.year <= LAST_YEAR else None


@space_form_page
def event_new(request: AuthedRequest, membership: Membership) -> HttpResponse:
    kind = (
        Event.Kind.RITUAL if request.GET.get("kind") == "ritual" else Event.Kind.EVENT
    )
    if request.method == "POST":
        form = EventForm(request.POST, kind=kind)
    else:
        initial = {
            "start_date": _date_param(request) or _today(),
            "time_zone": request.user.timezone,
            "visibility": EventVisibility.SHARED,
            "ends": "never",
            "interval": 1,
        }
        if kind == Event.Kind.RITUAL:
            initial.update(repeat="WEEKLY", reminder="default")
        form = EventForm(initial=initial, kind=kind)

    def create() -> Event:
        chose, minutes = form.reminder_choice()
        event = services.event_create(
            space=membership.space,
            author=request.user,
            fields=form.event_fields(),
            reminder_minutes=minutes if chose and minutes is not None else None,
        )
        if kind == Event.Kind.RITUAL and chose and minutes is None:
            services.reminder_set(event=event, by=request.user, minutes=None)
        return event

    return _event_form(
        request,
        None,
        form,
        create,
        {"kind": kind},
        lambda event: (
            _("Your ritual is in the calendar.")
            if event.is_ritual
            else _("The event is in your calendar.")
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    event = _own_event(request, pk)
    # A ritual that has begun keeps its past: a new time applies from here.
    first = None
    if request.method == "POST":
        form = EventForm(request.POST, kind=event.kind, event=event)
    else:
        now = timezone.now()
        if event.is_ritual and event.start < now:
            upcoming = expand([event], now, now + timedelta(days=400), _zone())
            first = upcoming[0].original if upcoming else None
        initial = EventForm.initial_for(event, first=first)
        reminder = EventReminder.objects.filter(event=event, user=request.user).first()
        if reminder is not None:
            initial["reminder"] = (
                "" if reminder.minutes is None else str(reminder.minutes)
            )
        elif event.is_ritual:
            initial["reminder"] = "default"
        form = EventForm(initial=initial, kind=event.kind, event=event)

    def save() -> Event:
        result = services.event_update(
            event=event, by=request.user, fields=form.event_fields()
        )
        chose, minutes = form.reminder_choice()
        if chose:
            services.reminder_set(event=result, by=request.user, minutes=minutes)
        return result

    return _event_form(
        request,
        event,
        form,
        save,
        {"kind": event.kind, "event": event, "splits": first is not None},
        lambda result: _("Your changes are saved."),
    )


def _event_form(
    request: AuthedRequest,
    event: Event | None,
    form: EventForm,
    save: Callable[[], Event],
    context: dict,
    done: Callable[[Event], str],
) -> HttpResponse:
    """The page that makes an event or changes `event`: once the form is
    valid, `save` gives the event as it is now (a new one when changing a
    ritual's time split it), and the person is told `done` on its page."""
    saved: list[Event] = []
    return form_step(
        request,
        event,
        form,
        "schedule/event_form.html",
        lambda: saved.append(save()),
        context=context,
        done=lambda: done(saved[0]),
        then=lambda: saved[0].get_absolute_url(),
    )


@login_required
@require_POST
def event_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    return _event_step(
        request,
        _own_event(request, pk),
        services.event_delete,
        _("The event is deleted."),
        then=reverse("schedule:index"),
    )


@login_required
@require_POST
def event_visibility(request: AuthedRequest, pk: int) -> HttpResponse:
    event = _own_event(request, pk)
    form = VisibilityForm(request.POST)
    said: dict[str, str] = {
        EventVisibility.SHARED: _("Your partner can see this event now."),
        EventVisibility.BUSY: _("Your partner sees only that you are busy then."),
        EventVisibility.PRIVATE: _("Only you can see this event now."),
    }
    return _event_step(
        request,
        event,
        services.event_visibility_set,
        lambda: said[event.visibility],
        form=form,
        unchosen=_("Choose who can see this event."),
        fields=lambda: {"visibility": form.cleaned_data["visibility"]},
    )


@login_required
@require_POST
def event_reminder(request: AuthedRequest, pk: int) -> HttpResponse:
    form = ReminderForm(request.POST)
    return _event_step(
        request,
        _detailed_event(request, pk),
        services.reminder_set,
        lambda: (
            _("Your reminder is set.")
            if form.minutes() is not None
            else _("No reminder for you.")
        ),
        form=form,
        unchosen=_("Choose a reminder from the list."),
        fields=lambda: {"minutes": form.minutes()},
    )


def _event_step(
    request: AuthedRequest,
    event: Event,
    service,
    done: str | Callable[[], str],
    *,
    form=None,
    unchosen: str = "",
    fields: Callable[[], dict] = dict,
    then: str | None = None,
    original: datetime | None = None,
) -> HttpResponse:
    """POST one step on `event` (on its date `original`, when given), which
    `service` takes with the `fields` of a valid `form` (else the page says
    `unchosen`, 400); then to `then`, or back where the person came from, or
    to the event's page (the date's)."""
    page = partial(_page, request, event.pk, original)
    if form is not None and not form.is_valid():
        return refused(page, event, ValidationError(unchosen))
    if original is None:
        when, shown = {}, event.get_absolute_url()
    else:
        when, shown = {"original": original}, event.occurrence_url(original)
    return take_step(
        request,
        event,
        lambda: service(event=event, by=request.user, **when, **fields()),
        page=page,
        done=done,
        then=then or next_url(request, shown),
    )


# One occurrence


def _date_step(
    request: AuthedRequest, event: Event, when: str, service, done: str, **options
) -> HttpResponse:
    """POST one step on the date `when` of `event`, which `service` takes
    (`options` as `_event_step` has them)."""
    return _event_step(
        request, event, service, done, original=_original(when), **options
    )


@login_required
@require_POST
def date_step(request: AuthedRequest, pk: int, when: str, *, step: str) -> HttpResponse:
    """The author's steps on one date that need nothing but the date:
    calling it off (`cancel`) and bringing it back (`restore`)."""
    service, done = {
        "cancel": (
            services.occurrence_cancel,
            _("That date is called off. The others stay."),
        ),
        "restore": (
            services.occurrence_restore,
            _("That date is back as the series has it."),
        ),
    }[step]
    return _date_step(request, _own_event(request, pk), when, service, done)


@login_required
@require_http_methods(["GET", "POST"])
def occurrence_move(request: AuthedRequest, pk: int, when: str) -> HttpResponse:
    event = _own_event(request, pk)
    original = _original(when)
    occurrence = occurrence_at(event, original, event.tz)
    if occurrence is None:
        raise Http404
    if request.method == "POST":
        form = MoveForm(request.POST, event=event)
    else:
        initial: dict[str, date | time] = {"start_date": occurrence.start.date()}
        if not event.all_day:
            initial.update(
                start_time=occurrence.start.time(), end_time=occurrence.end.time()
            )
        form = MoveForm(initial=initial, event=event)

    return form_step(
        request,
        event,
        form,
        "schedule/move.html",
        lambda: services.occurrence_move(
            event=event,
            by=request.user,
            original=original,
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
        ),
        context={"event": event, "occurrence": occurrence},
        done=_("That date is moved. The others stay."),
        then=event.occurrence_url(original),
    )


@login_required
@require_POST
def occurrence_mark(request: AuthedRequest, pk: int, when: str) -> HttpResponse:
    form = MarkForm(request.POST)
    return _date_step(
        request,
        _detailed_event(request, pk),
        when,
        services.ritual_mark,
        _("Thank you. Your answer is saved."),
        form=form,
        unchosen=_("Say whether it happened."),
        fields=lambda: {"happened": form.cleaned_data["happened"]},
    )


# The subscription feed


@login_required
@require_GET
def subscribe(request: AuthedRequest) -> HttpResponse:
    active = FeedToken.objects.visible_to(request.user).active().first()
    return render(request, "schedule/subscribe.html", {"active": active})


@login_required
@require_POST
def subscribe_new(request: AuthedRequest) -> HttpResponse:
    """Make a link and show it in this response only: just its hash is kept."""
    feed, token = services.feed_token_create(user=request.user)
    path = reverse("schedule:feed", kwargs={"token": token})
    link = request.build_absolute_uri(path)
    webcal = "webcal://" + link.split("://", 1)[1]
    return render(
        request,
        "schedule/subscribe.html",
        {"active": feed, "link": link, "webcal": webcal},
    )


@login_required
@require_POST
def subscribe_revoke(request: AuthedRequest) -> HttpResponse:
    ended = services.feed_token_revoke(user=request.user)
    if ended:
        messages.success(request, _("The subscription link no longer works."))
    return redirect("schedule:subscribe")


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar a subscription link opens. The token is the credential:
    no session is involved, and a revoked or unknown token is a 404."""
    owner = services.feed_owner(token)
    if owner is None:
        raise Http404
    response = HttpResponse(
        ics.feed_ics(owner), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="troth.ics"'
    response["Cache-Control"] = "private, no-store, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@personal_download(back="schedule:index")
def download(request: AuthedRequest) -> HttpResponse:
    """All of the person's calendar as a file, private events with their
    notes and places included: after the password, like the export."""
    response = HttpResponse(
        ics.export_ics(request.user), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="troth-calendar.ics"'
    return response


# Import


@login_required
@require_http_methods(["GET", "POST"])
@membership_required
def import_calendar(request: AuthedRequest, membership: Membership) -> HttpResponse:
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]

            if upload.size > MAX_BYTES:
                form.add_error(
                    "file",
                    _(
                        "That file is larger than %(mb)s MB. Export a shorter date range and try again."
                    )
                    % {"mb": MAX_BYTES // (1024 * 1024)},
                )
            else:
                try:
                    result = services.calendar_import(
                        space=membership.space,
                        author=request.user,
                        data=upload.read(),
                        visibility=form.cleaned_data["visibility"],
                    )
                except Refused as error:
                    return refused(
                        lambda **extra: render(
                            request, "schedule/import.html", {"form": form, **extra}
                        ),
                        None,
                        error,
                    )
                except ValidationError as error:
                    form.add_error("file", error)
                else:
                    return render(
                        request,
                        "schedule/import.html",
                        {"form": ImportForm(), "result": result},
                    )
        return render(request, "schedule/import.html", {"form": form}, status=400)
    return render(request, "schedule/import.html", {"form": ImportForm()})
