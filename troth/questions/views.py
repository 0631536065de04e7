"""Questions answered in turn.

Every read of answers, reactions and follow-ups goes through `visible_to`,
whose rule hides a partner's words until the round is revealed; the
templates never decide that on their own."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, TypedDict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.once import submitted_once
from troth.lib.access import get_visible_or_404
from troth.lib.http import AuthedRequest
from troth.lib.prefetch import prefetch_visible
from troth.questions import services
from troth.questions.deck import LEVEL_HELP, PACKS, Level, deck_for
from troth.questions.forms import (
    AnswerForm,
    FollowUpForm,
    LevelsForm,
    OwnQuestionForm,
    PacksForm,
    PickForm,
    SearchForm,
)
from troth.questions.models import (
    Answer,
    FollowUp,
    OwnQuestion,
    Reaction,
    Round,
)
from troth.questions.steps import STEPS
from troth.spaces.membership import membership_required, space_page
from troth.spaces.models import Membership
from troth.spaces.steps import refusal_text
from troth.spaces.stepviews import form_step, take_step

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

HISTORY_PAGE = 20
OPEN_DAYS = 30


def _other_person(space, user):
    """The partner, or the former partner of a closed space."""
    other = space.partner_of(user)
    if other is None:
        former = (
            space.memberships.exclude(user=user)
            .select_related("user")
            .order_by("-left_at")
            .first()
        )
        other = former.user if former else None
    return other


def _rounds(user):
    return (
        Round.objects.visible_to(user)
        .with_progress(user)
        .select_related("own", "passed_by", "picked_by", "space")
    )


def _answers(user):
    return (
        Answer.objects.visible_to(user)
        .select_related("author")
        .prefetch_related(
            prefetch_visible("reactions", Reaction, user, to_attr="visible_reactions")
        )
    )


def round_context(request, round: Round, **extra) -> dict:
    """What the round card shows to this person. The partner's answer is in
    `theirs` only if `visible_to` returned it, which it does after the reveal."""
    user = request.user
    answers = list(_answers(user).filter(round=round))
    mine = next((a for a in answers if a.author_id == user.pk), None)
    theirs = [a for a in answers if a.author_id != user.pk]
    for answer in answers:
        answer.my_reaction = next(
            (r for r in answer.visible_reactions if r.author_id == user.pk), None
        )
        answer.their_reactions = [
            r for r in answer.visible_reactions if r.author_id != user.pk
        ]
    followups = list(
        FollowUp.objects.visible_to(user).filter(round=round).select_related("author")
    )
    context = {
        "round": round,
        "mine": mine,
        "theirs": theirs,
        "followups": followups,
        "other": _other_person(round.space, user),
        "allowed": STEPS.allowed(round, user),
        "answer_form": AnswerForm(),
        "followup_form": FollowUpForm(),
        "reaction_kinds": Reaction.Kind.choices,
    }
    context.update(extra)
    return context


def _round_page(request, round: Round, **extra) -> HttpResponse:
    round = _rounds(request.user).get(pk=round.pk)
    return render(
        request, "questions/round.html", round_context(request, round, **extra)
    )


def _round_card(request, round: Round, **extra) -> HttpResponse:
    """The round's card, for htmx."""
    round = _rounds(request.user).get(pk=round.pk)
    context = round_context(request, round, **extra)
    return render(request, "questions/round.html#card", context)


def _round_step(
    request, round: Round, action, done, form=None, form_name: str = ""
) -> HttpResponse:
    """POST a step of `round`: the card again for htmx, else the page; a
    `form` is shown again in the context as `form_name`."""
    forms = {form_name: form} if form is not None else {}
    return take_step(
        request,
        round,
        action,
        page=partial(_round_page, request, round, **forms),
        partial=partial(_round_card, request, round, **forms),
        done=done,
        form=form,
    )


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Today's question, with any earlier question still open."""
    space = membership.space
    user = request.user
    # Today's round read as the page shows it, in the one read that finds
    # (or makes) it.
    today = services.round_for_day(
        space=space, rounds=_rounds(user).filter(space=space)
    )
    context: dict = {"today": None}
    if today is not None:
        # The space whose partners round_for_day has just read: not again.
        today.space = space
        context.update(round_context(request, today))
        context["today"] = today
    # The lists link to each round and show its question: nothing more of
    # the rounds is read for them.
    listed = Round.objects.visible_to(user).filter(space=space).select_related("own")
    # Earlier questions still open, from the last month: older ones have had
    # their moment (they still count as asked, so they don't come back soon).
    since = services.space_day(space) - dt.timedelta(days=OPEN_DAYS)
    context["open_rounds"] = list(
        listed.with_progress(user)
        .open()
        .filter(day__gte=since)
        .exclude(pk=today.pk if today else None)
        .order_by("-day", "-id")[:10]
    )
    context["recent"] = list(listed.revealed().order_by("-revealed_at", "-id")[:3])
    settings = services.deck_settings(space)
    context["levels"] = [Level(value).label for value in settings.levels]
    context["packs_on"] = len(settings.packs_on)
    context["waiting_for_partner"] = space.is_open and len(space.partners) < 2
    return render(request, "questions/index.html", context)


