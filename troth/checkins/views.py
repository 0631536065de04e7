from __future__ import annotations

import datetime as dt
import hashlib
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.once import submitted_once
from troth.checkins import services
from troth.checkins.forms import PulseForm, PulseSettingsForm, StatusForm
from troth.checkins.models import ITEMS, Kind, Pulse, PulseSettings, Status
from troth.checkins.stats import SUBSCALES, pulse_trend
from troth.lib.formpages import form_page
from troth.lib.http import AuthedRequest
from troth.lib.redirects import next_url
from troth.lib.time import local_today
from troth.spaces.membership import membership_required, space_page
from troth.spaces.models import Membership, current_membership
from troth.spaces.postviews import save_form
from troth.spaces.stepviews import refused

ETA_CHOICES = [5, 10, 15, 20, 30, 45, 60, 90]
LATE_CHOICES = [5, 10, 15, 20, 30, 45, 60]


def poll_seconds() -> int:
    return int(getattr(settings, "TROTH_STATUS_POLL_SECONDS", 15))


def partner_statuses(user, space) -> QuerySet[Status]:
    """The partner's statuses `user` may read in `space`, latest first."""
    return (
        Status.objects.visible_to(user)
        .filter(space=space)
        .exclude(author=user)
        .order_by("-created", "-id")
    )


def partner_status(request, membership) -> dict:
    """The partner's current status, and an ETag for it: one query."""
    status = (
        partner_statuses(request.user, membership.space)
        .select_related("author")
        .first()
    )
    now = timezone.now()
    active = status is not None and status.is_active(now)
    return shown_status(request, status.pk if status else 0, status if active else None)


def shown_status(request, latest: int, status: Status | None) -> dict:
    """What the status card shows: `status` if the latest (pk `latest`, 0
    for none) is still active, else None; and an ETag for it.

    The ETag changes when a new status arrives or the shown one expires, and
    with the viewer's zone and language (they change the words shown)."""
    raw = ":".join(
        str(part)
        for part in (
            request.user.pk,
            latest,
            int(status is not None),
            timezone.get_current_timezone_name(),
            translation.get_language(),
            poll_seconds(),
        )
    )
    etag = '"' + hashlib.sha256(raw.encode()).hexdigest()[:20] + '"'
    return {"status": status, "etag": etag, "poll_seconds": poll_seconds()}


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    space = membership.space
    now = timezone.now()
    mine = (
        Status.objects.filter(space=space, author=request.user, expires_at__gt=now)
        .order_by("-created")
        .first()
    )
    recent = list(
        Status.objects.visible_to(request.user)
        .filter(space=space)
        .select_related("author")
        .order_by("-created", "-id")[:10]
    )
    return _index_page(request, membership, mine=mine, recent=recent, now=now)


@login_required
@require_GET
def partner_status_fragment(request: AuthedRequest) -> HttpResponse:
    """The live fragment the dashboard polls. 304 when nothing changed."""
    membership = current_membership(request)
    if membership is None:
        return HttpResponse(status=204)
    context = partner_status(request, membership)
    response: HttpResponse
    if request.headers.get("If-None-Match") == context["etag"]:
        response = HttpResponseNotModified()
    else:
        response = render(request, "checkins/index.html#partner_status", context)
    response["ETag"] = context["etag"]
    return response


def _back(request, fallback: str = "checkins:index"):
    return redirect(next_url(request, fallback))


@login_required
@require_POST
@submitted_once
@membership_required
def status_send(request: AuthedRequest, membership: Membership) -> HttpResponse:
    form = StatusForm(request.POST)
    sent = save_form(
        form,
        lambda data: services.status_send(
            space=membership.space,
            by=request.user,
            kind=data["kind"],
            minutes=data["minutes"],
            until=data["until"],
            text=data["text"],
        ),
    )
    if sent is not None:
        partner = membership.space.partner_of(request.user)
        messages.success(
            request,
            _("Sent. %(name)s will see it.") % {"name": partner}
            if partner
            else _("Saved. Your partner will see it once they join."),
        )
        return _back(request)
    return _index_with_errors(request, membership, form)


