from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.once import submitted_once
from troth.agreements.models import Clause
from troth.agreements.services import agreed_clause_choices
from troth.agreements.starters import starter_by_key
from troth.lib.access import get_visible_or_404
from troth.lib.http import AuthedRequest
from troth.promises.forms import PromiseForm
from troth.promises.models import Promise
from troth.repair import progress, services
from troth.repair.apology import Report, check
from troth.repair.forms import (
    AccountForm,
    AgreementForm,
    AnswerForm,
    ApologyForm,
    CheckinForm,
    MirrorAnswerForm,
    MirrorForm,
    NoteForm,
    OpenForm,
    TherapyForm,
)
from troth.repair.models import (
    PHASE_HELP,
    PHASE_ORDER,
    Account,
    ApologyAnswer,
    ApologyVersion,
    ForgivenessCheckin,
    Mirror,
    Note,
    OpenedAs,
    Phase,
    PlanItem,
    Repair,
    RepairEvent,
    Step,
    TherapySession,
)
from troth.repair.steps import STEPS, other_party
from troth.repair.support import help_lines
from troth.spaces.membership import space_form_page, space_page
from troth.spaces.models import Membership
from troth.spaces.postviews import post_view
from troth.spaces.stepviews import form_step, take_step

# Safety


@login_required
@require_GET
def support(request: AuthedRequest) -> HttpResponse:
    """Support for someone who doesn't feel safe. Opening it records
    nothing and tells the partner nothing."""
    return render(request, "repair/support.html", {"lines": help_lines()})


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    """How the plan's progress, the check-in trend and the checker work."""
    return render(request, "repair/how.html")


# Listing and opening


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    me = request.user
    repairs = list(
        Repair.objects.visible_to(me)
        .filter(space=membership.space)
        .select_related("hurt", "other", "author")
    )
    for repair in repairs:
        repair.mine_to_do = repair.waits_for(me)
    return render(
        request,
        "repair/index.html",
        {
            "open_repairs": [r for r in repairs if r.is_open],
            "closed_repairs": [r for r in repairs if not r.is_open],
            "phases": PHASE_ORDER,
        },
    )


def _touch_choices(space, user):
    """The clauses and promises a breach can point to (decrypted in Python:
    the wording is encrypted)."""
    clauses = agreed_clause_choices(space=space, user=user)
    promises = [
        (p.pk, f"{p.author}: {p.text[:80]}")
        for p in Promise.objects.visible_to(user)
        .filter(space=space)
        .select_related("author")
        .order_by("-due_at")[:40]
    ]
    return clauses, promises


@space_form_page
def new(request: AuthedRequest, membership: Membership) -> HttpResponse:
    space = membership.space
    clauses, promises = _touch_choices(space, request.user)
    initial = {}
    if request.GET.get("as") in OpenedAs.values:
        initial["opened_as"] = request.GET["as"]
    form = OpenForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        clauses=clauses,
        promises=promises,
    )
    opened: list[Repair] = []
    return form_step(
        request,
        None,
        form,
        "repair/new.html",
        lambda: opened.append(
            services.repair_open(
                space=space,
                by=request.user,
                **_open_fields(request, space, form.cleaned_data),
            )
        ),
        context={"has_clauses": bool(clauses), "has_promises": bool(promises)},
        done=lambda: (
            _("The repair is open, and %(name)s can see it.")
            % {"name": space.partner_of(request.user)}
        ),
        then=lambda: opened[0].get_absolute_url(),
    )


def _open_fields(request, space, data: dict) -> dict:
    """The opening form's fields as `repair_open` takes them; the clause
    and promise looked up in this space."""
    clause = (
        Clause.objects.filter(pk=data["clause"], agreement__space=space)
        .select_related("agreement")
        .first()
        if data.get("clause")
        else None
    )
    promise = (
        Promise.objects.visible_to(request.user)
        .filter(pk=data["promise"], space=space)
        .first()
        if data.get("promise")
        else None
    )
    return {
        "opened_as": data["opened_as"],
        "summary": data["summary"],
        "touches": data["touches"],
        "clause": clause,
        "promise": promise,
        "seriousness": data.get("seriousness"),
    }


# One repair


def _repair(request, pk: int) -> Repair:
    return get_visible_or_404(
        Repair.objects.select_related(
            "space", "hurt", "other", "author", "clause__agreement", "promise"
        ),
        request.user,
        pk=pk,
    )


