from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.once import submitted_once
from troth.agreements.models import Agreement, Clause
from troth.agreements.services import agreed_clause_choices
from troth.lib.access import get_visible_or_404
from troth.lib.http import AuthedRequest
from troth.promises import services
from troth.promises.forms import (
    CancelForm,
    ConfirmForm,
    DeclineForm,
    ListFilterForm,
    NoteForm,
    PromiseForm,
    ProposeForm,
)
from troth.promises.models import SETTLED, EventKind, Promise, State
from troth.promises.stats import WINDOWS, trailing_figures
from troth.schedule.stats import ritual_follow_through
from troth.spaces.models import current_membership

PAGE_SIZE = 20


def _promises(user):
    return Promise.objects.visible_to(user).select_related(
        "author", "promisee", "series"
    )


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    """The lists: what needs me, what I promised, what was promised to me,
    and the history; each can be narrowed to one state."""
    user = request.user
    membership = current_membership(request)
    filters = ListFilterForm(request.GET)
    show, state = "", ""
    if filters.is_valid():
        show = filters.cleaned_data["show"]
        state = filters.cleaned_data["state"]
    base = _promises(user)
    if membership is not None:
        base = base.filter(space=membership.space)
    needs_count = base.needing(user).count()
    if not show:
        show = "needs" if needs_count else "mine"
    if show == "needs":
        promises = base.needing(user)
    elif show == "mine":
        promises = base.made_by(user)
    elif show == "to-me":
        promises = base.made_to(user)
    else:
        promises = base.filter(state__in=SETTLED)
    now = timezone.now()
    if state:
        promises = promises.filter(state=state)
    elif show in ("mine", "to-me"):
        # "Any state": what is still open, and what settled lately, by the
        # rule the figures count with (a promise just confirmed stays here).
        promises = promises.current(now)
    if show == "history" or state in SETTLED:
        promises = promises.order_by("-due_at", "-id")
    page = Paginator(promises, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "promises/index.html",
        {
            "page": page,
            "show": show,
            "state": state,
            "filters": filters,
            "needs_count": needs_count,
            "now": now,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def new(request: AuthedRequest) -> HttpResponse:
    membership = current_membership(request)
    if membership is None:
        return redirect("home")
    space = membership.space
    partner = space.partner_of(request.user) if space.is_open else None
    form = PromiseForm(
        request.POST if request.method == "POST" else None,
        clauses=agreed_clause_choices(space=space, user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        clause = (
            Clause.objects.filter(pk=data["clause"]).first()
            if data.get("clause")
            else None
        )
        try:
            promise = services.promise_create(
                space=space,
                by=request.user,
                text=data["text"],
                due_date=data["due_date"],
                due_time=data["due_time"],
                repeat=data["repeat"],
                weekdays=data["weekdays"],
                until=data["until"],
                clause=clause,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your promise is made. %(name)s has been told.") % {"name": partner},
            )
            return redirect(promise)
    return render(
        request,
        "promises/new.html",
        {"form": form, "partner": partner},
        status=400 if form.is_bound else 200,
    )


def _detail_context(request, promise: Promise, **extra) -> dict:
    user = request.user
    events = promise.events.select_related("actor").all()
    responded = any(e.kind == EventKind.RESPONDED for e in events)
    now = timezone.now()
    is_promiser = promise.author_id == user.pk
    is_promisee = promise.promisee_id == user.pk
    active = promise.space.is_open and not promise.is_past_due(now)
    agreement = (
        Agreement.objects.visible_to(user).filter(clauses=promise.clause_id).first()
        if promise.clause_id
        else None
    )
    context = {
        "promise": promise,
        "agreement": agreement,
        "events": events,
        "is_promiser": is_promiser,
        "is_promisee": is_promisee,
        "can_mark_done": is_promiser and promise.state == State.OPEN and active,
        "can_propose": is_promiser
        and promise.state == State.OPEN
        and active
        and not promise.has_proposal,
        "can_withdraw_proposal": is_promiser
        and promise.state == State.OPEN
        and promise.has_proposal,
        "can_answer_proposal": is_promisee
        and promise.state == State.OPEN
        and promise.has_proposal
        and active,
        "can_confirm": is_promisee
        and promise.state == State.DONE
        and promise.space.is_open,
        "can_respond": is_promiser
        and promise.state == State.NOT_QUITE
        and not responded
        and promise.space.is_open,
        "can_request_cancel": promise.state == State.OPEN
        and promise.space.is_open
        and not promise.has_cancel_request,
        "can_answer_cancel": promise.state == State.OPEN
        and promise.space.is_open
        and promise.has_cancel_request
        and promise.cancel_requested_by_id != user.pk,
        "can_withdraw_cancel": promise.state == State.OPEN
        and promise.cancel_requested_by_id == user.pk,
        "confirm_form": ConfirmForm(),
        "note_form": NoteForm(),
        "decline_form": DeclineForm(),
        "cancel_form": CancelForm(),
        "now": now,
    }
    context.update(extra)
    return context


def _get(request, pk: int) -> Promise:
    return get_visible_or_404(
        Promise.objects.select_related("author", "promisee", "series", "space"),
        request.user,
        pk=pk,
    )


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = _get(request, pk)
    return render(request, "promises/detail.html", _detail_context(request, promise))


def _refused(
    request, promise: Promise, error: ValidationError, **forms
) -> HttpResponse:
    """Re-render the promise with the reason; nothing changed."""
    if hasattr(error, "error_dict"):
        status = 400
        problem = None
    else:
        status = 409 if error.code not in ("required", "too_long", "unchanged") else 400
        problem = " ".join(error.messages)
    promise.refresh_from_db()
    return render(
        request,
        "promises/detail.html",
        _detail_context(request, promise, problem=problem, **forms),
        status=status,
    )


def _done(request, promise: Promise, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(promise)


@login_required
@require_POST
def mark_done(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = _get(request, pk)
    try:
        services.promise_mark_done(promise=promise, by=request.user)
    except ValidationError as error:
        return _refused(request, promise, error)
    return _done(
        request,
        promise,
        _("Marked as done. %(name)s will be asked to confirm.")
        % {"name": promise.promisee},
    )


@login_required
@require_POST
def confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = _get(request, pk)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return _refused(
            request,
            promise,
            ValidationError({"outcome": form.errors.get("outcome", [])}),
            confirm_form=form,
        )
    kept = form.cleaned_data["outcome"] == "kept"
    try:
        services.promise_confirm(
            promise=promise, by=request.user, kept=kept, note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            form.add_error(None, error)
        return _refused(request, promise, error, confirm_form=form)
    if kept:
        message = _("Thank you. %(name)s will see that it was kept.")
    else:
        message = _("Thank you for saying so. %(name)s will see your note.")
    return _done(request, promise, message % {"name": promise.author})


@login_required
@require_POST
@submitted_once
def respond(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = _get(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _refused(request, promise, ValidationError(form.errors), note_form=form)
    try:
        services.promise_respond(
            promise=promise, by=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        return _refused(request, promise, error, note_form=form)
    return _done(request, promise, _("Your response is shared."))


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = _get(request, pk)
    initial = {
        "text": promise.text,
        "due_date": promise.due_date,
        "due_time": promise.due_time,
    }
    form = ProposeForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    status = 200
    problem = None
    if request.method == "GET" and promise.author_id != request.user.pk:
        problem = _("Only %(name)s can propose new terms for their promise.") % {
            "name": promise.author
        }
        status = 409
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.promise_propose(
                    promise=promise,
                    by=request.user,
                    text=data["text"],
                    due_date=data["due_date"],
                    due_time=data["due_time"],
                )
            except ValidationError as error:
                if hasattr(error, "error_dict") or error.code == "unchanged":
                    form.add_error(None, error)
                    status = 400
                else:
                    problem = " ".join(error.messages)
                    status = 409
            else:
                return _done(
                    request,
                    promise,
                    _(
                        "Your proposal is with %(name)s. Until they accept, the promise stands as it was."
                    )
                    % {"name": promise.promisee},
                )
        else:
            status = 400
    return render(
        request,
        "promises/propose.html",
        {"promise": promise, "form": form, "problem": problem},
        status=status,
    )


def _simple(service, message_fn):
    """A POST view for a step that takes no input but the person."""

    @login_required
    @require_POST
    def view(request: AuthedRequest, pk: int) -> HttpResponse:
        promise = _get(request, pk)
        try:
            service(promise=promise, by=request.user)
        except ValidationError as error:
            return _refused(request, promise, error)
        return _done(request, promise, message_fn(promise))

    view.__name__ = service.__name__.replace("promise_", "")
    view.__doc__ = service.__doc__
    return view


proposal_accept = _simple(
    services.promise_proposal_accept,
    lambda p: _("You accepted the new terms. The promise now runs on them."),
)
proposal_withdraw = _simple(
    services.promise_proposal_withdraw,
    lambda p: _("You withdrew your proposal. The promise stands as it was."),
)
cancel_agree = _simple(
    services.promise_cancel_agree,
    lambda p: _("You agreed: the promise is cancelled and won't be counted."),
)
cancel_decline = _simple(
    services.promise_cancel_decline,
    lambda p: _("The promise stays as it is."),
)
cancel_withdraw = _simple(
    services.promise_cancel_withdraw,
    lambda p: _("You withdrew your request to cancel."),
)


@login_required
@require_POST
def proposal_decline(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = _get(request, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _refused(
            request, promise, ValidationError(form.errors), decline_form=form
        )
    try:
        services.promise_proposal_decline(
            promise=promise, by=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        return _refused(request, promise, error, decline_form=form)
    return _done(request, promise, _("You declined. The promise stands as it was."))


@login_required
@require_POST
def cancel_request(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = _get(request, pk)
    form = CancelForm(request.POST)
    form.is_valid()  # a checkbox: nothing can be invalid
    try:
        services.promise_cancel_request(
            promise=promise,
            by=request.user,
            whole_series=form.cleaned_data.get("whole_series", False),
        )
    except ValidationError as error:
        return _refused(request, promise, error)
    return _done(
        request,
        promise,
        _("You asked to cancel. It is cancelled only if %(name)s agrees.")
        % {
            "name": promise.promisee
            if request.user == promise.author
            else promise.author
        },
    )


@login_required
@require_GET
def figures(request: AuthedRequest) -> HttpResponse:
    """Per partner, the trailing 30 and 90 days."""
    membership = current_membership(request)
    if membership is None:
        return redirect("home")
    space = membership.space
    now = timezone.now()
    rows = [
        {
            "person": person,
            "windows": [
                {"days": days, "figures": trailing_figures(space, person, days, now)}
                for days in WINDOWS
            ],
        }
        for person in space.partners
    ]
    # Rituals are the couple's own promise of time together: their
    # follow-through belongs beside the promises (computed by the calendar).
    rituals = [
        {
            "days": days,
            "figures": ritual_follow_through(
                space, now - timedelta(days=days), now, now=now
            ),
        }
        for days in WINDOWS
    ]
    return render(request, "promises/figures.html", {"rows": rows, "rituals": rituals})


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    """How the figures are computed, in plain words (docs/figures/promises-figures.md)."""
    return render(request, "promises/how.html")
