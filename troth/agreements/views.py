from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from troth.agreements import services
from troth.agreements.forms import (
    ClauseTextForm,
    ProposeForm,
    RenewalForm,
    ReviewForm,
)
from troth.agreements.models import (
    Agreement,
    AgreementEvent,
    Clause,
    ClauseVersion,
    EventKind,
    Status,
    Topic,
    VersionState,
)
from troth.agreements.starters import NOT_SURVEILLANCE, STARTERS, starter_by_key
from troth.agreements.steps import STEPS
from troth.lib.access import get_visible_or_404
from troth.lib.http import AuthedRequest
from troth.spaces.membership import space_form_page, space_page
from troth.spaces.models import Membership
from troth.spaces.postviews import post_view
from troth.spaces.stepviews import take_step

# What the agreement's page reads, its steps' checks included: the clauses
# and their versions, and who withdrew consent.
PAGE_ROWS = (
    "clauses",
    Prefetch(
        "clause_versions", ClauseVersion.objects.select_related("author", "decided_by")
    ),
    "withdrawals",
)

# The index's groups: what is in effect first. Those still in force are all
# on the first page; the ended ones, newest first, a page at a time.
INDEX_ORDER = (Status.ACTIVE, Status.PROPOSED, Status.PAUSED, Status.ENDED)
CURRENT = INDEX_ORDER[:-1]
PAGE_SIZE = 20


def _with_counts(agreements, me):
    """What the list shows of each agreement: its clauses, and how many of
    them wait for `me`."""
    return (
        agreements.select_related("author")
        .annotate(
            n_clauses=Count(
                "clauses", filter=Q(clauses__removed_at__isnull=True), distinct=True
            ),
            n_waiting=Count(
                "clause_versions",
                filter=Q(clause_versions__state=VersionState.PENDING)
                & ~Q(clause_versions__author=me),
                distinct=True,
            ),
        )
        .order_by("-created", "-id")
    )


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Every agreement of the space: what is in force first, then what ended,
    a page at a time, so the page weighs the same after years of them."""
    me = request.user
    agreements = Agreement.objects.visible_to(me).filter(space=membership.space)
    ended = agreements.filter(status=Status.ENDED)
    paginator = Paginator(_with_counts(ended, me), PAGE_SIZE)
    # Counted without the clause joins the page's rows need.
    paginator.count = ended.count()
    page = paginator.get_page(request.GET.get("page"))
    current = (
        list(_with_counts(agreements.filter(status__in=CURRENT), me))
        if page.number == 1
        else []
    )
    groups = [
        (status.label, status, [a for a in current if a.status == status])
        for status in CURRENT
    ]
    groups.append((Status.ENDED.label, Status.ENDED, list(page.object_list)))
    return render(
        request,
        "agreements/index.html",
        {
            "groups": [g for g in groups if g[2]],
            "has_any": bool(current) or paginator.count > 0,
            "page": page,
            "starters": STARTERS,
            "not_surveillance": NOT_SURVEILLANCE,
        },
    )


@space_form_page
def new(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Choose a starter, then write the proposal (starters only fill the form)."""
    space = membership.space
    if request.method == "POST":
        form = ProposeForm(request.POST)
        if form.is_valid():
            try:
                agreement = services.agreement_propose(
                    space=space,
                    by=request.user,
                    title=form.cleaned_data["title"],
                    clauses=form.cleaned_data["clauses"],
                    topic=form.cleaned_data["topic"],
                    review_days=form.cleaned_data["review_days"],
                    ends_on=form.cleaned_data["ends_on"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _(
                        "Your proposal is with %(name)s. They can accept each clause or answer it."
                    )
                    % {"name": space.partner_of(request.user)},
                )
                return redirect(agreement)
        return render(
            request,
            "agreements/new.html",
            _form_context(form, request.POST.get("starter", "")),
            status=400,
        )
    starter = starter_by_key(request.GET.get("starter", ""))
    source = request.GET.get("from")
    if source:
        old = get_visible_or_404(Agreement, request.user, pk=source)
        texts = [
            version.text or ""
            for s in services.clause_states(old)
            if (version := s.agreed or s.latest) is not None
        ]
        form = ProposeForm(
            initial={"title": old.title, "topic": old.topic}, clauses=texts
        )
        return render(request, "agreements/new.html", _form_context(form, ""))
    if starter is None and request.GET.get("starter") != "blank":
        return render(
            request,
            "agreements/choose.html",
            {"starters": STARTERS, "not_surveillance": NOT_SURVEILLANCE},
        )
    if starter is None:
        form = ProposeForm(initial={"topic": Topic.OTHER}, clauses=["", ""])
        return render(request, "agreements/new.html", _form_context(form, "blank"))
    form = ProposeForm(
        initial={"title": starter.title, "topic": starter.topic},
        clauses=[str(c) for c in starter.clauses],
    )
    return render(request, "agreements/new.html", _form_context(form, starter.key))


def _form_context(form: ProposeForm, key: str) -> dict:
    return {
        "form": form,
        "starter": starter_by_key(key),
        "starter_key": key,
        "not_surveillance": NOT_SURVEILLANCE,
    }


def _detail_context(request, agreement: Agreement, **extra) -> dict:
    me = request.user
    states = services.clause_states(agreement)
    rows = [
        {
            "state": state,
            "clause": state.clause,
            "agreed": state.agreed,
            "pending": state.pending,
            "mine": state.is_mine(me),
            "earlier": _earlier_wording(state),
        }
        for state in states
    ]
    partner = agreement.space.partner_of(me)
    context = {
        "agreement": agreement,
        "rows": rows,
        "partner": partner,
        "waiting_for_me": sum(1 for s in states if s.waits_for(me)),
        "waiting_for_partner": sum(1 for s in states if s.is_mine(me)),
        "i_withdrew": agreement.has_withdrawn(me),
        "partner_withdrew": bool(partner and agreement.has_withdrawn(partner)),
        "allowed": STEPS.allowed(agreement, me),
        "review_form": ReviewForm(),
        "renewal_form": RenewalForm(),
        "add_form": _clause_form(prefix="add"),
        "not_surveillance": NOT_SURVEILLANCE,
    }
    context.update(extra)
    return context


def _earlier_wording(state) -> ClauseVersion | None:
    """While a first proposal is being negotiated: the wording the pending
    one answered, so the person answering sees both."""
    if state.agreed is not None or len(state.versions) < 2:
        return None
    previous = state.versions[-2]
    return previous if previous.state == VersionState.SUPERSEDED else None


def _agreement(request, pk: int) -> Agreement:
    return get_visible_or_404(
        Agreement.objects.select_related("space", "author", "renewal_by"),
        request.user,
        pk=pk,
    )


def _clause(agreement: Agreement, clause_pk: int) -> Clause:
    return get_object_or_404(Clause, agreement=agreement, pk=clause_pk)


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, _agreement(request, pk))


