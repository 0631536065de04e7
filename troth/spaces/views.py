from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.lib.access import get_visible_or_404
from troth.lib.formpages import form_page
from troth.lib.hooks import app_modules
from troth.spaces import firstrun, services
from troth.spaces.forms import LeaveForm
from troth.spaces.membership import membership_required
from troth.spaces.models import Invitation, Membership, current_membership

NEEDS_SHOWN = 4


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Signed out: what Troth is. Signed in without a space: how to start.
    In a space: Today, built from a card per feature.

    Each card says where it goes (`place`): "top" (the partner's status, a
    space still waiting for them), "lead" (today's question and pulse, the
    next time together), "end" (lately), or, by default, a small tile. What
    waits for the person, gathered from every card, comes right after the
    top, at most NEEDS_SHOWN of it; then the first-run checklist."""
    if not request.user.is_authenticated:
        return render(request, "spaces/landing.html")
    membership = current_membership(request)
    if membership is None:
        return render(request, "spaces/start.html")
    cards: list[dict] = []
    for module in app_modules("dashboard"):
        cards.extend(card for card in module.cards(request, membership) if card)
    cards.sort(key=lambda card: card.get("order", 100))
    checklist = firstrun.checklist(request, membership)
    places: dict[str, list[dict]] = {"top": [], "lead": [], "tile": [], "end": []}
    for card in cards:
        if checklist and card.get("firstrun_step") in checklist["open"]:
            continue  # the checklist says it (inviting the partner)
        places[card.get("place", "tile")].append(card)
    # Everything waiting for the person, from every card, most pressing first.
    needs = [need for card in cards for need in card.get("needs", ())]
    return render(
        request,
        "spaces/dashboard.html",
        {
            "cards": cards,
            "places": places,
            "needs": needs[:NEEDS_SHOWN],
            "more_needs": max(0, len(needs) - NEEDS_SHOWN),
            "checklist": checklist,
        },
    )


@login_required
@require_POST
def space_create(request: HttpRequest) -> HttpResponse:
    try:
        services.space_create(user=request.user)
    except services.SpaceError as error:
        return render_problem(request, error, status=409)
    messages.success(request, _("Your space is ready. Now invite your partner."))
    return redirect("spaces:invite")


@login_required
@require_http_methods(["GET", "POST"])
@membership_required
def invite(request: HttpRequest, membership: Membership) -> HttpResponse:
    """GET explains; POST makes a new link and shows it once.

    The link is rendered in the POST response rather than after a redirect:
    only its hash is stored, so no later page could show it again.
    """
    space = membership.space
    pending = space.invitations.pending().order_by("-created").first()
    if request.method == "POST":
        try:
            invitation, token = services.invitation_create(space=space, by=request.user)
        except services.SpaceError as error:
            return render_problem(request, error, status=409)
        link = request.build_absolute_uri(f"/space/join/{token}/")
        return render(
            request, "spaces/invite.html", {"invitation": invitation, "link": link}
        )
    return render(request, "spaces/invite.html", {"pending": pending})


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_visible_or_404(Invitation, request.user, pk=pk)
    services.invitation_revoke(invitation=invitation, by=request.user)
    messages.success(request, _("The invitation link no longer works."))
    return redirect("spaces:invite")


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_lookup(token)
    except services.SpaceError as error:
        return render_problem(
            request, error, status=410 if error.code != "invalid" else 404
        )
    if not request.user.is_authenticated:
        return render(
            request,
            "spaces/join.html",
            {"invitation": invitation, "next": request.path},
        )
    if request.method == "POST":
        try:
            services.invitation_accept(token=token, user=request.user)
        except services.SpaceError as error:
            return render_problem(request, error, status=409)
        messages.success(request, _("You've joined the space. Welcome."))
        return redirect("home")
    problem = None
    membership = current_membership(request)
    if membership is not None:
        if membership.space_id == invitation.space_id:
            problem = services.SpaceError(
                "own_space",
                _("This is your own invitation"),
                _("Send the link to your partner: they open it to join you."),
            )
        else:
            problem = services.SpaceError(
                "already_in_space",
                _("You're already in a space"),
                _(
                    "You can belong to one space at a time. To join this one, "
                    "first leave your current space from its home page."
                ),
            )
    if problem:
        return render_problem(request, problem, status=409)
    return render(request, "spaces/join.html", {"invitation": invitation})


@login_required
@require_http_methods(["GET", "POST"])
@membership_required
def leave(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = LeaveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.space_leave(membership=membership, withdraw=form.withdraw)
        if form.withdraw:
            messages.success(
                request,
                _("You have left the space. What you shared is private to you now."),
            )
        else:
            messages.success(request, _("You have left the space."))
        return redirect("home")
    return form_page(request, "spaces/leave.html", form)


def render_problem(request, error: services.SpaceError, *, status: int) -> HttpResponse:
    return render(
        request,
        "spaces/problem.html",
        {"title": error.title, "message": error.message, "code": error.code},
        status=status,
    )
