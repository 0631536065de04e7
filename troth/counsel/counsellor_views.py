"""The counsellor's side: the invitation link, their clients, a window's
home and its areas, read-only, and their notes and suggestions.

A counsellor's account is an ordinary one: being a counsellor is holding
windows. Every page here is a 404 unless the signed-in person is that
window's counsellor and the window is open now (its end date not passed
for the couple, the space open), checked on every request. They are not a
member of the space: every partner page is a 404 (or sends them home) as
for anyone else.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.once import submitted_once
from troth.counsel import services
from troth.counsel.areas import AREAS
from troth.counsel.forms import NoteForm, SuggestionForm
from troth.counsel.models import Window
from troth.counsel.notes import notes_context
from troth.lib.http import AuthedRequest
from troth.spaces.models import Membership
from troth.spaces.steps import Refused


def _counselled(request, pk: int) -> Window:
    """The window `pk` if the person holds it and may read it now."""
    window = (
        Window.objects.counselled_by(request.user)
        .select_related("space")
        .filter(pk=pk)
        .first()
    )
    if window is None or not window.is_readable():
        raise Http404
    return window


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the counsellor's email: signed out, sign up or sign in
    first; then the window attaches to this account, once."""
    window = services.window_for_token(token)
    if window is None:
        return _no_longer(request, status=404)
    if window.counsellor_id is not None or not window.is_readable():
        if window.counsellor_id == getattr(request.user, "pk", None):
            return redirect("counsel:home", pk=window.pk)
        return _no_longer(request)
    if not request.user.is_authenticated:
        return render(request, "counsel/join.html", {"next": request.path})
    if request.method == "POST":
        try:
            services.window_join(token=token, user=request.user)
        except Refused as refusal:
            if refusal.code == "partner":
                return render(
                    request,
                    "counsel/join.html",
                    {"refusal": refusal.messages[0]},
                    status=409,
                )
            return _no_longer(request)
        messages.success(
            request, _("You can now read what the couple shared with you.")
        )
        return redirect("counsel:home", pk=window.pk)
    return render(request, "counsel/join.html", {})


def _no_longer(request, status: int = 410) -> HttpResponse:
    return render(request, "counsel/join_gone.html", {}, status=status)


@login_required
@require_GET
def clients(request: AuthedRequest) -> HttpResponse:
    """The windows this person holds as counsellor, open now."""
    found = list(
        Window.objects.counselled_by(request.user)
        .select_related("space")
        .prefetch_related(
            # Each couple's partners, for their names and their day
            # (`is_readable`), in one query for all the windows.
            Prefetch(
                "space__memberships",
                queryset=Membership.objects.active()
                .select_related("user")
                .order_by("joined_at"),
                to_attr="active_list",
            )
        )
        .order_by("ends_on", "pk")
    )
    for window in found:
        window.space.__dict__["active_memberships"] = window.space.active_list  # type: ignore[attr-defined]
    windows = [window for window in found if window.is_readable()]
    return render(request, "counsel/clients.html", {"windows": windows})


def _home_context(request, window: Window, **extra) -> dict:
    return {
        "window": window,
        "partners": window.space.partners,
        "areas": [AREAS[key] for key in window.areas if key in AREAS],
        **notes_context(request, window),
        "note_form": extra.pop("note_form", None) or NoteForm(),
        "suggestion_form": extra.pop("suggestion_form", None) or SuggestionForm(),
        **extra,
    }


@login_required
@require_GET
def home(request: AuthedRequest, pk: int) -> HttpResponse:
    window = _counselled(request, pk)
    return render(request, "counsel/home.html", _home_context(request, window))


@login_required
@require_GET
def area(request: AuthedRequest, pk: int, area: str) -> HttpResponse:
    """One area of the window, read-only; the first look each day goes to
    the access log both partners see."""
    window = _counselled(request, pk)
    if area not in window.areas or area not in AREAS:
        raise Http404
    today = window.couple_today()
    shown = AREAS[area]
    context = shown.read(
        window.space,
        start=window.read_from(today),
        end=today,
        pulse_from=frozenset(window.pulse_from),
    )
    services.access_record(window=window, area=area, day=today)
    return render(
        request,
        "counsel/area.html",
        {"window": window, "area": shown, "area_context": context, **context},
    )


def _write(request, pk: int, form_class, form_name: str, save, done: str):
    window = _counselled(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            save(window, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, ValidationError(error.messages))
        else:
            messages.success(request, done)
            return redirect("counsel:home", pk=window.pk)
    return render(
        request,
        "counsel/home.html",
        _home_context(request, window, **{form_name: form}),
        status=400,
    )


@login_required
@require_POST
@submitted_once
def note(request: AuthedRequest, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        NoteForm,
        "note_form",
        lambda w, data: services.note_add(window=w, by=request.user, **data),
        _("Your note is with both partners."),
    )


@login_required
@require_POST
@submitted_once
def suggest(request: AuthedRequest, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        SuggestionForm,
        "suggestion_form",
        lambda w, data: services.suggestion_add(window=w, by=request.user, **data),
        _("Your suggestion is with both partners."),
    )