@login_required
@require_GET
def round_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    round = get_visible_or_404(_rounds(request.user), request.user, pk=pk)
    return render(request, "questions/round.html", round_context(request, round))


@login_required
@require_GET
def round_status(request: AuthedRequest, pk: int) -> HttpResponse:
    """The small fragment a waiting page polls: who has answered. It never
    carries an answer; after the reveal it offers a link to read both."""
    round = get_visible_or_404(_rounds(request.user), request.user, pk=pk)
    return render(
        request,
        "questions/round.html#status",
        round_context(request, round, fragment=True),
    )


@login_required
@require_POST
def answer_create(request: AuthedRequest, pk: int) -> HttpResponse:
    round = get_visible_or_404(_rounds(request.user), request.user, pk=pk)
    form = AnswerForm(request.POST)

    def done() -> str:
        round.refresh_from_db()
        if round.is_revealed:
            return _("You have both answered. Here are your answers.")
        return _("Saved. Your partner sees it only once they have answered too.")

    return _round_step(
        request,
        round,
        lambda: services.answer_create(
            round=round, by=request.user, text=form.cleaned_data["text"]
        ),
        done,
        form,
        "answer_form",
    )


@login_required
@require_http_methods(["GET", "POST"])
def answer_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    round = get_visible_or_404(_rounds(request.user), request.user, pk=pk)
    answer = get_visible_or_404(
        Answer.objects.filter(author=request.user), request.user, round=round
    )
    refusal = STEPS.refusal("change_answer", round, request.user)
    if request.method == "GET" and refusal is not None:
        messages.info(request, refusal.message)
        return redirect(round)
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        initial={"text": answer.text},
    )
    return form_step(
        request,
        round,
        form,
        "questions/answer_edit.html",
        lambda: services.answer_update(
            answer=answer, by=request.user, text=form.cleaned_data["text"]
        ),
        context={"round": round, "answer": answer},
        done=_("Your answer is changed."),
    )


@login_required
@require_POST
def round_pass(request: AuthedRequest, pk: int) -> HttpResponse:
    round = get_visible_or_404(_rounds(request.user), request.user, pk=pk)
    return _round_step(
        request,
        round,
        lambda: services.round_pass(round=round, by=request.user),
        _("Passed. The question is closed and nothing was revealed."),
    )


@login_required
@require_POST
def react(request: AuthedRequest, pk: int) -> HttpResponse:
    answer = get_visible_or_404(
        Answer.objects.exclude(author=request.user).select_related("round"),
        request.user,
        pk=pk,
    )
    return _round_step(
        request,
        answer.round,
        lambda: services.reaction_set(
            answer=answer, by=request.user, kind=request.POST.get("kind", "")
        ),
        _("%(name)s will see your response.") % {"name": answer.author},
    )


@login_required
@require_POST
@submitted_once
def followup_create(request: AuthedRequest, pk: int) -> HttpResponse:
    round = get_visible_or_404(_rounds(request.user), request.user, pk=pk)
    form = FollowUpForm(request.POST)
    return _round_step(
        request,
        round,
        lambda: services.followup_create(
            round=round, by=request.user, text=form.cleaned_data["text"]
        ),
        _("Added."),
        form,
        "followup_form",
    )


class _SeenInRound(TypedDict):
    """What `history` prefetches onto each round, as the viewer may see it."""

    visible_answers: list[Answer]
    visible_followups: list[FollowUp]


def _matches(round: WithAnnotations[Round, _SeenInRound], needle: str) -> bool:
    haystack = [round.text, *(a.text for a in round.visible_answers)]
    haystack.extend(f.text for f in round.visible_followups)
    return any(needle in text.casefold() for text in haystack)