def _exchange(repair: Repair, user) -> dict:
    """Everything written in the heard-first exchange and the apology that
    `user` may read, oldest first."""
    accounts = list(Account.objects.visible_to(user).filter(repair=repair))
    mirrors = list(Mirror.objects.visible_to(user).filter(repair=repair))
    apologies = list(ApologyVersion.objects.visible_to(user).filter(repair=repair))
    answers = list(
        ApologyAnswer.objects.visible_to(user)
        .filter(repair=repair)
        .select_related("apology")
    )
    by_apology: dict[int, list] = {}
    for answer in answers:
        by_apology.setdefault(answer.apology_id, []).append(answer)
    for apology in apologies:
        apology.replies = by_apology.get(apology.pk, [])
    entries = (
        [("account", a) for a in accounts]
        + [("mirror", m) for m in mirrors]
        + [("apology", a) for a in apologies]
    )
    entries.sort(key=lambda e: (e[1].created, e[1].pk))
    return {
        "entries": entries,
        "account": accounts[-1] if accounts else None,
        "mirror": mirrors[-1] if mirrors else None,
        "apologies": apologies,
        "apology": apologies[-1] if apologies else None,
    }


def _path(repair: Repair) -> list[dict]:
    here = PHASE_ORDER.index(repair.phase)
    return [
        {
            "phase": phase,
            "label": Phase(phase).label,
            "help": PHASE_HELP[phase],
            "current": i == here,
            "done": i < here,
        }
        for i, phase in enumerate(PHASE_ORDER)
    ]


def _detail_context(request, repair: Repair, **extra) -> dict:
    me = request.user
    here = PHASE_ORDER.index(repair.phase)
    context = {
        "repair": repair,
        "role": repair.role_of(me),
        "path": _path(repair),
        "phase_help": PHASE_HELP[repair.phase],
        "next_phase": PHASE_ORDER[here + 1] if here + 1 < len(PHASE_ORDER) else None,
        "previous_phase": PHASE_ORDER[here - 1] if here > 0 else None,
        "allowed": STEPS.allowed(repair, me),
        # What the partner may do now: the page says it waits for them.
        "partner_allowed": STEPS.allowed(repair, other_party(repair, me)),
        "account_form": AccountForm(),
        "mirror_form": MirrorForm(),
        "mirror_answer_form": MirrorAnswerForm(),
        "answer_form": AnswerForm(),
        "events": list(
            RepairEvent.objects.filter(repair=repair).select_related("actor")
        ),
        "plan_count": len(progress.plan_items(repair, me)),
        "Step": Step,
    }
    context.update(_exchange(repair, me))
    context.update(extra)
    return context


def _page(request, repair: Repair, **extra) -> HttpResponse:
    return render(
        request, "repair/detail.html", _detail_context(request, repair, **extra)
    )


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, _repair(request, pk))


def _step(request, pk: int, service, done, form_class=None, *, anchor="", **fields):
    """POST one step of the repair `pk`: `service` takes it with `fields`
    and the fields of a `form_class` form (checked first), and
    `done(repair)` is what the person is told before going back to the
    repair (at `anchor`); a refusal shows the repair again."""
    repair = _repair(request, pk)
    form = form_class(request.POST) if form_class is not None else None
    extra = {FORMS[form_class]: form} if form is not None else {}
    return take_step(
        request,
        repair,
        lambda: service(
            repair=repair,
            by=request.user,
            **fields,
            **(form.cleaned_data if form is not None else {}),
        ),
        page=partial(_page, request, repair, **extra),
        done=lambda: done(repair),
        then=reverse("repair:detail", kwargs={"pk": pk}) + anchor if anchor else None,
        form=form,
    )


# Each step form on the repair's page, by the name the page knows it by.
FORMS = {
    AccountForm: "account_form",
    MirrorForm: "mirror_form",
    MirrorAnswerForm: "mirror_answer_form",
    AnswerForm: "answer_form",
}


account = post_view(
    _step,
    services.account_write,
    lambda r: (
        _("Your account is with %(name)s. Next, they put it in their own words.")
        % {"name": r.other}
    ),
    AccountForm,
    once=True,
)


mirror = post_view(
    _step,
    services.mirror_write,
    lambda r: _("Sent. %(name)s will say whether you heard them.") % {"name": r.hurt},
    MirrorForm,
    once=True,
)


def _mirror_answered(repair: Repair) -> str:
    if repair.is_heard:
        message = _("Thank you. %(name)s can now write their apology.")
    else:
        message = _("%(name)s will try again.")
    return message % {"name": repair.other}


mirror_answer = post_view(
    _step,
    lambda *, heard, **fields: services.mirror_answer(heard=heard == "yes", **fields),
    _mirror_answered,
    MirrorAnswerForm,
)


apology_answer = post_view(
    _step,
    services.apology_answer,
    lambda r: _("Your answer is with %(name)s.") % {"name": r.other},
    AnswerForm,
    anchor="#apology",
)