@login_required
@require_GET
def history(request: AuthedRequest, pk: int) -> HttpResponse:
    """Every step, oldest first, with the wording before and after."""
    agreement = _agreement(request, pk)
    versions = list(
        ClauseVersion.objects.filter(agreement=agreement).order_by(
            "clause_id", "number"
        )
    )
    # Looked up by events' clause_id, which is None for agreement-wide steps.
    by_clause: dict[int | None, list[ClauseVersion]] = {}
    for each in versions:
        by_clause.setdefault(each.clause_id, []).append(each)
    positions: dict[int | None, int] = dict(
        Clause.objects.filter(agreement=agreement).values_list("pk", "position")
    )
    entries = []
    for event in (
        AgreementEvent.objects.filter(agreement=agreement)
        .select_related("actor")
        .order_by("created", "id")
    ):
        version = None
        before = None
        if event.version_id:
            chain = by_clause.get(event.clause_id, [])
            for i, candidate in enumerate(chain):
                if candidate.pk == event.version_id:
                    version = candidate
                    before = _wording_before(chain[:i])
                    break
        initial = []
        if event.kind == EventKind.PROPOSED:
            initial = sorted(
                (
                    chain[0]
                    for chain in by_clause.values()
                    if chain and chain[0].created <= event.created
                ),
                key=lambda v: positions.get(v.clause_id, 0),
            )
        entries.append(
            {
                "event": event,
                "version": version,
                "before": before,
                "initial": initial,
                "position": positions.get(event.clause_id),
            }
        )
    return render(
        request,
        "agreements/history.html",
        {"agreement": agreement, "entries": entries},
    )


def _wording_before(earlier: list[ClauseVersion]) -> ClauseVersion | None:
    """The wording in force (or last proposed) before a version."""
    for version in reversed(earlier):
        if version.state == VersionState.ACCEPTED and not version.removal:
            return version
    return earlier[-1] if earlier else None


def _page(request, agreement: Agreement, **extra) -> HttpResponse:
    """The agreement's page; `extra` for the context (a form with its
    errors, a refusal)."""
    prefetch_related_objects([agreement], *PAGE_ROWS)
    return render(
        request, "agreements/detail.html", _detail_context(request, agreement, **extra)
    )


def _step(
    request,
    agreement: Agreement,
    action: Callable[[], object],
    done: str,
    *,
    then: str | None = None,
    form=None,
    **extra,
) -> HttpResponse:
    """POST one step of `agreement` (which `action` takes through its
    service) and answer with the page, as everywhere (`take_step`)."""
    return take_step(
        request,
        agreement,
        action,
        page=partial(_page, request, agreement, **extra),
        done=done,
        then=then,
        form=form,
    )


def _agreement_step(request, pk: int, service, done: str) -> HttpResponse:
    """POST the step of the agreement `pk` that `service` takes, with
    nothing more than who takes it."""
    agreement = _agreement(request, pk)
    return _step(
        request, agreement, lambda: service(agreement=agreement, by=request.user), done
    )


