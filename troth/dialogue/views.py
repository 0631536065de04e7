from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.once import submitted_once
from troth.dialogue import services
from troth.dialogue.forms import StartForm, SummaryForm, TurnForm
from troth.dialogue.models import (
    WRITTEN_STEPS,
    Dialogue,
    Status,
    Step,
    Summary,
    Turn,
)
from troth.dialogue.prompts import prompt_for
from troth.lib.access import get_visible_or_404
from troth.lib.content import Visibility
from troth.lib.http import AuthedRequest
from troth.spaces.models import current_membership


def error_text(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    membership = current_membership(request)
    if membership is None:
        return redirect("home")
    me = request.user
    dialogues = list(
        Dialogue.objects.visible_to(me)
        .filter(space=membership.space)
        .select_related("first_sender", "first_receiver")
    )
    summaries = {
        s.dialogue_id: s
        for s in Summary.objects.visible_to(me)
        .filter(dialogue__in=dialogues)
        .order_by("created")
    }
    for dialogue in dialogues:
        dialogue.my_turn = dialogue.waits_for(me)
        dialogue.summary = summaries.get(dialogue.pk)
    return render(
        request,
        "dialogue/index.html",
        {
            "ongoing": [d for d in dialogues if d.is_ongoing],
            "past": [d for d in dialogues if not d.is_ongoing],
            "form": StartForm(),
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
    form = StartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        partner = space.partner_of(request.user)
        first = request.user if form.cleaned_data["first"] == "me" else partner
        try:
            dialogue = services.dialogue_start(
                space=space,
                by=request.user,
                mode=form.cleaned_data["mode"],
                first_sender=first,
                topic=form.cleaned_data["topic"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            return redirect(dialogue)
    return render(
        request,
        "dialogue/new.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


def _dialogue(request, pk: int) -> Dialogue:
    return get_visible_or_404(
        Dialogue.objects.select_related(
            "space", "first_sender", "first_receiver", "break_by"
        ),
        request.user,
        pk=pk,
    )


def _context(request, dialogue: Dialogue, **extra) -> dict:
    me = request.user
    turns = (
        list(
            Turn.objects.visible_to(me)
            .filter(dialogue=dialogue)
            .select_related("author")
        )
        if dialogue.is_written
        else []
    )
    summaries = list(
        Summary.objects.visible_to(me)
        .filter(dialogue=dialogue)
        .select_related("author")
    )
    shared = next((s for s in summaries if s.visibility == Visibility.SHARED), None)
    mine_private = [s for s in summaries if s.visibility == Visibility.PRIVATE]
    actor = dialogue.actor
    context = {
        "dialogue": dialogue,
        "prompt": prompt_for(dialogue),
        "turns": turns,
        "my_turn": dialogue.waits_for(me),
        "actor": actor,
        "is_party": dialogue.is_party(me),
        "can_act": dialogue.space.is_open and dialogue.is_party(me),
        "needs_text": dialogue.step in WRITTEN_STEPS,
        "turn_form": TurnForm(),
        "summary": shared,
        "private_summaries": mine_private,
        "summary_form": SummaryForm(),
        "break_over": dialogue.break_over(timezone.now()),
        "speaking": dialogue.step in (Step.SEND, Step.MIRROR, Step.SUMMARISE),
        "error": "",
    }
    context.update(extra)
    return context


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue(request, pk)
    return render(request, "dialogue/detail.html", _context(request, dialogue))


def _refused(request, dialogue, error, **extra) -> HttpResponse:
    context = _context(request, dialogue, error=error_text(error), **extra)
    return render(request, "dialogue/detail.html", context, status=409)


@login_required
@require_POST
@submitted_once
def step(request: AuthedRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue(request, pk)
    form = TurnForm(request.POST)
    if not form.is_valid():
        context = _context(
            request, dialogue, turn_form=form, error=_("Please check what you wrote.")
        )
        return render(request, "dialogue/detail.html", context, status=400)
    try:
        services.dialogue_step(
            dialogue=dialogue,
            by=request.user,
            action=form.cleaned_data["action"],
            text=form.cleaned_data["text"],
        )
    except ValidationError as error:
        return _refused(request, dialogue, error, turn_form=form)
    if dialogue.is_written and dialogue.status == Status.ACTIVE:
        actor = dialogue.actor
        if actor is not None and actor.pk != request.user.pk:
            messages.success(
                request,
                _("Sent. %(name)s has been told it's their turn.") % {"name": actor},
            )
    return redirect(dialogue)


@login_required
@require_POST
def take_break(request: AuthedRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue(request, pk)
    try:
        services.dialogue_break(dialogue=dialogue, by=request.user)
    except ValidationError as error:
        return _refused(request, dialogue, error)
    return redirect(dialogue)


@login_required
@require_POST
def resume(request: AuthedRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue(request, pk)
    try:
        services.dialogue_resume(dialogue=dialogue, by=request.user)
    except ValidationError as error:
        return _refused(request, dialogue, error)
    return redirect(dialogue)


@login_required
@require_POST
def stop(request: AuthedRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue(request, pk)
    try:
        services.dialogue_stop(dialogue=dialogue, by=request.user)
    except ValidationError as error:
        return _refused(request, dialogue, error)
    messages.success(request, _("Stopped. You can start again whenever you like."))
    return redirect(dialogue)


@login_required
@require_POST
@submitted_once
def summary(request: AuthedRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue(request, pk)
    form = SummaryForm(request.POST)
    if form.is_valid():
        try:
            services.summary_propose(
                dialogue=dialogue, by=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "text" in error.error_dict:
                form.add_error("text", error.error_dict["text"])
            return _refused(request, dialogue, error, summary_form=form)
        messages.success(
            request,
            _("Suggested. It's kept only if %(name)s agrees.")
            % {"name": dialogue.partner_of(request.user)},
        )
        return redirect(dialogue.get_absolute_url() + "#summary")
    context = _context(
        request, dialogue, summary_form=form, error=_("Write the summary first.")
    )
    return render(request, "dialogue/detail.html", context, status=400)


def _summary(request, pk: int) -> Summary:
    return get_visible_or_404(
        Summary.objects.select_related("dialogue__space", "space"), request.user, pk=pk
    )


def _summary_act(request, pk: int, step, success: str) -> HttpResponse:
    item = _summary(request, pk)
    try:
        step(item)
    except ValidationError as error:
        return _refused(request, item.dialogue, error)
    messages.success(request, success)
    return redirect(item.dialogue.get_absolute_url() + "#summary")


@login_required
@require_POST
def summary_keep(request: AuthedRequest, pk: int) -> HttpResponse:
    return _summary_act(
        request,
        pk,
        lambda s: services.summary_keep(summary=s, by=request.user),
        _("Kept, for both of you."),
    )


@login_required
@require_POST
def summary_let_go(request: AuthedRequest, pk: int) -> HttpResponse:
    return _summary_act(
        request,
        pk,
        lambda s: services.summary_let_go(summary=s, by=request.user),
        _("It's no longer shared."),
    )


@login_required
@require_POST
def summary_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    return _summary_act(
        request,
        pk,
        lambda s: services.summary_delete(summary=s, by=request.user),
        _("Deleted."),
    )