@login_required
@require_POST
def phase(request: AuthedRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        services.repair_move,
        lambda r: (
            _("The repair is now in %(phase)s.") % {"phase": Phase(r.phase).label}
        ),
        phase=request.POST.get("phase", ""),
    )


resolve = post_view(
    _step,
    services.repair_resolve,
    lambda r: _("The repair is closed. You can reopen it at any time."),
)


reopen = post_view(
    _step, services.repair_reopen, lambda r: _("The repair is open again.")
)


# The apology composer


def _composer_context(request, repair: Repair, form, report=None, **extra) -> dict:
    blank = _checked("")
    context = {
        "repair": repair,
        "form": form,
        "report": report,
        "guide": (report or blank).component_rows(),
        # Said before any word is written, rather than a guess after.
        "unavailable": blank.unavailable,
        "allowed": STEPS.allowed(repair, request.user),
    }
    context.update(_exchange(repair, request.user))
    context.update(extra)
    return context


def _checked(text: str) -> Report:
    """The checker in the language the page is in, so a writer reads its
    findings about the words they are writing in (docs/apology-checker.md)."""
    return check(text, language=get_language())


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def apology(request: AuthedRequest, pk: int) -> HttpResponse:
    """The composer: write, check (without JavaScript, the Check button
    posts here), and send."""
    repair = _repair(request, pk)
    if repair.role_of(request.user) != "other":
        return redirect(repair.get_absolute_url() + "#apology")
    if request.method == "GET":
        latest = (
            ApologyVersion.objects.visible_to(request.user)
            .filter(repair=repair)
            .order_by("-number")
            .first()
        )
        form = ApologyForm(initial={"text": latest.text} if latest else None)
        report = _checked(latest.text) if latest else None
        return render(
            request,
            "repair/apology.html",
            _composer_context(request, repair, form, report),
        )
    form = ApologyForm(request.POST)
    report = _checked(request.POST.get("text", ""))

    def page(**extra) -> HttpResponse:
        context = _composer_context(request, repair, form, report, **extra)
        return render(request, "repair/apology.html", context)

    if request.POST.get("action") != "send":
        form.is_valid()
        return page(checked=True)
    return take_step(
        request,
        repair,
        lambda: services.apology_send(
            repair=repair, by=request.user, text=form.cleaned_data["text"]
        ),
        page=page,
        done=_("Your apology is with %(name)s.") % {"name": repair.hurt},
        then=repair.get_absolute_url() + "#apology",
        form=form,
    )


@login_required
@require_POST
def apology_check(request: AuthedRequest, pk: int) -> HttpResponse:
    """The checker alone: a fragment for htmx (as you type), the composer
    page otherwise. Stateless: nothing is saved or recorded."""
    repair = _repair(request, pk)
    if repair.role_of(request.user) != "other":
        return redirect(repair.get_absolute_url() + "#apology")
    text = request.POST.get("text", "")
    report = _checked(text)
    form = ApologyForm(request.POST)
    context = _composer_context(request, repair, form, report, checked=True)
    if request.htmx:
        return render(request, "repair/apology.html#checker", context)
    return render(request, "repair/apology.html", context)


# The plan


