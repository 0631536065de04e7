from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

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
from troth.promises.models import SETTLED, Promise, State
from troth.promises.stats import WINDOWS, trailing_figures_by_person
from troth.promises.steps import STEPS, other_party
from troth.schedule.stats import ritual_follow_through_by_period
from troth.spaces.membership import space_form_page, space_page
from troth.spaces.models import Membership, current_membership
from troth.spaces.postviews import post_view
from troth.spaces.steps import Text, refusal_text
from troth.spaces.stepviews import form_step, take_step

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
    # The badge's count is the "Needs me" list's count: read once, for both.
    needing = Paginator(base.needing(user), PAGE_SIZE)
    needs_count = needing.count
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
    paginator = (
        needing if show == "needs" and not state else Paginator(promises, PAGE_SIZE)
    )
    page = paginator.get_page(request.GET.get("page"))
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


@space_form_page
def new(request: AuthedRequest, membership: Membership) -> HttpResponse:
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


def _get(request, pk: int) -> Promise:
    return get_visible_or_404(Promise.objects.for_page(), request.user, pk=pk)


def _page(request, promise: Promise, **extra) -> HttpResponse:
    """The promise's page; `extra` is a form with its errors, or a refusal."""
    user = request.user
    now = timezone.now()
    agreement = (
        Agreement.objects.visible_to(user).filter(clauses=promise.clause_id).first()
        if promise.clause_id
        else None
    )
    context = {
        "promise": promise,
        "agreement": agreement,
        "events": promise.events.all(),
        "is_promiser": promise.author_id == user.pk,
        "is_promisee": promise.promisee_id == user.pk,
        "allowed": STEPS.allowed(promise, user, now),
        "confirm_form": ConfirmForm(),
        "note_form": NoteForm(),
        "decline_form": DeclineForm(),
        "cancel_form": CancelForm(),
        "now": now,
    }
    return render(request, "promises/detail.html", {**context, **extra})


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, _get(request, pk))


def _step(request, pk: int, service, form_class=None) -> HttpResponse:
    """POST one step of the promise `pk`, which `service` takes with the
    fields of a `form_class` form, if any; the person is told what `SAID`
    holds for `service`."""
    promise = _get(request, pk)
    form: Any = form_class(request.POST) if form_class else None
    name, fields = FORMS[form_class] if form_class else ("", None)
    extra = {name: form} if form else {}
    said = SAID[service]
    return take_step(
        request,
        promise,
        lambda: service(
            promise=promise,
            by=request.user,
            **(fields(form.cleaned_data) if fields is not None else {}),
        ),
        page=partial(_page, request, promise, **extra),
        done=lambda: str(said(promise, request.user) if callable(said) else said),
        form=form,
    )


# Each step form: its name in the page's context, and the service's fields.
FORMS = {
    ConfirmForm: (
        "confirm_form",
        lambda d: {"kept": d["outcome"] == "kept", "note": d["note"]},
    ),
    NoteForm: ("note_form", lambda d: {"note": d["note"]}),
    DeclineForm: ("decline_form", lambda d: {"note": d["note"]}),
    CancelForm: (
        "cancel_form",
        lambda d: {"whole_series": d.get("whole_series", False)},
    ),
}


def _confirmed(promise: Promise, by) -> str:
    if promise.state == State.KEPT:
        message = _("Thank you. %(name)s will see that it was kept.")
    else:
        message = _("Thank you for saying so. %(name)s will see your note.")
    return message % {"name": promise.author}


# What the person is told once the step `service` is taken: words, or a
# function of the promise and the person giving them.
SAID: dict[Callable, Text | Callable[[Promise, Any], str]] = {
    services.promise_mark_done: lambda p, by: (
        _("Marked as done. %(name)s will be asked to confirm.") % {"name": p.promisee}
    ),
    services.promise_confirm: _confirmed,
    services.promise_respond: gettext_lazy("Your response is shared."),
    services.promise_proposal_accept: gettext_lazy(
        "You accepted the new terms. The promise now runs on them."
    ),
    services.promise_proposal_decline: gettext_lazy(
        "You declined. The promise stands as it was."
    ),
    services.promise_proposal_withdraw: gettext_lazy(
        "You withdrew your proposal. The promise stands as it was."
    ),
    services.promise_cancel_request: lambda p, by: (
        _("You asked to cancel. It is cancelled only if %(name)s agrees.")
        % {"name": other_party(p, by)}
    ),
    services.promise_cancel_agree: gettext_lazy(
        "You agreed: the promise is cancelled and won't be counted."
    ),
    services.promise_cancel_decline: gettext_lazy("The promise stays as it is."),
    services.promise_cancel_withdraw: gettext_lazy(
        "You withdrew your request to cancel."
    ),
}

