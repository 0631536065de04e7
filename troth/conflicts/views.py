from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.once import submitted_once
from troth.conflicts import services, stats
from troth.conflicts.forms import LogForm, LoggerEditForm, ViewEditForm, ViewForm
from troth.conflicts.models import Conflict, ConflictView
from troth.lib.access import get_visible_or_404
from troth.lib.content import Visibility
from troth.lib.http import AuthedRequest
from troth.spaces.models import current_membership

PER_PAGE = 20
TABS = ("shared", "mine", "waiting")
FIGURE_DAYS = 182  # the figures on the shared log cover about six months


def _error_text(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


def _visible_views(user):
    return Prefetch(
        "views",
        queryset=ConflictView.objects.visible_to(user).select_related("author"),
        to_attr="visible_views",
    )


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    """The shared log, my own views, and what waits for my view."""
    membership = current_membership(request)
    if membership is None:
        return redirect("home")
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


def _initial_when() -> str:
    now = timezone.localtime(timezone.now())
    return now.strftime("%Y-%m-%dT%H:%M")


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def new(request: AuthedRequest) -> HttpResponse:
    """Log a disagreement with your own view of how it went."""
    membership = current_membership(request)
    if membership is None:
        return redirect("home")
    if request.method == "POST":
        form = LogForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                view = services.conflict_log(
                    space=membership.space,
                    author=request.user,
                    topic=data["topic"],
                    occurred_at=data["occurred_at"],
                    visibility=data["visibility"],
                    **form.view_fields(),
                )
            except ValidationError as error:
                form.add_error(None, _error_text(error))
                return render(request, "conflicts/new.html", {"form": form}, status=409)
            messages.success(
                request,
                _("Logged, and shared with your partner.")
                if view.is_shared
                else _("Logged. Your view is yours alone."),
            )
            return redirect(f"{view.get_absolute_url()}#suggestions")
        return render(request, "conflicts/new.html", {"form": form}, status=400)
    form = LogForm(initial={"occurred_at": _initial_when()})
    return render(request, "conflicts/new.html", {"form": form})


def _detail_context(request: AuthedRequest, conflict: Conflict) -> dict:
    user = request.user
    views = list(
        ConflictView.objects.visible_to(user)
        .filter(conflict=conflict)
        .select_related("author")
    )
    mine = next((view for view in views if view.author_id == user.pk), None)
    others = [view for view in views if view.author_id != user.pk]
    in_shared_log = (
        len([view for view in views if view.visibility == Visibility.SHARED]) >= 2
    )
    return {
        "conflict": conflict,
        "mine": mine,
        "others": others,
        "in_shared_log": in_shared_log,
        "is_logger": conflict.author_id == user.pk,
        "partner": conflict.space.partner_of(user),
    }


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    conflict = get_visible_or_404(
        Conflict.objects.select_related("author", "space"), request.user, pk=pk
    )
    return render(request, "conflicts/detail.html", _detail_context(request, conflict))


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def add_view(request: AuthedRequest, pk: int) -> HttpResponse:
    """Give your own view of a conflict you can see."""
    conflict = get_visible_or_404(
        Conflict.objects.select_related("author", "space"), request.user, pk=pk
    )
    existing = conflict.views.filter(author=request.user).first()
    if existing is not None:
        messages.info(request, _("You already gave your view. You can change it here."))
        return redirect("conflicts:view_edit", pk=existing.pk)
    form = ViewForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "conflict": conflict}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "conflicts/add_view.html", context, status=400)
        try:
            view = services.conflict_view_add(
                conflict=conflict,
                author=request.user,
                visibility=form.cleaned_data["visibility"],
                **form.view_fields(),
            )
        except ValidationError as error:
            form.add_error(None, _error_text(error))
            return render(request, "conflicts/add_view.html", context, status=409)
        messages.success(
            request,
            _("Your view is added and shared.")
            if view.is_shared
            else _("Your view is added. It is yours alone."),
        )
        return redirect(f"{conflict.get_absolute_url()}#suggestions")
    return render(request, "conflicts/add_view.html", context)


