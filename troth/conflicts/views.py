from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from troth.accounts.once import submitted_once
from troth.conflicts import services, stats
from troth.conflicts.forms import LogForm, LoggerEditForm, ViewEditForm, ViewForm
from troth.conflicts.models import Conflict, ConflictView
from troth.conflicts.steps import CONFLICT_STEPS, VIEW_STEPS
from troth.lib.access import get_visible_or_404
from troth.lib.content import Visibility
from troth.lib.http import AuthedRequest
from troth.lib.prefetch import prefetch_visible
from troth.spaces.membership import space_form_page, space_page
from troth.spaces.models import Membership
from troth.spaces.postviews import post_view
from troth.spaces.stepviews import form_step, take_step

PER_PAGE = 20
TABS = ("shared", "mine", "waiting")
FIGURE_DAYS = 182  # the figures on the shared log cover about six months


def _visible_views(user):
    return prefetch_visible("views", ConflictView, user, to_attr="visible_views")


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """The shared log, my own views, and what waits for my view."""
    user = request.user
    space = membership.space
    tab = request.GET.get("show")
    if tab not in TABS:
        tab = "shared"
    visible = Conflict.objects.visible_to(user).in_space(space)
    waiting = visible.exclude(author=user).exclude(
        Exists(ConflictView.objects.filter(conflict=OuterRef("pk"), author=user))
    )
    waiting_count = waiting.count()
    # My views on the "mine" tab, conflicts on the others.
    rows: QuerySet[Any]
    if tab == "mine":
        frames = Conflict.objects.visible_to(user).filter(pk=OuterRef("conflict_id"))
        rows = (
            ConflictView.objects.by(user)
            .in_space(space)
            .select_related("conflict")
            .annotate(frame_visible=Exists(frames))
            .order_by("-conflict__occurred_at", "-id")
        )
    elif tab == "waiting":
        rows = (
            waiting.select_related("author")
            .prefetch_related(_visible_views(user))
            .order_by("-occurred_at", "-id")
        )
    else:
        rows = (
            visible.shared_by_both()
            .select_related("author")
            .prefetch_related(_visible_views(user))
            .order_by("-occurred_at", "-id")
        )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    figures = None
    if tab == "shared":
        now = timezone.now()
        figures = stats.conflicts_summary(
            space, start=now - timedelta(days=FIGURE_DAYS), end=now
        )
    if tab == "mine":
        for view in page.object_list:
            if not view.frame_visible:
                # The partner stopped sharing the conflict they logged: its
                # words are theirs again, even in memory.
                view.conflict.topic = ""
    return render(
        request,
        "conflicts/index.html",
        {
            "tab": tab,
            "page": page,
            "waiting_count": waiting_count,
            "figures": figures,
            "median_words": stats.minutes_in_words(
                figures.median_minutes_to_repair if figures else None
            ),
        },
    )


def _when_input(when: datetime) -> str:
    """`when` as the date-and-time field shows it, in the person's zone."""
    return timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")


