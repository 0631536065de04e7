from __future__ import annotations

import datetime as dt
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from troth.lib.access import get_visible_or_404
from troth.lib.formpages import form_page
from troth.lib.http import AuthedRequest
from troth.lib.periods import week_start
from troth.lib.redirects import next_url
from troth.lib.time import local_today
from troth.moments import services, stats
from troth.moments.forms import (
    TIMELINE_TABS,
    BidForm,
    MomentForm,
    TimelineFilter,
)
from troth.moments.models import KIND_SELF, About, Ack, Bid, Kind, Moment
from troth.spaces.membership import space_form_page, space_page
from troth.spaces.models import Membership
from troth.spaces.postviews import post_view, save_form
from troth.spaces.stepviews import take_step

TIMELINE_PAGE = 20


def _moments(user):
    return Moment.objects.visible_to(user).select_related("author", "subject", "space")


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """The timeline: every moment either of you may see, newest first."""
    user = request.user
    form = TimelineFilter(request.GET or None)
    show = form.cleaned_data["show"] if form.is_valid() else ""
    moments = _moments(user).filter(space=membership.space)
    if show == "noticed":
        moments = moments.filter(author=user, about=About.PARTNER)
    elif show == "noticed-me":
        moments = moments.exclude(author=user).filter(about=About.PARTNER)
    elif show == "mine":
        moments = moments.filter(author=user, about=About.SELF)
    page = _timeline_page(moments, request.GET.get("page"))
    return render(
        request,
        "moments/index.html",
        {
            "page": page,
            "show": show,
            "tabs": TIMELINE_TABS,
            "ack_choices": Ack.choices,
            "this_week": week_start(local_today(user.tz)),
        },
    )


def _timeline_page(moments, number) -> Page:
    """Page `number` of the timeline, read without counting the moments: its
    links say only Newer and Older, and whether there is an older page is
    one row more. A count would read every moment of the space."""
    try:
        number = max(int(number), 1)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * TIMELINE_PAGE
    found = list(moments[start : start + TIMELINE_PAGE + 1])
    paginator = Paginator(moments, TIMELINE_PAGE)
    if not found and number > 1:
        return paginator.get_page(number)  # past the end: the last page
    paginator.count = start + len(found)
    return Page(found[:TIMELINE_PAGE], number, paginator)


def _kind_choices_for_template():
    return [
        {"value": value, "partner": label, "self": KIND_SELF[value]}
        for value, label in Kind.choices
    ]


@space_form_page
def moment_new(request: AuthedRequest, membership: Membership) -> HttpResponse:
    space = membership.space
    about = (
        request.GET.get("about")
        if request.GET.get("about") in About.values
        else About.PARTNER
    )
    if request.method == "POST":
        form = MomentForm(request.POST)
        moment = save_form(
            form,
            lambda data: services.moment_create(space=space, by=request.user, **data),
        )
        if moment is not None:
            if moment.is_about_partner:
                messages.success(
                    request,
                    _("Noted. %(name)s will see what you noticed.")
                    % {"name": moment.subject},
                )
            elif moment.is_shared:
                messages.success(request, _("Noted and shared with your partner."))
            else:
                messages.success(request, _("Noted. Only you can see it."))
            return redirect("moments:index")
    else:
        form = MomentForm(
            initial={"about": about, "occurred_on": local_today(request.user.tz)}
        )
    return form_page(
        request,
        "moments/new.html",
        form,
        {
            "kinds": _kind_choices_for_template(),
            "partner": space.partner_of(request.user),
        },
    )


@login_required
@require_GET
def moment_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    moment = get_visible_or_404(
        _moments(request.user).select_related("space"), request.user, pk=pk
    )
    return _page(request, moment)


def _page(request, moment: Moment, **extra) -> HttpResponse:
    context = {"moment": moment, "ack_choices": Ack.choices, **extra}
    return render(request, "moments/detail.html", context)


def _item(request, moment: Moment, **extra) -> HttpResponse:
    moment = _moments(request.user).get(pk=moment.pk)
    context = {"moment": moment, "ack_choices": Ack.choices, **extra}
    return render(request, "moments/index.html#item", context)


