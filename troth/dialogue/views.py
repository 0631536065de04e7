from __future__ import annotations

from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from troth.dialogue import services
from troth.dialogue.forms import StartForm, SummaryForm, TurnForm
from troth.dialogue.models import (
    Dialogue,
    Status,
    Step,
    Summary,
    Turn,
)
from troth.dialogue.prompts import prompt_for
from troth.dialogue.steps import STEPS, summary_allowed
from troth.lib.access import get_visible_or_404
from troth.lib.content import Visibility
from troth.lib.forms import Form
from troth.lib.http import AuthedRequest
from troth.spaces.membership import space_form_page, space_page
from troth.spaces.models import Membership
from troth.spaces.postviews import post_view
from troth.spaces.steps import refusal_text
from troth.spaces.stepviews import refusal_status, take_step

# Ended dialogues a page shows; those in progress are all on the first.
PAGE_SIZE = 20


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """What is in progress, then what ended, newest first, a page at a time:
    a page weighs the same after years of dialogues."""
    me = request.user
    dialogues = (
        Dialogue.objects.visible_to(me)
        .in_space(membership.space)
        .select_related("first_sender", "first_receiver")
    )
    page = Paginator(
        dialogues.filter(status__in=[Status.FINISHED, Status.STOPPED]), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    ongoing = list(dialogues.ongoing()) if page.number == 1 else []
    shown = [*ongoing, *page.object_list]
    summaries = {
        s.dialogue_id: s
        for s in Summary.objects.visible_to(me)
        .filter(dialogue__in=shown)
        .order_by("created")
    }
    for dialogue in shown:
        dialogue.my_turn = dialogue.waits_for(me)
        dialogue.summary = summaries.get(dialogue.pk)
    return render(
        request,
        "dialogue/index.html",
        {
            "ongoing": ongoing,
            "past": page.object_list,
            "page": page,
            "form": StartForm(),
        },
    )


@space_form_page
def new(request: AuthedRequest, membership: Membership) -> HttpResponse:
    space = membership.space
    form = StartForm(request.POST if request.method == "POST" else None)
    status = 400 if form.is_bound else 200
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
            form.add_error(None, refusal_text(error))
            status = refusal_status(error)
        else:
            return redirect(dialogue)
    return render(request, "dialogue/new.html", {"form": form}, status=status)


def _dialogue(request, pk: int) -> Dialogue:
    return get_visible_or_404(
        Dialogue.objects.select_related(
            "space", "first_sender", "first_receiver", "break_by"
        ).prefetch_related(
            # What `STEPS.allowed` reads: is a summary shared already?
            Prefetch("summaries", Summary.objects.only("id", "dialogue", "visibility"))
        ),
        request.user,
        pk=pk,
    )


def _context(request, dialogue: Dialogue, **extra) -> dict:
    me = request.user
    now = timezone.now()
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
    for item in summaries:
        item.dialogue = dialogue
    shared = next((s for s in summaries if s.visibility == Visibility.SHARED), None)
    context = {
        "dialogue": dialogue,
        "prompt": prompt_for(dialogue),
        "turns": turns,
        "my_turn": dialogue.waits_for(me),
        "actor": dialogue.actor,
        "allowed": STEPS.allowed(dialogue, me, now),
        "turn_form": TurnForm(),
        "summary": shared,
        "summary_allowed": summary_allowed(shared, me, now) if shared else (),
        # Each private summary (only its author sees one), with its steps.
        "private_summaries": [
            (s, summary_allowed(s, me, now))
            for s in summaries
            if s.visibility == Visibility.PRIVATE
        ],
        "summary_form": SummaryForm(),
        "break_over": dialogue.break_over(now),
        "speaking": dialogue.step in (Step.SEND, Step.MIRROR, Step.SUMMARISE),
    }
    context.update(extra)
    return context


def _page(request, dialogue: Dialogue, **extra) -> HttpResponse:
    return render(request, "dialogue/detail.html", _context(request, dialogue, **extra))


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, _dialogue(request, pk))


def _told_its_their_turn(request, dialogue: Dialogue) -> str | None:
    """In writing, the one who sent a turn hears that the other was told."""
    if dialogue.is_written and dialogue.status == Status.ACTIVE:
        actor = dialogue.actor
        if actor is not None and actor.pk != request.user.pk:
            return _("Sent. %(name)s has been told it's their turn.") % {"name": actor}
    return None


def _suggested(request, dialogue: Dialogue) -> str:
    return _("Suggested. It's kept only if %(name)s agrees.") % {
        "name": dialogue.partner_of(request.user)
    }


def _answer(
    request, dialogue: Dialogue, obj, action, *, done, at: str, form=None, shown=None
) -> HttpResponse:
    """Take `action`, a step on `obj` (the dialogue or one of its
    summaries), and answer with the dialogue's page: at `at` after the
    step, or again with the refusal or `form`'s errors (the form on the page
    as named in `shown`)."""
    return take_step(
        request,
        obj,
        action,
        page=partial(_page, request, dialogue, **(shown or {})),
        form=form,
        done=done,
        then=lambda: dialogue.get_absolute_url() + at,
    )


def _dialogue_step(
    request,
    pk: int,
    service,
    done=None,
    *,
    form: tuple[type[Form], str] | None = None,
    at: str = "",
) -> HttpResponse:
    """POST one step of the dialogue `pk`, which `service` takes (with the
    fields of `form`, a form class and its name on the page, when given).
    The person is told `done` (words, or a function of the request and the
    dialogue) and sent to the dialogue's page, at `at`."""
    dialogue = _dialogue(request, pk)
    sent, shown = None, {}
    if form is not None:
        form_class, name = form
        sent = shown[name] = form_class(request.POST)
    return _answer(
        request,
        dialogue,
        dialogue,
        lambda: service(
            dialogue=dialogue, by=request.user, **(sent.cleaned_data if sent else {})
        ),
        done=(lambda: done(request, dialogue)) if callable(done) else done,
        at=at,
        form=sent,
        shown=shown,
    )


step = post_view(
    _dialogue_step,
    services.dialogue_step,
    _told_its_their_turn,
    form=(TurnForm, "turn_form"),
    once=True,
)


take_break = post_view(_dialogue_step, services.dialogue_break)


resume = post_view(_dialogue_step, services.dialogue_resume)


stop = post_view(
    _dialogue_step,
    services.dialogue_stop,
    gettext_lazy("Stopped. You can start again whenever you like."),
)


summary = post_view(
    _dialogue_step,
    services.summary_propose,
    _suggested,
    form=(SummaryForm, "summary_form"),
    at="#summary",
    once=True,
)


def _summary_step(request, pk: int, service, done: str) -> HttpResponse:
    """POST one step of the summary `pk`, which `service` takes; the
    dialogue's page answers."""
    item = get_visible_or_404(
        Summary.objects.select_related(
            "dialogue__space", "dialogue__first_sender", "dialogue__first_receiver"
        ),
        request.user,
        pk=pk,
    )
    dialogue = _dialogue(request, item.dialogue_id)
    return _answer(
        request,
        dialogue,
        item,
        lambda: service(summary=item, by=request.user),
        done=done,
        at="#summary",
    )


summary_keep = post_view(
    _summary_step, services.summary_keep, gettext_lazy("Kept, for both of you.")
)


summary_let_go = post_view(
    _summary_step, services.summary_let_go, gettext_lazy("It's no longer shared.")
)


summary_delete = post_view(
    _summary_step, services.summary_delete, gettext_lazy("Deleted.")
)
