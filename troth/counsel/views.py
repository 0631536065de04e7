"""The partners' pages of a counsellor's window (the counsellor's own are
troth/counsel/counsellor_views.py)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from troth.counsel import services
from troth.counsel.areas import AREAS
from troth.counsel.forms import AcceptForm, ProposeForm, RenewalForm
from troth.counsel.models import (
    Access,
    Window,
    WindowEvent,
    counsellor_of_any,
)
from troth.counsel.notes import notes_context
from troth.counsel.steps import STEPS
from troth.lib.access import get_visible_or_404
from troth.lib.http import AuthedRequest
from troth.spaces.membership import space_form_page
from troth.spaces.models import Membership, current_membership
from troth.spaces.postviews import post_view
from troth.spaces.stepviews import take_step

PAGE_SIZE = 20


def _window(request, pk: int) -> Window:
    return get_visible_or_404(
        Window.objects.select_related(
            "space", "proposed_by", "counsellor", "renewal_by"
        ),
        request.user,
        pk=pk,
    )


def _index_context(request, membership: Membership, form=None) -> dict:
    me = request.user
    windows = Window.objects.visible_to(me).filter(space=membership.space)
    live = windows.live().select_related("proposed_by", "renewal_by").first()
    past = windows.past().select_related("counsellor")
    page = Paginator(past, PAGE_SIZE).get_page(request.GET.get("page"))
    return {
        "live": live,
        "live_areas": _areas(live) if live else [],
        "page": page,
        "form": form or ProposeForm(),
        "counsellor": counsellor_of_any(me),
        "space": membership.space,
    }


def _areas(window: Window) -> list:
    return [AREAS[key] for key in window.areas if key in AREAS]


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    """The current window, or what a window is and the form to propose
    one; past windows a page at a time. Someone with no space who holds
    windows as a counsellor is sent to those; anyone else, home."""
    membership = current_membership(request)
    if membership is None:
        held = counsellor_of_any(request.user)
        return redirect("counsel:clients" if held else "home")
    return render(request, "counsel/index.html", _index_context(request, membership))


@space_form_page
def propose(request: AuthedRequest, membership: Membership) -> HttpResponse:
    if request.method == "GET":
        return redirect("counsel:index")
    form = ProposeForm(request.POST)
    if form.is_valid():
        try:
            window = services.window_propose(
                space=membership.space, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your proposal is with your partner. Nothing is visible until they accept it."
                ),
            )
            return redirect(window)
    response = render(
        request, "counsel/index.html", _index_context(request, membership, form)
    )
    response.status_code = 400
    return response


def _form_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields):
        form.add_error(None, error)
    else:
        form.add_error(None, ValidationError(error.messages))


def _detail_context(request, window: Window, **extra) -> dict:
    me = request.user
    partners = window.space.partners
    log = Access.objects.filter(window=window)
    return {
        "window": window,
        "areas": _areas(window),
        "allowed": STEPS.allowed(window, me),
        "readable": window.is_readable(),
        "pulse_names": [p for p in partners if p.pk in window.pulse_from],
        "accept_form": extra.pop("accept_form", None) or AcceptForm(),
        "renewal_form": extra.pop("renewal_form", None) or RenewalForm(),
        **notes_context(request, window),
        "log": _labelled(log[: PAGE_SIZE + 1]),
        "events": WindowEvent.objects.filter(window=window).select_related("actor"),
        **extra,
    }


def _page(request, window: Window, **extra) -> HttpResponse:
    return render(
        request, "counsel/detail.html", _detail_context(request, window, **extra)
    )


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, _window(request, pk))


@login_required
@require_GET
def log(request: AuthedRequest, pk: int) -> HttpResponse:
    """When the counsellor opened what, newest first, a page at a time."""
    window = _window(request, pk)
    page = Paginator(Access.objects.filter(window=window), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "counsel/log.html",
        {"window": window, "page": page, "rows": _labelled(page.object_list)},
    )


def _labelled(rows) -> list[Access]:
    """Access rows, each with its area's name as the person reads it."""
    rows = list(rows)
    for row in rows:
        area = AREAS.get(row.area)
        row.label = area.label if area else row.area
    return rows


def _step(
    request,
    pk: int,
    action: Callable[..., object],
    done,
    form_class=None,
    form_name: str = "",
) -> HttpResponse:
    """Take one step on the window `pk`, with a form's data when it has one."""
    window = _window(request, pk)
    form = form_class(request.POST) if form_class else None

    def act():
        data = form.cleaned_data if form is not None else {}
        return action(window=window, by=request.user, **data)

    def page(**extra):
        if form is not None:
            extra[form_name] = form
        return _page(request, window, **extra)

    return take_step(request, window, act, page=page, form=form, done=str(done))


accept = post_view(
    _step,
    services.window_accept,
    gettext_lazy("The window is open. Your counsellor has been sent their invitation."),
    AcceptForm,
    "accept_form",
)
decline = post_view(
    _step, services.window_decline, gettext_lazy("You declined the window.")
)
withdraw = post_view(
    _step, services.window_withdraw, gettext_lazy("You withdrew the proposal.")
)
renewal_propose = post_view(
    _step,
    services.window_renewal_propose,
    gettext_lazy("Your partner will be asked about the later end."),
    RenewalForm,
    "renewal_form",
)
renewal_accept = post_view(
    _step, services.window_renewal_accept, gettext_lazy("The window stays open longer.")
)
renewal_decline = post_view(
    _step,
    services.window_renewal_decline,
    gettext_lazy("The end date stays as it was."),
)


@login_required
@require_http_methods(["GET", "POST"])
def close(request: AuthedRequest, pk: int) -> HttpResponse:
    """Close the window alone, at once: a confirmation first. Your partner
    is not told; they see it closed on their next visit."""
    window = _window(request, pk)
    if request.method == "GET":
        return render(
            request,
            "counsel/close.html",
            {"window": window, "allowed": STEPS.allowed(window, request.user)},
        )
    return take_step(
        request,
        window,
        lambda: services.window_close(window=window, by=request.user),
        page=lambda **extra: _page(request, window, **extra),
        done=_("The window is closed. Your counsellor can no longer see anything."),
    )
