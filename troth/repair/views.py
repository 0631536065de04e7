from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
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
from troth.repair.apology import check
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
    Repair,
    RepairEvent,
    Step,
    TherapySession,
)
from troth.repair.support import help_lines
from troth.spaces.models import current_membership


def error_text(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error_text(error))


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


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    membership = current_membership(request)
    if membership is None:
        return redirect("home")
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


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def new(request: AuthedRequest) -> HttpResponse:
    membership = current_membership(request)
    if membership is None:
        return redirect("home")
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
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
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
            try:
                repair = services.repair_open(
                    space=space,
                    by=request.user,
                    opened_as=data["opened_as"],
                    summary=data["summary"],
                    touches=data["touches"],
                    clause=clause,
                    promise=promise,
                    seriousness=data.get("seriousness"),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The repair is open, and %(name)s can see it.")
                    % {"name": space.partner_of(request.user)},
                )
                return redirect(repair)
        return render(
            request,
            "repair/new.html",
            {
                "form": form,
                "has_clauses": bool(clauses),
                "has_promises": bool(promises),
            },
            status=400,
        )
    return render(
        request,
        "repair/new.html",
        {"form": form, "has_clauses": bool(clauses), "has_promises": bool(promises)},
    )


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
    role = repair.role_of(me)
    here = PHASE_ORDER.index(repair.phase)
    context = {
        "repair": repair,
        "role": role,
        "path": _path(repair),
        "phase_help": PHASE_HELP[repair.phase],
        "next_phase": PHASE_ORDER[here + 1] if here + 1 < len(PHASE_ORDER) else None,
        "previous_phase": PHASE_ORDER[here - 1] if here > 0 else None,
        "can_act": repair.is_open and repair.space.is_open,
        "account_form": AccountForm(),
        "mirror_form": MirrorForm(),
        "mirror_answer_form": MirrorAnswerForm(),
        "answer_form": AnswerForm(),
        "events": list(
            RepairEvent.objects.filter(repair=repair).select_related("actor")
        ),
        "plan_count": len(progress.plan_items(repair, me)),
        "error": "",
        "Step": Step,
    }
    context.update(_exchange(repair, me))
    context.update(extra)
    return context


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    return render(request, "repair/detail.html", _detail_context(request, repair))


def _refused(request, repair, error: ValidationError, **forms) -> HttpResponse:
    context = _detail_context(request, repair, error=error_text(error), **forms)
    return render(request, "repair/detail.html", context, status=409)


def _invalid(request, repair, **forms) -> HttpResponse:
    context = _detail_context(
        request, repair, error=_("Please check what you wrote."), **forms
    )
    return render(request, "repair/detail.html", context, status=400)


