from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Q
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.accounts.once import submitted_once
from troth.goals import services
from troth.goals.forms import AdventureForm, GoalForm, MilestoneForm, ReflectionForm
from troth.goals.models import Goal, Milestone, Reflection, Status
from troth.goals.steps import MILESTONE_STEPS, STEPS
from troth.lib.access import get_visible_or_404
from troth.lib.http import AuthedRequest
from troth.lib.prefetch import prefetch_visible
from troth.schedule.models import Event
from troth.spaces.membership import space_form_page, space_page
from troth.spaces.models import Membership
from troth.spaces.postviews import post_view
from troth.spaces.steps import refusal_text
from troth.spaces.stepviews import form_step, refused, take_step

PER_PAGE = 20
TABS = {"active": Status.ACTIVE, "aside": Status.SET_ASIDE}


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    user = request.user
    tab = request.GET.get("show")
    if tab not in TABS:
        tab = "active"
    goals = (
        Goal.objects.visible_to(user)
        .in_space(membership.space)
        .filter(status=TABS[tab])
        .with_progress()
        .annotate(
            mine_open=Count(
                "milestones",
                filter=Q(milestones__owner=user, milestones__done_at__isnull=True),
                distinct=True,
            )
        )
        .order_by(F("target_date").asc(nulls_last=True), "-created", "-id")
    )
    page = Paginator(goals, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "goals/index.html", {"tab": tab, "page": page})


def _create_page(request, template: str, context: dict, create, done):
    """The page of a form (`context["form"]`) that makes a goal or
    adventure with `create(data)`; `done(goal)` is what the person is
    told, and the goal's page is where they go."""
    form = context["form"]
    made: list[Goal] = []  # the new goal, for `done` and `then` after the step
    return form_step(
        request,
        None,
        form,
        template,
        lambda: made.append(create(form.cleaned_data)),
        context=context,
        done=lambda: done(made[0]),
        then=lambda: made[0].get_absolute_url(),
    )