def _index_page(
    request,
    membership,
    *,
    mine=None,
    recent=(),
    form=None,
    now=None,
    status=200,
    **extra,
) -> HttpResponse:
    """The check-ins page: the partner's status, mine and the recent ones."""
    return render(
        request,
        "checkins/index.html",
        {
            **partner_status(request, membership),
            "mine": mine,
            "recent": list(recent),
            "eta_choices": ETA_CHOICES,
            "late_choices": LATE_CHOICES,
            "form": form or StatusForm(),
            "now": now or timezone.now(),
            **extra,
        },
        status=status,
    )


def _index_with_errors(request, membership, form=None, **extra) -> HttpResponse:
    return _index_page(request, membership, form=form, status=400, **extra)


@login_required
@require_POST
@membership_required
def status_clear(request: AuthedRequest, membership: Membership) -> HttpResponse:
    try:
        services.status_clear(space=membership.space, by=request.user)
    except ValidationError as error:
        return refused(partial(_index_with_errors, request, membership), None, error)
    messages.success(request, _("Your status is cleared."))
    return _back(request)


@login_required
@require_http_methods(["GET", "POST"])
@membership_required
def pulse(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Today's pulse: at most five taps and an optional note."""
    today = local_today(request.user.tz)
    existing = Pulse.objects.filter(author=request.user, day=today).first()
    initial = {}
    if existing is not None:
        initial = {**existing.answers(), "note": existing.note or ""}
    form = PulseForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST":
        saved = save_form(
            form,
            lambda data: services.pulse_record(
                space=membership.space,
                by=request.user,
                answers={item: data.get(item) for item in ITEMS},
                note=data["note"],
            ),
        )
        if saved is not None:
            messages.success(request, _("Thank you. Today’s pulse is saved."))
            return redirect("checkins:pulse")
    prefs = PulseSettings.for_user(request.user)
    answered = Pulse.objects.filter(author=request.user).count()
    return form_page(
        request,
        "checkins/pulse.html",
        form,
        {"existing": existing, "today": today, "prefs": prefs, "answered": answered},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pulse_settings(request: AuthedRequest) -> HttpResponse:
    membership = current_membership(request)
    prefs = PulseSettings.for_user(request.user)
    form = PulseSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={"share": prefs.share, "remind_at": prefs.remind_at},
    )
    if request.method == "POST" and form.is_valid():
        services.pulse_settings_update(
            user=request.user,
            space=membership.space if membership else None,
            share=form.cleaned_data["share"],
            remind_at=form.cleaned_data["remind_at"],
        )
        messages.success(request, _("Your pulse settings are saved."))
        return redirect("checkins:pulse")
    return form_page(request, "checkins/pulse_settings.html", form)


TREND_DAYS = 90


@space_page
def pulse_trends(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """My pulse over the last 90 days, and my partner's if they share it."""
    end = local_today(request.user.tz)
    start = end - dt.timedelta(days=TREND_DAYS - 1)
    people = [request.user]
    partner = membership.space.partner_of(request.user)
    if partner is not None:
        people.append(partner)
    trends = []
    for person in people:
        trend = pulse_trend(viewer=request.user, subject=person, start=start, end=end)
        if person != request.user and trend.total_days == 0:
            continue  # not shared (or nothing yet): nothing about it is shown
        trends.append({"person": person, "trend": trend})
    return render(
        request,
        "checkins/pulse_trends.html",
        {
            "trends": trends,
            "subscales": list(SUBSCALES),
            "days": TREND_DAYS,
        },
    )


@login_required
@require_GET
def pulse_how(request: AuthedRequest) -> HttpResponse:
    return render(request, "checkins/pulse_how.html", {"kinds": Kind})