@login_required
@require_POST
@submitted_once
def account(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    form = AccountForm(request.POST)
    if not form.is_valid():
        return _invalid(request, repair, account_form=form)
    try:
        services.account_write(
            repair=repair,
            by=request.user,
            text=form.cleaned_data["text"],
            seriousness=form.cleaned_data.get("seriousness"),
        )
    except ValidationError as error:
        _add_errors(form, error)
        return _refused(request, repair, error, account_form=form)
    messages.success(
        request,
        _("Your account is with %(name)s. Next, they put it in their own words.")
        % {"name": repair.other},
    )
    return redirect(repair)


@login_required
@require_POST
@submitted_once
def mirror(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    form = MirrorForm(request.POST)
    if not form.is_valid():
        return _invalid(request, repair, mirror_form=form)
    try:
        services.mirror_write(
            repair=repair, by=request.user, text=form.cleaned_data["text"]
        )
    except ValidationError as error:
        return _refused(request, repair, error, mirror_form=form)
    messages.success(
        request,
        _("Sent. %(name)s will say whether you heard them.") % {"name": repair.hurt},
    )
    return redirect(repair)


@login_required
@require_POST
def mirror_answer(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    form = MirrorAnswerForm(request.POST)
    if not form.is_valid():
        return _invalid(request, repair, mirror_answer_form=form)
    heard = form.cleaned_data["heard"] == "yes"
    try:
        services.mirror_answer(
            repair=repair, by=request.user, heard=heard, note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        return _refused(request, repair, error, mirror_answer_form=form)
    message = (
        _("Thank you. %(name)s can now write their apology.")
        if heard
        else _("%(name)s will try again.")
    )
    messages.success(request, message % {"name": repair.other})
    return redirect(repair)


@login_required
@require_POST
def apology_answer(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _invalid(request, repair, answer_form=form)
    try:
        services.apology_answer(
            repair=repair,
            by=request.user,
            answer=form.cleaned_data["answer"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        return _refused(request, repair, error, answer_form=form)
    messages.success(
        request, _("Your answer is with %(name)s.") % {"name": repair.other}
    )
    return redirect(repair.get_absolute_url() + "#apology")


@login_required
@require_POST
def phase(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    target = request.POST.get("phase", "")
    try:
        services.repair_move(repair=repair, by=request.user, phase=target)
    except ValidationError as error:
        return _refused(request, repair, error)
    messages.success(
        request, _("The repair is now in %(phase)s.") % {"phase": Phase(target).label}
    )
    return redirect(repair)


@login_required
@require_POST
def resolve(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    try:
        services.repair_resolve(repair=repair, by=request.user)
    except ValidationError as error:
        return _refused(request, repair, error)
    messages.success(request, _("The repair is closed. You can reopen it at any time."))
    return redirect(repair)


@login_required
@require_POST
def reopen(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    try:
        services.repair_reopen(repair=repair, by=request.user)
    except ValidationError as error:
        return _refused(request, repair, error)
    messages.success(request, _("The repair is open again."))
    return redirect(repair)


# The apology composer


def _composer_context(request, repair: Repair, form, report=None, **extra) -> dict:
    context = {
        "repair": repair,
        "form": form,
        "report": report,
        "guide": report.component_rows() if report else check("").component_rows(),
        "can_write": (
            repair.role_of(request.user) == "other"
            and repair.is_heard
            and repair.is_open
            and repair.space.is_open
        ),
        "error": "",
    }
    context.update(_exchange(repair, request.user))
    context.update(extra)
    return context


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
        report = check(latest.text, language=request.user.language) if latest else None
        return render(
            request,
            "repair/apology.html",
            _composer_context(request, repair, form, report),
        )
    form = ApologyForm(request.POST)
    text = request.POST.get("text", "")
    report = check(text, language=request.user.language)
    if request.POST.get("action") != "send":
        form = ApologyForm(request.POST)
        form.is_valid()
        return render(
            request,
            "repair/apology.html",
            _composer_context(request, repair, form, report, checked=True),
        )
    if not form.is_valid():
        return render(
            request,
            "repair/apology.html",
            _composer_context(request, repair, form, report),
            status=400,
        )
    try:
        services.apology_send(
            repair=repair, by=request.user, text=form.cleaned_data["text"]
        )
    except ValidationError as error:
        return render(
            request,
            "repair/apology.html",
            _composer_context(request, repair, form, report, error=error_text(error)),
            status=409,
        )
    messages.success(
        request, _("Your apology is with %(name)s.") % {"name": repair.hurt}
    )
    return redirect(repair.get_absolute_url() + "#apology")


@login_required
@require_POST
def apology_check(request: AuthedRequest, pk: int) -> HttpResponse:
    """The checker alone: a fragment for htmx (as you type), the composer
    page otherwise. Stateless: nothing is saved or recorded."""
    repair = _repair(request, pk)
    if repair.role_of(request.user) != "other":
        return redirect(repair.get_absolute_url() + "#apology")
    text = request.POST.get("text", "")
    report = check(text, language=request.user.language)
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
            "can_act": repair.is_open and repair.space.is_open,
            "my_sessions": TherapySession.objects.visible_to(request.user)
            .filter(repair=repair, author=request.user)
            .count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@submitted_once
def plan_promise(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    form = PromiseForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.plan_promise_add(
                    repair=repair,
                    by=request.user,
                    text=data["text"],
                    due_date=data["due_date"],
                    due_time=data.get("due_time"),
                    repeat=data.get("repeat") or "",
                    weekdays=data.get("weekdays") or [],
                    until=data.get("until"),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Your promise is made and part of the plan. %(name)s will confirm it when it's kept."
                    )
                    % {"name": repair.space.partner_of(request.user)},
                )
                return redirect("repair:plan", pk=repair.pk)
        status = 400
    return render(
        request,
        "repair/plan_promise.html",
        {"repair": repair, "form": form},
        status=status,
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
        if form.is_valid():
            try:
                item = services.plan_agreement_add(
                    repair=repair,
                    by=request.user,
                    title=form.cleaned_data["title"],
                    clauses=form.cleaned_data["clauses"],
                    ends_on=form.cleaned_data["ends_on"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Proposed. It becomes part of your life together only if %(name)s accepts it."
                    )
                    % {"name": repair.space.partner_of(request.user)},
                )
                assert item.agreement is not None  # plan_agreement_add links one
                return redirect(item.agreement)
        return render(
            request,
            "repair/plan_agreement.html",
            {"repair": repair, "form": form, "starter": starter},
            status=400,
        )
    form = AgreementForm(
        initial={"title": starter.title}, clauses=[str(c) for c in starter.clauses]
    )
    return render(
        request,
        "repair/plan_agreement.html",
        {"repair": repair, "form": form, "starter": starter},
    )


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
        "can_act": repair.space.is_open and repair.role_of(me) != "",
    }
    context.update(extra)
    return context


@login_required
@require_GET
def private(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    return render(request, "repair/private.html", _private_context(request, repair))


@login_required
@require_POST
@submitted_once
def note_add(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.note_write(
                repair=repair, by=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved. Only you can see it."))
            return redirect("repair:private", pk=repair.pk)
    return render(
        request,
        "repair/private.html",
        _private_context(request, repair, note_form=form),
        status=400,
    )


@login_required
@require_POST
@submitted_once
def therapy_add(request: AuthedRequest, pk: int) -> HttpResponse:
    repair = _repair(request, pk)
    form = TherapyForm(request.POST)
    if form.is_valid():
        try:
            services.therapy_log(
                repair=repair,
                by=request.user,
                kind=form.cleaned_data["kind"],
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Logged. Only you can see your log."))
            return redirect(reverse_private(repair) + "#therapy")
    return render(
        request,
        "repair/private.html",
        _private_context(request, repair, therapy_form=form),
        status=400,
    )


def reverse_private(repair: Repair) -> str:
    from django.urls import reverse

    return reverse("repair:private", kwargs={"pk": repair.pk})


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
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.forgiveness_checkin(
                    repair=repair,
                    by=request.user,
                    distance=form.cleaned_data["distance"],
                    even=form.cleaned_data["even"],
                    goodwill=form.cleaned_data["goodwill"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Noted, for you alone."))
                return redirect("repair:forgiveness", pk=repair.pk)
        status = 400
    checkins = list(
        ForgivenessCheckin.objects.visible_to(request.user).filter(
            repair=repair, author=request.user
        )
    )
    return render(
        request,
        "repair/forgiveness.html",
        {
            "repair": repair,
            "form": form,
            "checkins": checkins,
            "trend": progress.forgiveness_trend(checkins),
        },
        status=status,
    )


def _private_item(model, request, pk: int):
    return get_visible_or_404(
        model.objects.select_related("repair"), request.user, pk=pk, author=request.user
    )


@login_required
@require_POST
def note_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    note = _private_item(Note, request, pk)
    services.private_delete(item=note, by=request.user)
    messages.success(request, _("Deleted."))
    return redirect("repair:private", pk=note.repair_id)


@login_required
@require_POST
def therapy_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    session = _private_item(TherapySession, request, pk)
    services.private_delete(item=session, by=request.user)
    messages.success(request, _("Deleted."))
    return redirect(reverse_private(session.repair) + "#therapy")


@login_required
@require_POST
def checkin_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    checkin = _private_item(ForgivenessCheckin, request, pk)
    services.private_delete(item=checkin, by=request.user)
    messages.success(request, _("Deleted."))
    return redirect("repair:forgiveness", pk=checkin.repair_id)