@space_page
def history(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Every revealed question, newest first, with a search over the
    question and both answers. Answers are encrypted, so the search runs in
    Python over the person's own visible rounds."""
    user = request.user
    form = SearchForm(request.GET or None)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    rounds = (
        _rounds(user)
        .filter(space=membership.space)
        .revealed()
        .annotate(n_followups=Count("followups", distinct=True))
        .prefetch_related(
            Prefetch("answers", queryset=_answers(user), to_attr="visible_answers"),
            prefetch_visible("followups", FollowUp, user, to_attr="visible_followups"),
        )
        .order_by("-day", "-id")
    )
    if q:
        needle = q.casefold()
        found = [r for r in rounds if _matches(r, needle)]
        page = Paginator(found, HISTORY_PAGE).get_page(request.GET.get("page"))
    else:
        page = Paginator(rounds, HISTORY_PAGE).get_page(request.GET.get("page"))
    for round in page.object_list:
        round.mine = next(
            (a for a in round.visible_answers if a.author_id == user.pk), None
        )
        round.theirs = [a for a in round.visible_answers if a.author_id != user.pk]
    context = {"page": page, "form": form, "q": q}
    if request.htmx and request.headers.get("HX-Target") == "history-results":
        return render(request, "questions/history.html#results", context)
    return render(request, "questions/history.html", context)


def _suggestions(space, level: int, packs, count: int = 4) -> list:
    asked = dict(
        Round.objects.filter(space=space)
        .values_list("key")
        .annotate(n=Count("id"))
        .values_list("key", "n")
    )
    pool = sorted(deck_for([level], packs), key=lambda q: (asked.get(q.key, 0), q.key))
    return pool[:count]


@space_page
def deck(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """The couple's deck: its levels and packs, their own questions, and a
    few to pick."""
    return _render_deck(request, membership.space)


def _render_deck(request, space, *, status: int = 200, **forms) -> HttpResponse:
    settings = services.deck_settings(space)
    own = list(
        OwnQuestion.objects.visible_to(request.user)
        .filter(space=space)
        .in_deck()
        .select_related("author")
        .annotate(n_asked=Count("rounds"))
    )
    chosen = services.deck_candidates(space, settings.levels, settings.packs_on)
    context = {
        "chosen_levels": settings.levels,
        "levels_form": forms.get("levels_form")
        or LevelsForm(initial={"levels": settings.levels}),
        "packs_form": forms.get("packs_form")
        or PacksForm(initial={"packs": settings.packs_on}),
        "own_form": forms.get("own_form") or OwnQuestionForm(),
        "own": own,
        "levels": [
            {
                "value": value,
                "label": label,
                "help": LEVEL_HELP[value],
                "suggestions": _suggestions(space, value, settings.packs_on, 3),
            }
            for value, label in Level.choices
        ],
        "packs": [
            {
                "key": pack.key,
                "name": pack.name,
                "about": pack.about,
                "on": pack.key in settings.packs_on,
                "size": len(deck_for(settings.levels, [pack.key])),
            }
            for pack in PACKS
        ],
        "chosen_size": len(chosen),
        "year_short": len(chosen) < services.NO_REPEAT_DAYS,
        "refusal": forms.get("refusal"),
    }
    return render(request, "questions/deck.html", context, status=status)


def _deck_form(form_class, name: str, change, done, *, once: bool = False):
    """The view of one of the deck's forms (shown on the deck as `name`):
    it checks the form, makes `change(space=, by=, **data)`, then says
    `done(data)` back on the deck; or shows the deck again with the form's
    errors (400) or the refusal on it (409). `once`: a form sent twice is
    acted on once."""

    def view(request: AuthedRequest, membership: Membership) -> HttpResponse:
        space = membership.space
        form = form_class(request.POST)
        if not form.is_valid():
            return _render_deck(request, space, status=400, **{name: form})
        try:
            change(space=space, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, refusal_text(error))
            return _render_deck(request, space, status=409, **{name: form})
        messages.success(request, done(form.cleaned_data))
        return redirect("questions:deck")

    taken = membership_required(view)
    return login_required(require_POST(submitted_once(taken) if once else taken))


levels_set = _deck_form(
    LevelsForm,
    "levels_form",
    services.levels_set,
    lambda data: _(
        "From the next question on, the daily question comes from the levels you chose."
    ),
)

packs_set = _deck_form(
    PacksForm,
    "packs_form",
    services.packs_set,
    lambda data: _(
        "From the next question on, the daily question comes from the packs you chose."
    ),
)

own_question_create = _deck_form(
    OwnQuestionForm,
    "own_form",
    services.own_question_create,
    lambda data: _("Your question is in the deck. It will come up soon."),
    once=True,
)


@login_required
@require_POST
def own_question_retire(request: AuthedRequest, pk: int) -> HttpResponse:
    question = get_visible_or_404(
        OwnQuestion.objects.by(request.user).select_related("space"),
        request.user,
        pk=pk,
    )
    return take_step(
        request,
        question,
        lambda: services.own_question_retire(question=question, by=request.user),
        page=partial(_render_deck, request, question.space),
        done=_("The question is out of the deck."),
        then="questions:deck",
    )


@login_required
@require_POST
@membership_required
def pick(request: AuthedRequest, membership: Membership) -> HttpResponse:
    form = PickForm(request.POST)
    if not form.is_valid():
        return _render_deck(
            request, membership.space, status=400, refusal=_("Choose a question.")
        )
    try:
        round = services.round_pick(
            space=membership.space, by=request.user, key=form.cleaned_data["key"]
        )
    except ValidationError as error:
        return _render_deck(
            request, membership.space, status=409, refusal=refusal_text(error)
        )
    messages.success(request, _("Your partner will find this question waiting."))
    return redirect(round)