def _form_step(request, pk: int, make_form, service, done, *, name: str):
    """POST a form of the agreement `pk`'s page (`name` in its context): the
    step `service` takes with the form's answers."""
    agreement = _agreement(request, pk)
    form = make_form(request.POST)
    return _step(
        request,
        agreement,
        lambda: service(agreement=agreement, by=request.user, **form.cleaned_data),
        done,
        form=form,
        **{name: form},
    )


def _clause_view(service, done) -> Callable[..., HttpResponse]:
    """A signed-in POST view for clause `clause_pk` of the agreement `pk`:
    the step `service` takes with nothing more than who takes it (as
    `post_view` declares one for a single object). `done`: the words, lazily
    translated."""

    @login_required
    @require_POST
    def view(request: AuthedRequest, pk: int, clause_pk: int) -> HttpResponse:
        agreement = _agreement(request, pk)
        clause = _clause(agreement, clause_pk)
        return _step(
            request,
            agreement,
            lambda: service(agreement=agreement, clause=clause, by=request.user),
            done,
        )

    return view


def _clause_form(data=None, *, prefix: str, missing: str = "") -> ClauseTextForm:
    return ClauseTextForm(data, prefix=prefix, missing=missing)


@login_required
@require_POST
def clause_accept(request: AuthedRequest, pk: int, clause_pk: int) -> HttpResponse:
    agreement = _agreement(request, pk)
    clause = _clause(agreement, clause_pk)
    outcome: list = []
    response = _step(
        request,
        agreement,
        lambda: outcome.append(
            services.clause_accept(agreement=agreement, clause=clause, by=request.user)
        ),
        _("You accepted this clause."),
    )
    if outcome and outcome[0] == EventKind.ACTIVATED:
        messages.success(
            request, _("Every clause is accepted: the agreement is active.")
        )
    return response


accept_all = post_view(
    _agreement_step,
    services.agreement_accept_all,
    gettext_lazy("You accepted every clause waiting for you."),
)


@login_required
@require_POST
def clause_change(request: AuthedRequest, pk: int, clause_pk: int) -> HttpResponse:
    agreement = _agreement(request, pk)
    clause = _clause(agreement, clause_pk)
    form = _clause_form(
        request.POST,
        prefix=f"c{clause.pk}",
        missing=_("Write the wording you propose, in up to %(n)s characters.")
        % {"n": services.CLAUSE_MAX},
    )
    return _step(
        request,
        agreement,
        lambda: services.clause_propose_change(
            agreement=agreement,
            clause=clause,
            by=request.user,
            text=form.cleaned_data["text"],
        ),
        _("Your wording is proposed. The agreed wording stays until it is accepted.")
        if agreement.version
        else _("Your wording is proposed."),
        then=agreement.get_absolute_url() + f"#clause-{clause.pk}",
        form=form,
        change_form=form,
        open_clause=clause.pk,
    )


clause_decline = _clause_view(
    services.clause_decline,
    gettext_lazy("You said no to this proposal."),
)


clause_withdraw = _clause_view(
    services.clause_withdraw,
    gettext_lazy("You withdrew your proposal."),
)


clause_remove = _clause_view(
    services.clause_propose_removal,
    gettext_lazy(
        "You proposed removing this clause. It stays until your partner agrees."
    ),
)


def _add_form(data) -> ClauseTextForm:
    return _clause_form(
        data,
        prefix="add",
        missing=_("Write the clause you propose, in up to %(n)s characters.")
        % {"n": services.CLAUSE_MAX},
    )


clause_add = post_view(
    _form_step,
    _add_form,
    services.clause_add,
    gettext_lazy("Your new clause is proposed."),
    name="add_form",
    once=True,
)


consent_withdraw = post_view(
    _agreement_step,
    services.agreement_withdraw_consent,
    gettext_lazy(
        "You withdrew your consent. The agreement is paused, and your partner has been told."
    ),
)


consent_give = post_view(
    _agreement_step,
    services.agreement_give_consent,
    gettext_lazy("You gave your consent again."),
)


set_aside = post_view(
    _agreement_step,
    services.agreement_set_aside,
    gettext_lazy("The proposal is set aside. It stays in your history."),
)


end = post_view(
    _agreement_step,
    services.agreement_end,
    gettext_lazy("The agreement has ended. It stays in your history."),
)


review = post_view(
    _form_step,
    ReviewForm,
    services.agreement_review,
    gettext_lazy("Marked as reviewed. The next review date is set."),
    name="review_form",
)


renewal_propose = post_view(
    _form_step,
    RenewalForm,
    services.agreement_renewal_propose,
    gettext_lazy("Your renewal is proposed."),
    name="renewal_form",
)


renewal_accept = post_view(
    _agreement_step,
    services.agreement_renewal_accept,
    gettext_lazy("Renewed. The new end date is set."),
)


renewal_decline = post_view(
    _agreement_step,
    services.agreement_renewal_decline,
    gettext_lazy("You declined the renewal. The end date stays as it was."),
)


renewal_withdraw = post_view(
    _agreement_step,
    services.agreement_renewal_withdraw,
    gettext_lazy("You withdrew the renewal."),
)