# The promiser marks it done; the promisee confirms; the promiser responds
# once to a "not quite".
mark_done = post_view(_step, services.promise_mark_done)
confirm = post_view(_step, services.promise_confirm, ConfirmForm)
respond = post_view(_step, services.promise_respond, NoteForm, once=True)
# The promisee answers the terms the promiser proposed, or the promiser
# withdraws them.
proposal_accept = post_view(_step, services.promise_proposal_accept)
proposal_decline = post_view(_step, services.promise_proposal_decline, DeclineForm)
proposal_withdraw = post_view(_step, services.promise_proposal_withdraw)
# Either asks to cancel; the other agrees or prefers to keep it; the asker
# may take it back.
cancel_request = post_view(_step, services.promise_cancel_request, CancelForm)
cancel_agree = post_view(_step, services.promise_cancel_agree)
cancel_decline = post_view(_step, services.promise_cancel_decline)
cancel_withdraw = post_view(_step, services.promise_cancel_withdraw)


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: AuthedRequest, pk: int) -> HttpResponse:
    promise = _get(request, pk)
    if request.method == "GET":
        refusal = STEPS.refusal("propose", promise, request.user)
        if refusal is not None and refusal.code == "wrong_person":
            # Only the promiser proposes: say so rather than show a form.
            return render(
                request,
                "promises/propose.html",
                {"promise": promise, "refusal": refusal_text(refusal)},
                status=409,
            )
    initial = {
        "text": promise.text,
        "due_date": promise.due_date,
        "due_time": promise.due_time,
    }
    form = ProposeForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    return form_step(
        request,
        promise,
        form,
        "promises/propose.html",
        lambda: services.promise_propose(
            promise=promise, by=request.user, **form.cleaned_data
        ),
        context={"promise": promise},
        done=_(
            "Your proposal is with %(name)s. Until they accept, the promise "
            "stands as it was."
        )
        % {"name": promise.promisee},
    )


@space_page
def figures(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Per partner, the trailing 30 and 90 days."""
    space = membership.space
    now = timezone.now()
    partners = space.partners
    # Both partners and both windows in one query; both windows of the
    # rituals in one read (three queries, each window counted as if alone).
    by_person = trailing_figures_by_person(space, partners, WINDOWS, now)
    rows = [
        {
            "person": person,
            "windows": [
                {"days": days, "figures": by_person[person.pk][days]}
                for days in WINDOWS
            ],
        }
        for person in partners
    ]
    # Rituals are the couple's own promise of time together: their
    # follow-through belongs beside the promises (computed by the calendar).
    ritual_figures = dict(
        zip(
            WINDOWS,
            ritual_follow_through_by_period(
                space, [(now - timedelta(days=days), now) for days in WINDOWS], now=now
            ),
            strict=True,
        )
    )
    rituals = [{"days": d, "figures": f} for d, f in ritual_figures.items()]
    # A new couple sees what will appear and when, the zeros folded away.
    nothing_yet = all(
        window["figures"].due == 0 for row in rows for window in row["windows"]
    ) and all(figures.occurrences == 0 for figures in ritual_figures.values())
    return render(
        request,
        "promises/figures.html",
        {"rows": rows, "rituals": rituals, "nothing_yet": nothing_yet},
    )


# Each figure of the figures page: its place on the "how" page (the table
# links there), its name, and what it counts (docs/figures/promises-figures.md).
FIGURES = [
    (
        "due",
        gettext_lazy("Due"),
        gettext_lazy(
            "Promises whose due time fell in the period, and promises settled in "
            "it ahead of their due time: a promise counts when it was settled or "
            "when it fell due, whichever came first, and only then. So a promise "
            "confirmed as kept today counts today, even if it was due next week. "
            "A promise for a whole day is due at the end of that day, in the time "
            "zone of the person who made it. Promises neither settled nor due yet "
            "are left out. Cancelled promises (both of you agreed) are not counted "
            "at all. Each time of a repeating promise counts on its own. The lists "
            "of promises follow the same rule: what settled in the last 30 days "
            "stays in them."
        ),
    ),
    (
        "kept",
        gettext_lazy("Kept"),
        gettext_lazy("Due promises the other person confirmed as kept."),
    ),
    (
        "not-quite",
        gettext_lazy("Not quite"),
        gettext_lazy(
            "Due promises marked done that the other person said were not quite kept."
        ),
    ),
    (
        "missed",
        gettext_lazy("Missed"),
        gettext_lazy("Due promises whose due time passed without being marked done."),
    ),
    (
        "renegotiated",
        gettext_lazy("Renegotiated"),
        gettext_lazy(
            "Due promises whose terms were changed because both of you agreed "
            "before the due time. A renegotiated promise is counted once, at its "
            "new due time, with whatever happened then: it is never counted as "
            "missed for its old time. So this figure is part of “due”, not an "
            "outcome of its own."
        ),
    ),
    (
        "kept-share",
        gettext_lazy("Kept share"),
        gettext_lazy(
            "Kept, divided by kept plus not quite plus missed, shown as a whole "
            "percentage with the two counts beside it. Promises still waiting for "
            "confirmation are left out until they are confirmed. When nothing in "
            "the period has been settled, no share is shown: “nothing settled”, "
            "never 0% or 100%."
        ),
    ),
]


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    """How the figures are computed, in plain words (docs/figures/promises-figures.md)."""
    return render(request, "promises/how.html", {"figures": FIGURES})