@login_required
@require_POST
def acknowledge(request: AuthedRequest, pk: int) -> HttpResponse:
    moment = get_visible_or_404(
        _moments(request.user).exclude(author=request.user).select_related("space"),
        request.user,
        pk=pk,
    )
    return take_step(
        request,
        moment,
        lambda: services.moment_acknowledge(
            moment=moment, by=request.user, ack=request.POST.get("ack", "")
        ),
        page=partial(_page, request, moment),
        partial=partial(_item, request, moment),
        done=_("%(name)s will see that you noticed.") % {"name": moment.author},
        then=next_url(request, moment.get_absolute_url()),
    )


def _own_self_moment(request, pk: int) -> Moment:
    return get_visible_or_404(
        Moment.objects.filter(author=request.user).select_related("space"),
        request.user,
        pk=pk,
    )


def _own_step(request, pk: int, service, done, then=None) -> HttpResponse:
    """POST `service` on one's own moment `pk`: share it, make it private
    or delete it."""
    moment = _own_self_moment(request, pk)
    return take_step(
        request,
        moment,
        lambda: service(moment=moment, by=request.user),
        page=partial(_page, request, moment),
        done=done,
        then=then,
    )


moment_share = post_view(
    _own_step, services.moment_share, gettext_lazy("Shared with your partner.")
)
moment_unshare = post_view(
    _own_step,
    services.moment_unshare,
    gettext_lazy("Only you can see it now. Your partner was not told."),
)
moment_delete = post_view(
    _own_step,
    services.moment_delete,
    gettext_lazy("The moment is deleted."),
    then="moments:index",
)


@space_page
def week(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """What you noticed this week, and what was noticed about you."""
    user = request.user
    this_week = week_start(local_today(user.tz))
    try:
        start = week_start(dt.date.fromisoformat(request.GET.get("week", "")))
    except ValueError:
        start = this_week
    end = start + dt.timedelta(days=6)
    moments = list(
        _moments(user)
        .filter(space=membership.space, occurred_on__range=(start, end))
        .order_by("occurred_on", "created", "id")
    )
    noticed = [m for m in moments if m.author_id == user.pk and m.is_about_partner]
    about_me = [m for m in moments if m.author_id != user.pk and m.is_about_partner]
    own = [m for m in moments if m.author_id == user.pk and not m.is_about_partner]
    theirs = [m for m in moments if m.author_id != user.pk and not m.is_about_partner]
    return render(
        request,
        "moments/week.html",
        {
            "start": start,
            "end": end,
            "previous": start - dt.timedelta(weeks=1),
            "next": start + dt.timedelta(weeks=1) if start < this_week else None,
            "is_this_week": start == this_week,
            "noticed": noticed,
            "about_me": about_me,
            "own": own,
            "theirs": theirs,
            "partner": membership.space.partner_of(user),
        },
    )


@space_form_page
def bids(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """My private bid log: when I reached out and how it was met."""
    user = request.user
    if request.method == "POST":
        form = BidForm(request.POST)
        logged = save_form(
            form,
            lambda data: services.bid_create(space=membership.space, by=user, **data),
        )
        if logged is not None:
            messages.success(request, _("Noted in your private log."))
            return redirect("moments:bids")
    else:
        form = BidForm()
    recent = list(Bid.objects.visible_to(user).filter(space=membership.space)[:50])
    trend = stats.bid_trend(user=user)
    return form_page(
        request,
        "moments/bids.html",
        form,
        {
            "recent": recent,
            "trend": trend,
            "logged": sum(w.total for w in trend),
            "min_bids": stats.MIN_BIDS_FOR_SHARE,
        },
    )


@login_required
@require_POST
def bid_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    bid = get_visible_or_404(Bid.objects.select_related("space"), request.user, pk=pk)
    services.bid_delete(bid=bid, by=request.user)
    messages.success(request, _("The note is deleted."))
    return redirect("moments:bids")


@login_required
@require_GET
def bids_how(request: AuthedRequest) -> HttpResponse:
    """How the bid-log trend is computed (docs/figures/bid-log.md)."""
    return render(
        request, "moments/bids_how.html", {"min_bids": stats.MIN_BIDS_FOR_SHARE}
    )