@space_form_page
def new(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Log a disagreement with your own view of how it went."""
    if request.method == "POST":
        form = LogForm(request.POST)
    else:
        form = LogForm(initial={"occurred_at": _when_input(timezone.now())})
    logged: list[ConflictView] = []  # the view, once logged

    def log() -> None:
        data = form.cleaned_data
        logged.append(
            services.conflict_log(
                space=membership.space,
                author=request.user,
                topic=data["topic"],
                occurred_at=data["occurred_at"],
                visibility=data["visibility"],
                **form.view_fields(),
            )
        )

    return form_step(
        request,
        None,
        form,
        "conflicts/new.html",
        log,
        done=lambda: (
            _("Logged, and shared with your partner.")
            if logged[0].is_shared
            else _("Logged. Your view is yours alone.")
        ),
        then=lambda: f"{logged[0].get_absolute_url()}#suggestions",
    )


def _detail_context(request: AuthedRequest, conflict: Conflict, **extra) -> dict:
    user = request.user
    views = list(
        ConflictView.objects.visible_to(user)
        .filter(conflict=conflict)
        .select_related("author", "space")
    )
    mine = next((view for view in views if view.author_id == user.pk), None)
    others = [view for view in views if view.author_id != user.pk]
    in_shared_log = (
        len([view for view in views if view.visibility == Visibility.SHARED]) >= 2
    )
    allowed = CONFLICT_STEPS.allowed(conflict, user)
    if mine is not None:
        allowed |= VIEW_STEPS.allowed(mine, user)
    return {
        "conflict": conflict,
        "mine": mine,
        "others": others,
        "in_shared_log": in_shared_log,
        "is_logger": conflict.author_id == user.pk,
        "partner": conflict.space.partner_of(user),
        "allowed": allowed,
        **extra,
    }


def _conflict(request: AuthedRequest, pk: int) -> Conflict:
    return get_visible_or_404(
        Conflict.objects.select_related("author", "space"), request.user, pk=pk
    )


def _page(request: AuthedRequest, conflict: Conflict, **extra) -> HttpResponse:
    return render(
        request, "conflicts/detail.html", _detail_context(request, conflict, **extra)
    )


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, _conflict(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def add_view(request: AuthedRequest, pk: int) -> HttpResponse:
    """Give your own view of a conflict you can see."""
    conflict = _conflict(request, pk)
    existing = conflict.views.filter(author=request.user).first()
    if existing is not None:
        messages.info(request, _("You already gave your view. You can change it here."))
        return redirect("conflicts:view_edit", pk=existing.pk)
    form = ViewForm(request.POST if request.method == "POST" else None)
    return form_step(
        request,
        conflict,
        form,
        "conflicts/add_view.html",
        lambda: services.conflict_view_add(
            conflict=conflict,
            author=request.user,
            visibility=form.cleaned_data["visibility"],
            **form.view_fields(),
        ),
        context={"conflict": conflict},
        # The view is shared exactly when the person chose so.
        done=lambda: (
            _("Your view is added and shared.")
            if form.cleaned_data["visibility"] == Visibility.SHARED
            else _("Your view is added. It is yours alone.")
        ),
        then=f"{conflict.get_absolute_url()}#suggestions",
    )


def _own_view(request: AuthedRequest, pk: int) -> ConflictView:
    """Your own view, or 404: nobody changes another person's words."""
    return get_visible_or_404(
        ConflictView.objects.by(request.user).select_related(
            "conflict", "conflict__space", "space"
        ),
        request.user,
        pk=pk,
    )


def _frame_visible(view: ConflictView, user) -> bool:
    return Conflict.objects.visible_to(user).filter(pk=view.conflict_id).exists()


def _after_view_url(view: ConflictView, user) -> str:
    if _frame_visible(view, user):
        return view.get_absolute_url()
    return reverse("conflicts:view_edit", kwargs={"pk": view.pk})


def _edit_allowed(view: ConflictView, user) -> frozenset[str]:
    return VIEW_STEPS.allowed(view, user) | CONFLICT_STEPS.allowed(view.conflict, user)


def _edit_form(view: ConflictView, allowed: frozenset[str], data=None):
    """The form for your view, with the topic and date where you may change
    them."""
    frame = "edit_frame" in allowed
    form_class = LoggerEditForm if frame else ViewEditForm
    if data is not None:
        return form_class(data)
    initial = ViewForm.initial_for(view)
    if frame:
        initial["topic"] = view.conflict.topic
        initial["occurred_at"] = _when_input(view.conflict.occurred_at)
    return form_class(initial=initial)


def _edit_page(request: AuthedRequest, view: ConflictView, form=None, **extra):
    """The page to change your own view; whoever logged the conflict may
    also change its topic and date."""
    conflict = view.conflict
    allowed = _edit_allowed(view, request.user)
    frame_visible = conflict.is_visible_to(request.user)
    if form is None:
        form = _edit_form(view, allowed)
    if not frame_visible:
        conflict.topic = ""
    context = {
        "form": form,
        "view": view,
        "conflict": conflict,
        "frame_visible": frame_visible,
        "allowed": allowed,
        **extra,
    }
    return render(request, "conflicts/view_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def view_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """Change your own view; whoever logged the conflict may also change
    its topic and date."""
    view = _own_view(request, pk)
    if request.method == "GET":
        return _edit_page(request, view)
    form = _edit_form(view, _edit_allowed(view, request.user), request.POST)

    def update() -> None:
        frame = {}
        if "topic" in form.fields:
            frame = {
                "topic": form.cleaned_data["topic"],
                "occurred_at": form.cleaned_data["occurred_at"],
            }
        services.conflict_view_update(
            view=view,
            by=request.user,
            visibility=form.cleaned_data["visibility"],
            **frame,
            **form.view_fields(),
        )

    return take_step(
        request,
        view,
        update,
        page=lambda **extra: _edit_page(request, view, form, **extra),
        form=form,
        done=_("Your view is saved."),
        then=_after_view_url(view, request.user),
    )


def _view_page(request: AuthedRequest, view: ConflictView, **extra) -> HttpResponse:
    """A view's page: the disagreement's, or, where its frame is hidden,
    the page to change the view."""
    if _frame_visible(view, request.user):
        return _page(request, _conflict(request, view.conflict_id), **extra)
    return _edit_page(request, view, **extra)


def _view_step(request: AuthedRequest, pk: int, service, done, then=None):
    """POST one step on your own view `pk`, which `service` takes."""
    view = _own_view(request, pk)
    return take_step(
        request,
        view,
        lambda: service(view=view, by=request.user),
        page=lambda **extra: _view_page(request, view, **extra),
        partial=lambda **extra: render(
            request,
            "conflicts/detail.html#my-view",
            _detail_context(
                request, _conflict(request, view.conflict_id), part=True, **extra
            ),
        ),
        done=done,
        then=then or _after_view_url(view, request.user),
    )


view_share = post_view(
    _view_step,
    services.conflict_view_share,
    gettext_lazy("Your view is shared with your partner."),
)


view_stop = post_view(
    _view_step,
    services.conflict_view_stop,
    gettext_lazy("Your view is yours alone again. Your partner is not told."),
)


view_delete = post_view(
    _view_step,
    services.conflict_view_delete,
    gettext_lazy("Your view is deleted."),
    then=lambda: f"{reverse('conflicts:index')}?show=mine",
)


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    """Who sees what, and how the figures are computed, in plain words
    (docs/figures/conflicts.md)."""
    return render(request, "conflicts/how.html", {"figure_days": FIGURE_DAYS})