@login_required
@require_GET
def plan(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    summary = progress.repair_progress(repair, request.user)
    return render(
        request,
        "repair/plan.html",
        {
            "repair": repair,
            "progress": summary,
            "path": _path(repair),
            "allowed": STEPS.allowed(repair, request.user),
            "my_sessions": TherapySession.objects.visible_to(request.user)
            .filter(repair=repair, author=request.user)
            .count(),
        },
    )


def _form_page(
    request, repair: Repair, form, template: str, service, *, done, then, **context
) -> HttpResponse:
    """A page of `repair` holding `form` (and `context`): GET shows it, POST
    has `service` take the step with the form's fields (see `form_step`)."""
    return form_step(
        request,
        repair,
        form,
        template,
        lambda: service(repair=repair, by=request.user, **form.cleaned_data),
        context={"repair": repair, **context},
        done=done,
        then=then,
    )


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def plan_promise(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    return _form_page(
        request,
        repair,
        PromiseForm(request.POST if request.method == "POST" else None),
        "repair/plan_promise.html",
        services.plan_promise_add,
        done=lambda: (
            _(
                "Your promise is made and part of the plan. %(name)s will confirm "
                "it when it's kept."
            )
            % {"name": other_party(repair, request.user)}
        ),
        then=reverse("repair:plan", kwargs={"pk": repair.pk}),
    )


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def plan_agreement(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    starter = starter_by_key("transparency")
    assert starter is not None  # one of agreements.starters.STARTERS
    if request.method == "POST":
        form = AgreementForm(request.POST)
    else:
        form = AgreementForm(
            initial={"title": starter.title}, clauses=[str(c) for c in starter.clauses]
        )
    return _form_page(
        request,
        repair,
        form,
        "repair/plan_agreement.html",
        services.plan_agreement_add,
        starter=starter,
        done=_(
            "Proposed. It becomes part of your life together only if %(name)s "
            "accepts it."
        )
        % {"name": other_party(repair, request.user)},
        then=lambda: _proposed_agreement_url(repair, request.user),
    )


def _proposed_agreement_url(repair: Repair, user) -> str:
    """The agreement `user` has just proposed on `repair`'s plan."""
    item = PlanItem.objects.filter(
        repair=repair, author=user, agreement__isnull=False
    ).last()
    assert item is not None  # plan_agreement_add links one
    return reverse("agreements:detail", kwargs={"pk": item.agreement_id})


# Just for me


def _private_context(request, repair: Repair, **extra) -> dict:
    me = request.user
    context = {
        "repair": repair,
        "role": repair.role_of(me),
        "notes": list(Note.objects.visible_to(me).filter(repair=repair, author=me)),
        "sessions": list(
            TherapySession.objects.visible_to(me).filter(repair=repair, author=me)
        ),
        "note_form": NoteForm(),
        "therapy_form": TherapyForm(),
        "allowed": STEPS.allowed(repair, me),
    }
    context.update(extra)
    return context


def _private_page(request, repair: Repair, **extra) -> HttpResponse:
    return render(
        request, "repair/private.html", _private_context(request, repair, **extra)
    )


def _private_url(repair: Repair) -> str:
    return reverse("repair:private", kwargs={"pk": repair.pk})


@login_required
@require_GET
def private(request: AuthedRequest, pk: int) -> HttpResponse:
    return _private_page(request, _repair(request, pk))


def _private_add(
    request, pk: int, form_class, service, done: str, *, name: str, anchor: str = ""
) -> HttpResponse:
    """POST something private (a note, a therapy log) on the repair `pk`:
    `service` saves the fields of `form_class`, which the private page
    shows as `name` when they are wrong."""
    repair = _repair(request, pk)
    form = form_class(request.POST)
    return take_step(
        request,
        repair,
        lambda: service(repair=repair, by=request.user, **form.cleaned_data),
        page=partial(_private_page, request, repair, **{name: form}),
        done=done,
        then=_private_url(repair) + anchor,
        form=form,
    )


note_add = post_view(
    _private_add,
    NoteForm,
    services.note_write,
    gettext_lazy("Saved. Only you can see it."),
    name="note_form",
    once=True,
)


therapy_add = post_view(
    _private_add,
    TherapyForm,
    services.therapy_log,
    gettext_lazy("Logged. Only you can see your log."),
    name="therapy_form",
    anchor="#therapy",
    once=True,
)


def _forgiveness_repair(request, pk: int) -> Repair:
    repair = _repair(request, pk)
    if repair.hurt_id != request.user.pk:
        # Not a 403: the other partner must not learn anything here.
        raise Http404
    return repair


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def forgiveness(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _forgiveness_repair(request, pk)
    form = CheckinForm(request.POST if request.method == "POST" else None)
    # Read only when the page is shown (not after a check-in is kept).
    trend = SimpleLazyObject(
        lambda: progress.forgiveness_trend(
            list(
                ForgivenessCheckin.objects.visible_to(request.user).filter(
                    repair=repair, author=request.user
                )
            )
        )
    )
    return _form_page(
        request,
        repair,
        form,
        "repair/forgiveness.html",
        services.forgiveness_checkin,
        trend=trend,
        done=_("Noted, for you alone."),
        then=reverse("repair:forgiveness", kwargs={"pk": repair.pk}),
    )


def _private_item(model, request, pk: int):
    return get_visible_or_404(
        model.objects.select_related("repair"), request.user, pk=pk, author=request.user
    )


def _private_remove(request, pk: int, model, *, anchor: str = "") -> HttpResponse:
    """POST: delete one's own private `model` row `pk`, then back to the
    page it was on (at `anchor`)."""
    item = _private_item(model, request, pk)
    services.private_delete(item=item, by=request.user)
    messages.success(request, _("Deleted."))
    return redirect(item.get_absolute_url() + anchor)


note_delete = post_view(_private_remove, Note)
therapy_delete = post_view(_private_remove, TherapySession, anchor="#therapy")
checkin_delete = post_view(_private_remove, ForgivenessCheckin)
