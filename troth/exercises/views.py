from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.once import submitted_once
from troth.exercises import library, services
from troth.exercises.forms import FilterForm, LogForm, ScheduleForm
from troth.exercises.models import ExerciseLog, Session
from troth.exercises.steps import SESSION_STEPS
from troth.lib.access import get_visible_or_404
from troth.lib.http import AuthedRequest
from troth.lib.prefetch import prefetch_visible
from troth.schedule.models import Event
from troth.spaces.membership import membership_required, space_page
from troth.spaces.models import Membership, current_membership
from troth.spaces.stepviews import form_step, take_step

PER_PAGE = 20
WAITING_DAYS = 30  # how long a past exercise keeps asking for my log
SHOWN = 3


def _sessions(user, space):
    return Session.objects.visible_to(user).in_space(space).planned()


def waiting_for_log(user, space):
    """Past exercises (last 30 days) I haven't said anything about yet."""
    now = timezone.now()
    return (
        _sessions(user, space)
        .filter(starts_at__lte=now, starts_at__gte=now - timedelta(days=WAITING_DAYS))
        .exclude(
            Exists(ExerciseLog.objects.filter(session=OuterRef("pk"), author=user))
        )
        .order_by("-starts_at", "-id")
    )


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """The library, filtered by time, theme and whether you're apart, with
    plain GET parameters."""
    form = FilterForm(request.GET or None)
    length = theme = where = ""
    if form.is_bound and form.is_valid():
        length = form.cleaned_data["length"]
        theme = form.cleaned_data["theme"]
        where = form.cleaned_data["where"]
    exercises = library.filtered(length=length, theme=theme, where=where)
    user, space = request.user, membership.space
    upcoming = list(
        _sessions(user, space)
        .filter(starts_at__gt=timezone.now())
        .order_by("starts_at", "id")[:SHOWN]
    )
    waiting = list(waiting_for_log(user, space)[:SHOWN])
    context = {
        "form": form,
        "exercises": exercises,
        "total": len(library.EXERCISES),
        "filtered": bool(length or theme or where),
        "upcoming": upcoming,
        "waiting": waiting,
    }
    if request.htmx and request.htmx.target == "library":
        return render(request, "exercises/index.html#library", context)
    return render(
        request, "exercises/index.html", context, status=400 if form.errors else 200
    )


def _item(slug: str) -> library.Exercise:
    item = library.get(slug)
    if item is None:
        raise Http404
    return item


@login_required
@require_GET
def detail(request: AuthedRequest, slug: str) -> HttpResponse:
    item = _item(slug)
    membership = current_membership(request)
    partner = membership.space.partner_of(request.user) if membership else None
    form = ScheduleForm()
    return render(
        request,
        "exercises/detail.html",
        {"item": item, "form": form, "partner": partner, "membership": membership},
    )


@login_required
@require_POST
@submitted_once
@membership_required
def schedule(request: AuthedRequest, membership: Membership, slug: str) -> HttpResponse:
    """Plan this exercise for the two of you."""
    item = _item(slug)
    form = ScheduleForm(request.POST)
    partner = membership.space.partner_of(request.user)
    planned: list[Session] = []  # the new session, for `then` after the step
    return form_step(
        request,
        None,
        form,
        "exercises/detail.html",
        lambda: planned.append(
            services.session_schedule(
                space=membership.space,
                author=request.user,
                exercise=item.slug,
                starts_at=form.cleaned_data["starts_at"],
            )
        ),
        context={"item": item, "partner": partner, "membership": membership},
        done=_("Planned, and on your shared calendar."),
        then=lambda: planned[0].get_absolute_url(),
    )


@space_page
def sessions(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Every exercise you planned, newest first, with your logs."""
    user = request.user
    rows = (
        Session.objects.visible_to(user)
        .in_space(membership.space)
        .prefetch_related(
            prefetch_visible("logs", ExerciseLog, user, to_attr="seen_logs")
        )
        .order_by("-starts_at", "-id")
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "exercises/sessions.html", {"page": page, "now": timezone.now()}
    )


def _session(request: AuthedRequest, pk: int) -> Session:
    return get_visible_or_404(
        Session.objects.select_related("author", "space"), request.user, pk=pk
    )


def _session_context(request: AuthedRequest, session: Session, **extra) -> dict:
    user = request.user
    logs = list(
        ExerciseLog.objects.visible_to(user)
        .filter(session=session)
        .select_related("author")
    )
    event_visible = bool(session.event_id) and (
        Event.objects.visible_to(user)
        .detailed_for(user)
        .filter(pk=session.event_id)
        .exists()
    )
    context = {
        "session": session,
        "item": session.item,
        "mine": next((log for log in logs if log.author_id == user.pk), None),
        "others": [log for log in logs if log.author_id != user.pk],
        "started": session.starts_at <= timezone.now() + services.SLACK,
        "event_visible": event_visible,
        "allowed": SESSION_STEPS.allowed(session, user),
    }
    context.update(extra)
    return context


def _page(request: AuthedRequest, session: Session, **extra) -> HttpResponse:
    return render(
        request, "exercises/session.html", _session_context(request, session, **extra)
    )


@login_required
@require_GET
def session_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, _session(request, pk))


@login_required
@require_POST
def cancel(request: AuthedRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    return take_step(
        request,
        session,
        lambda: services.session_cancel(session=session, by=request.user),
        page=partial(_page, request, session),
        done=_("Called off, and taken off the calendar."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def log(request: AuthedRequest, pk: int) -> HttpResponse:
    """Say how it went for you; private unless you share it."""
    session = _session(request, pk)
    mine = session.logs.filter(author=request.user).first()
    form = LogForm(
        request.POST if request.method == "POST" else None,
        initial=model_to_dict(mine, fields=LogForm.base_fields) if mine else None,
    )
    return form_step(
        request,
        session,
        form,
        "exercises/log.html",
        lambda: services.log_save(
            session=session, author=request.user, **form.cleaned_data
        ),
        context={"session": session, "item": session.item, "mine": mine},
        done=_("Thank you. Your log is saved."),
    )