def _own_view(request: AuthedRequest, pk: int) -> ConflictView:
    """Your own view, or 404: nobody changes another person's words."""
    return get_visible_or_404(
        ConflictView.objects.by(request.user).select_related(
            "conflict", "conflict__space", "space"
        ),
        request.user,
        pk=pk,
    )


def _after_view_url(view: ConflictView, user) -> str:
    if Conflict.objects.visible_to(user).filter(pk=view.conflict_id).exists():
        return view.get_absolute_url()
    return reverse("conflicts:view_edit", kwargs={"pk": view.pk})


@login_required
@require_http_methods(["GET", "POST"])
def view_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """Change your own view; whoever logged the conflict may also change
    its topic and date."""
    view = _own_view(request, pk)
    conflict = view.conflict
    is_logger = conflict.author_id == request.user.pk
    frame_visible = conflict.is_visible_to(request.user)
    if not frame_visible:
        conflict.topic = ""
    form_class = LoggerEditForm if is_logger else ViewEditForm
    if request.method == "POST":
        form = form_class(request.POST)
    else:
        initial = ViewForm.initial_for(view)
        if is_logger:
            initial["topic"] = conflict.topic
            initial["occurred_at"] = timezone.localtime(conflict.occurred_at).strftime(
                "%Y-%m-%dT%H:%M"
            )
        form = form_class(initial=initial)
    context = {
        "form": form,
        "view": view,
        "conflict": conflict,
        "frame_visible": frame_visible,
        "is_logger": is_logger,
    }
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "conflicts/view_edit.html", context, status=400)
        frame = {}
        if is_logger:
            frame = {
                "topic": form.cleaned_data["topic"],
                "occurred_at": form.cleaned_data["occurred_at"],
            }
        try:
            services.conflict_view_update(
                view=view,
                by=request.user,
                visibility=form.cleaned_data["visibility"],
                **frame,
                **form.view_fields(),
            )
        except ValidationError as error:
            form.add_error(None, _error_text(error))
            return render(request, "conflicts/view_edit.html", context, status=409)
        messages.success(request, _("Your view is saved."))
        return redirect(_after_view_url(view, request.user))
    return render(request, "conflicts/view_edit.html", context)


def _refused(request: AuthedRequest, view: ConflictView, error: ValidationError):
    messages.error(request, _error_text(error))
    if Conflict.objects.visible_to(request.user).filter(pk=view.conflict_id).exists():
        conflict = Conflict.objects.select_related("author", "space").get(
            pk=view.conflict_id
        )
        return render(
            request,
            "conflicts/detail.html",
            _detail_context(request, conflict),
            status=409,
        )
    return redirect("conflicts:view_edit", pk=view.pk)


def _after_toggle(request: AuthedRequest, view: ConflictView) -> HttpResponse:
    if request.htmx and view.conflict.is_visible_to(request.user):
        return render(
            request,
            "conflicts/detail.html#my-view",
            _detail_context(request, view.conflict),
        )
    return redirect(_after_view_url(view, request.user))


@login_required
@require_POST
def view_share(request: AuthedRequest, pk: int) -> HttpResponse:
    view = _own_view(request, pk)
    try:
        services.conflict_view_share(view=view, by=request.user)
    except ValidationError as error:
        return _refused(request, view, error)
    messages.success(request, _("Your view is shared with your partner."))
    return _after_toggle(request, view)


@login_required
@require_POST
def view_stop(request: AuthedRequest, pk: int) -> HttpResponse:
    view = _own_view(request, pk)
    try:
        services.conflict_view_stop(view=view, by=request.user)
    except ValidationError as error:
        return _refused(request, view, error)
    messages.success(
        request, _("Your view is yours alone again. Your partner is not told.")
    )
    return _after_toggle(request, view)


@login_required
@require_POST
def view_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    view = _own_view(request, pk)
    try:
        services.conflict_view_delete(view=view, by=request.user)
    except ValidationError as error:
        return _refused(request, view, error)
    messages.success(request, _("Your view is deleted."))
    return redirect(f"{reverse('conflicts:index')}?show=mine")


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    """Who sees what, and how the figures are computed, in plain words
    (docs/figures/conflicts.md)."""
    return render(request, "conflicts/how.html", {"figure_days": FIGURE_DAYS})
