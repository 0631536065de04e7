from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from allauth.account.models import EmailAddress
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.services import sessions_of
from troth.accounts.sessions import same_session
from troth.lib.formpages import form_page
from troth.lib.http import AuthedRequest
from troth.lib.redirects import next_url
from troth.safety import services
from troth.safety.forms import ResetForm, StopForm
from troth.spaces.models import current_membership


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    return _index_with_status(request, 200)


@login_required
@require_GET
def shared(request: AuthedRequest, app: str) -> HttpResponse:
    """All one feature shares, a page at a time, each with its stop button."""
    found = services.sharing_page(
        user=request.user,
        app=app,
        number=request.GET.get("page"),
        space=_space(request),
    )
    if found is None:
        raise Http404
    page, groups = found
    return render(
        request,
        "safety/shared.html",
        {"app": app, "page": page, "groups": groups},
    )


@login_required
@require_POST
def stop(request: AuthedRequest) -> HttpResponse:
    form = StopForm(request.POST)
    if form.is_valid():
        try:
            services.sharing_stop(
                user=request.user,
                app=form.cleaned_data["app"],
                key=form.cleaned_data["key"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _index_with_status(request, 409)
        messages.success(request, _("Stopped. It's private to you again."))
        return redirect(next_url(request, "safety:index"))
    messages.error(request, _("That is not shared any more."))
    return _index_with_status(request, 400)


def _space(request: AuthedRequest):
    """The person's current space, read once for the whole request: the
    page's shell needs it anyway, and with it read first every feature's
    `visible_to` takes the space as a value (troth/lib/content.py)."""
    membership = current_membership(request)
    return membership.space if membership else None


def _index_with_status(request: AuthedRequest, status: int) -> HttpResponse:
    groups = services.sharing_list(user=request.user, space=_space(request))
    return render(
        request,
        "safety/index.html",
        {"groups": groups, "count": sum(g.total for g in groups)},
        status=status,
    )


def _say_stopped(request: HttpRequest, outcome: services.ResetOutcome) -> None:
    if outcome.stopped:
        messages.success(
            request,
            ngettext(
                "Stopped sharing %(n)d thing.",
                "Stopped sharing %(n)d things.",
                outcome.stopped,
            )
            % {"n": outcome.stopped},
        )
    if outcome.failed:
        messages.error(
            request,
            _("These could not be stopped just now; please try again: %(names)s")
            % {"names": ", ".join(str(name) for name in outcome.failed)},
        )


@login_required
@require_POST
def stop_all(request: AuthedRequest) -> HttpResponse:
    outcome = services.sharing_stop_all(user=request.user)
    _say_stopped(request, outcome)
    if not outcome.stopped and not outcome.failed:
        messages.info(request, _("Nothing is shared now."))
    return redirect("safety:index")


@login_required
@require_http_methods(["GET", "POST"])
# The password (or a passkey or second factor) first: holding a signed-in
# session must not be enough to sign the owner out everywhere. allauth
# replays this POST once the person has proven who they are.
@reauthentication_required(allow_get=True)
def reset(request: AuthedRequest) -> HttpResponse:
    form = ResetForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        outcome = services.emergency_reset(request=request)
        _say_stopped(request, outcome)
        response = redirect("safety:reset_next")
        # This browser forgets what it holds of Troth: the service worker's
        # cache, the worker and its push subscription. Its cookies stay:
        # the person is still signed in here, for the checks that follow.
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response
    return form_page(request, "safety/reset.html", form)


@login_required
@require_GET
def reset_next(request: AuthedRequest) -> HttpResponse:
    """After the reset: the checks only the person can do."""

    user = request.user
    others = [
        s
        for s in sessions_of(user)
        if not same_session(s.session_key, request.session.session_key)
    ]
    return render(
        request,
        "safety/reset_next.html",
        {
            "mfa_enabled": is_mfa_enabled(user),
            "emails": EmailAddress.objects.filter(user=user).order_by(
                "-primary", "email"
            ),
            "other_sessions": len(others),
            "still_shared": sum(
                g.total for g in services.sharing_list(user=user, space=_space(request))
            ),
        },
    )