@space_form_page
def new(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Start a shared goal."""
    return _create_page(
        request,
        "goals/new.html",
        {"form": GoalForm(request.POST if request.method == "POST" else None)},
        lambda data: services.goal_create(
            space=membership.space, author=request.user, **data
        ),
        lambda goal: _("Your goal is started. Add its first steps."),
    )


@space_form_page
def adventure_new(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Plan an adventure together: the idea, when, budget, tasks for each."""
    space = membership.space
    partner = space.partner_of(request.user)
    form = AdventureForm(
        request.POST if request.method == "POST" else None, partner=partner
    )
    return _create_page(
        request,
        "goals/adventure_new.html",
        {"form": form, "partner": partner},
        lambda data: services.adventure_plan(space=space, author=request.user, **data),
        lambda goal: (
            _("Your adventure is planned and on your shared calendar.")
            if goal.target_date
            else _("Your adventure is planned. Set a date when you know it.")
        ),
    )


def _goal(request: AuthedRequest, pk: int) -> Goal:
    """The goal, and whether this person may open the calendar event it is
    linked to (`event_visible`, read with it rather than by a query more)."""
    event = Event.objects.visible_to(request.user).detailed_for(request.user)
    return get_visible_or_404(
        Goal.objects.select_related("author", "space", "finished_by").annotate(
            event_visible=Exists(event.filter(pk=OuterRef("event_id")))
        ),
        request.user,
        pk=pk,
    )


def _event_visible(goal: Goal, user) -> bool:
    if not goal.event_id:
        return False
    known = getattr(goal, "event_visible", None)
    if known is not None:
        return known
    return (
        Event.objects.visible_to(user)
        .detailed_for(user)
        .filter(pk=goal.event_id)
        .exists()
    )


def _detail_context(request: AuthedRequest, goal: Goal, **extra) -> dict:
    user = request.user
    now = timezone.now()
    steps = list(
        Milestone.objects.visible_to(user)
        .filter(goal=goal)
        .select_related("owner")
        .order_by("done_at", "target_date", "created", "id")
    )
    for step in steps:
        step.goal = goal  # what `MILESTONE_STEPS.allowed` reads
    reflections = list(
        Reflection.objects.visible_to(user).filter(goal=goal).select_related("author")
    )
    done = sum(1 for step in steps if step.is_done)
    context = {
        "event_visible": _event_visible(goal, user),
        "goal": goal,
        "allowed": STEPS.allowed(goal, user, now),
        # Each step, with the steps of its own this person may take now.
        "steps": [(step, MILESTONE_STEPS.allowed(step, user, now)) for step in steps],
        "steps_done": done,
        "steps_total": len(steps),
        "percent": int(done * 100 // len(steps)) if steps else None,
        "reflections": reflections,
        "my_reflection": next((r for r in reflections if r.author_id == user.pk), None),
        "partner": goal.space.partner_of(user),
        "step_form": MilestoneForm(),
        "today": timezone.localdate(),
    }
    context.update(extra)
    return context


def _page(request: AuthedRequest, goal: Goal, part: str = "", **extra) -> HttpResponse:
    """The goal's page, or one `part` of it ("#steps", for htmx)."""
    return render(
        request,
        f"goals/detail.html{part}",
        _detail_context(request, goal, part=part, **extra),
    )


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, _goal(request, pk))


def _edit_form(goal: Goal, data) -> AdventureForm | GoalForm:
    """The form that made `goal`, without an adventure's tasks (they are
    steps now), holding what the goal says."""
    form = (
        AdventureForm(data, with_tasks=False, current_date=goal.target_date)
        if goal.is_adventure
        else GoalForm(data, current_date=goal.target_date)
    )
    form.initial = model_to_dict(goal, fields=form.fields)
    return form


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """Change the wording and date of a goal or adventure you wrote."""
    goal = get_visible_or_404(
        Goal.objects.by(request.user).select_related("space"), request.user, pk=pk
    )
    form = _edit_form(goal, request.POST if request.method == "POST" else None)
    return form_step(
        request,
        goal,
        form,
        "goals/edit.html",
        lambda: services.goal_update(goal=goal, by=request.user, **form.cleaned_data),
        context={"goal": goal},
        done=_("Saved."),
    )


@login_required
@require_POST
@submitted_once
def milestone_add(request: AuthedRequest, pk: int) -> HttpResponse:
    goal = _goal(request, pk)
    form = MilestoneForm(request.POST)

    def add() -> None:
        data = form.cleaned_data
        owner = (
            request.user
            if data["owner"] == "me"
            else goal.space.partner_of(request.user)
        )
        services.milestone_add(
            goal=goal,
            by=request.user,
            title=data["title"],
            owner=owner,
            target_date=data["target_date"],
        )

    return take_step(
        request,
        goal,
        add,
        page=partial(_page, request, goal, step_form=form),
        form=form,
        then=f"{goal.get_absolute_url()}#steps",
    )


def _milestone_step(request: AuthedRequest, pk: int, service) -> HttpResponse:
    """POST one step of the milestone `pk`, which `service` takes; answer
    with the goal's page, or its steps alone for htmx."""
    milestone = get_visible_or_404(
        Milestone.objects.select_related("goal", "goal__space", "goal__author"),
        request.user,
        pk=pk,
    )
    goal = milestone.goal
    return take_step(
        request,
        milestone,
        lambda: service(milestone=milestone, by=request.user),
        page=partial(_page, request, goal),
        partial=partial(_page, request, goal, "#steps"),
        then=f"{goal.get_absolute_url()}#steps",
    )


milestone_done = post_view(_milestone_step, services.milestone_complete)


milestone_reopen = post_view(_milestone_step, services.milestone_reopen)


milestone_remove = post_view(_milestone_step, services.milestone_remove)


def _goal_step(
    request: AuthedRequest, pk: int, service, done: str, then: str | None = None
) -> HttpResponse:
    """POST one step of the goal `pk`, which `service` takes; then the
    goal's page, or its page named `then`."""
    goal = _goal(request, pk)
    return take_step(
        request,
        goal,
        lambda: service(goal=goal, by=request.user),
        page=partial(_page, request, goal),
        done=done,
        then=reverse(then, args=[goal.pk]) if then else None,
    )


finish = post_view(
    _goal_step,
    services.goal_finish,
    gettext_lazy("Finished! It's a memory now."),
    then="goals:reflect",
)


set_aside = post_view(
    _goal_step,
    services.goal_set_aside,
    gettext_lazy("Set aside. You can resume it any time."),
)


resume = post_view(_goal_step, services.goal_resume, gettext_lazy("Back in progress."))


@login_required
@require_http_methods(["GET", "POST"])
def reflect(request: AuthedRequest, pk: int) -> HttpResponse:
    """Your few words on a finished goal or adventure."""
    goal = _goal(request, pk)
    not_yet = STEPS.refusal("reflect", goal, request.user)
    if not_yet is not None:  # not finished
        if request.method == "POST":
            return refused(partial(_page, request, goal), goal, not_yet)
        messages.info(request, refusal_text(not_yet))
        return redirect(goal)
    mine = goal.reflections.filter(author=request.user).first()
    form = ReflectionForm(
        request.POST if request.method == "POST" else None,
        initial=model_to_dict(mine, fields=ReflectionForm.base_fields)
        if mine
        else None,
    )
    return form_step(
        request,
        goal,
        form,
        "goals/reflect.html",
        lambda: services.reflection_save(
            goal=goal, author=request.user, **form.cleaned_data
        ),
        context={"goal": goal, "mine": mine},
        done=_("Your reflection is saved."),
        then=f"{goal.get_absolute_url()}#reflections",
    )


@space_page
def memories(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Finished goals and adventures, with what each of you made of them."""
    user = request.user
    finished = (
        Goal.objects.visible_to(user)
        .in_space(membership.space)
        .finished()
        .select_related("finished_by")
        .prefetch_related(
            prefetch_visible(
                "reflections", Reflection, user, to_attr="seen_reflections"
            )
        )
        .order_by("-finished_at", "-id")
    )
    page = Paginator(finished, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "goals/memories.html", {"page": page})


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    """How progress is computed, in plain words (docs/figures/goal-progress.md)."""
    return render(request, "goals/how.html")
