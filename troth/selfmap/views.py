from __future__ import annotations

from functools import partial, wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, Max, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.lib.access import get_visible_or_404
from troth.lib.content import Visibility
from troth.lib.http import AuthedRequest
from troth.lib.redirects import next_url
from troth.selfmap import services
from troth.selfmap.forms import EntryForm
from troth.selfmap.models import (
    KIND_HELP,
    KIND_PLURALS,
    Entry,
    EntryVersion,
    Kind,
    KindShare,
    Response,
)
from troth.selfmap.prompts import prompt_by_key, prompts_for
from troth.selfmap.steps import ENTRY_STEPS, asked_to_talk, thanked
from troth.spaces.membership import space_form_page, space_page
from troth.spaces.models import Membership, current_membership
from troth.spaces.postviews import post_view, save_form
from troth.spaces.stepviews import refused, take_step


def _kind_groups(entries, shared_kinds=frozenset()):
    groups = []
    for value, label in Kind.choices:
        groups.append(
            {
                "kind": value,
                "label": label,
                "plural": KIND_PLURALS[value],
                "help": KIND_HELP[value],
                "entries": [e for e in entries if e.kind == value],
                "shared": value in shared_kinds,
                "prompts": prompts_for(value)[:2],
            }
        )
    return groups


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """My self map: every entry I wrote, by kind, with what I share."""
    kind = request.GET.get("kind") or ""
    if kind and kind not in Kind.values:
        kind = ""
    return _index_page(request, membership, kind)


# My self map shows each kind's latest few; a kind's tab holds them all, a
# page at a time, so the page weighs the same however much has been written.
SELF_PREVIEW = 5
SELF_PAGE = 25


def _latest_per_kind(entries, n: int):
    """Each kind's latest `n` of `entries`, in one query."""
    return entries.alias(
        rank=Window(
            RowNumber(),
            partition_by=F("kind"),
            order_by=[F("updated").desc(), F("id").desc()],
        )
    ).filter(rank__lte=n)


def _index_page(request, membership, kind: str, **extra) -> HttpResponse:
    own = (
        Entry.objects.visible_to(request.user)
        .by(request.user)
        .filter(space=membership.space)
    )
    totals = {
        row["kind"]: row
        for row in own.order_by()
        .values("kind")
        .annotate(
            n=Count("id"), shared=Count("id", filter=Q(visibility=Visibility.SHARED))
        )
    }
    page = None
    if kind:
        page = Paginator(_own_entries(own.filter(kind=kind)), SELF_PAGE).get_page(
            request.GET.get("page")
        )
        entries = list(page)
    else:
        entries = list(_own_entries(_latest_per_kind(own, SELF_PREVIEW)))
    shared_kinds = set(
        KindShare.objects.filter(
            space=membership.space, author=request.user
        ).values_list("kind", flat=True)
    )
    groups = _kind_groups(entries, shared_kinds)
    for group in groups:
        group["total"] = totals[group["kind"]]["n"] if group["kind"] in totals else 0
    if kind:
        groups = [g for g in groups if g["kind"] == kind]
    return render(
        request,
        "selfmap/index.html",
        {
            "groups": groups,
            "kind": kind,
            "page": page,
            "tabs": [(value, KIND_PLURALS[value]) for value in Kind.values],
            "count": sum(row["n"] for row in totals.values()),
            "shared_count": sum(row["shared"] for row in totals.values()),
            **extra,
        },
    )


def _own_entries(entries):
    """My entries as my self map lists them: with how many versions, thanks
    and open requests to talk each has."""
    return entries.annotate(
        n_versions=Count("versions", distinct=True),
        n_thanks=Count(
            "responses",
            filter=Q(responses__kind=Response.Kind.THANKS),
            distinct=True,
        ),
        n_talks=Count(
            "responses",
            filter=Q(
                responses__kind=Response.Kind.TALK,
                responses__resolved_at__isnull=True,
            ),
            distinct=True,
        ),
    ).order_by("-updated", "-id")


@space_form_page
def entry_new(request: AuthedRequest, membership: Membership) -> HttpResponse:
    space = membership.space
    kind = request.GET.get("kind") or request.POST.get("kind") or ""
    if kind not in Kind.values:
        kind = ""
    prompt = prompt_by_key(request.GET.get("prompt") or request.POST.get("prompt"))
    if prompt is not None:
        kind = prompt.kind
    kind_shared = bool(kind) and services.kind_is_shared(
        space=space, author=request.user, kind=kind
    )
    form = EntryForm(
        request.POST if request.method == "POST" else None,
        initial={"kind": kind, "share": kind_shared},
    )
    if prompt is not None:
        form.fields["title"].widget.attrs["placeholder"] = str(prompt.example_title)
    return _form_page(
        request,
        form,
        lambda data: services.entry_create(space=space, author=request.user, **data),
        lambda entry: (
            _("Saved and shared with your partner.")
            if entry.is_shared
            else _("Saved. Only you can see it.")
        ),
        kind=kind,
        prompt=prompt,
        prompts=prompts_for(kind) if kind else [],
        kinds=Kind.choices,
        kind_shared=kind_shared,
        editing=None,
    )


def _form_page(request, form: EntryForm, save, done, **context) -> HttpResponse:
    """The entry form. Sent, it is saved through `save`; then the person is
    told `done(entry)` and sees the entry. Otherwise the form again, with
    its errors (400)."""
    if form.is_bound:
        entry = save_form(form, save)
        if entry is not None:
            messages.success(request, done(entry))
            return redirect(entry)
    return render(
        request,
        "selfmap/entry_form.html",
        {"form": form, **context},
        status=400 if form.is_bound else 200,
    )


def _entry_context(request, entry: Entry) -> dict:
    is_author = entry.author_id == request.user.pk
    versions = list(EntryVersion.objects.visible_to(request.user).filter(entry=entry))
    responses = list(
        Response.objects.visible_to(request.user)
        .filter(entry=entry)
        .select_related("author")
    )
    latest = versions[0].number if versions else 1
    # What the steps' checks read, so they need no queries of their own.
    setattr(entry, "latest", latest)  # noqa: B010 (not a model field)
    setattr(  # noqa: B010
        entry, "my_responses", [r for r in responses if r.author_id == request.user.pk]
    )
    context = {
        "entry": entry,
        "is_author": is_author,
        "allowed": ENTRY_STEPS.allowed(entry, request.user),
        "versions": versions,
        "earlier": versions[1:],
        "responses": responses,
        "open_talks": [
            r for r in responses if r.kind == Response.Kind.TALK and not r.resolved_at
        ],
        "thanks": [r for r in responses if r.kind == Response.Kind.THANKS],
    }
    if not is_author:
        context["thanked_this"] = thanked(entry, request.user)
        context["asked_to_talk"] = asked_to_talk(entry, request.user)
    return context


@login_required
@require_GET
def entry_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_visible_or_404(
        Entry.objects.select_related("author", "space"), request.user, pk=pk
    )
    return render(request, "selfmap/entry.html", _entry_context(request, entry))


def _own_entry(request, pk: int) -> Entry:
    return get_visible_or_404(
        Entry.objects.filter(author=request.user).select_related("space"),
        request.user,
        pk=pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = _own_entry(request, pk)
    form = EntryForm(
        request.POST if request.method == "POST" else None,
        initial={"title": entry.title, "text": entry.text, "helps": entry.helps or ""},
        with_kind=False,
        with_share=False,
    )
    return _form_page(
        request,
        form,
        lambda data: services.entry_update(entry=entry, by=request.user, **data),
        lambda saved: _("Saved. The earlier wording is kept in the history."),
        editing=entry,
        kind=entry.kind,
        prompts=[],
        prompt=None,
    )


def _entry_page(request, entry: Entry, **extra) -> HttpResponse:
    context = {**_entry_context(request, entry), **extra}
    return render(request, "selfmap/entry.html", context)


def _respond_part(request, entry: Entry, **extra) -> HttpResponse:
    """The thank / ask-to-talk part of the entry, for htmx (which swaps
    only 2xx answers, so a refusal goes in it with 200)."""
    context = {
        **_entry_context(request, entry),
        "next_url": next_url(request, entry.get_absolute_url()),
        **extra,
    }
    return render(request, "selfmap/entry.html#respond", context)


def _answer(
    request, entry: Entry, action, done, *, then: str, part: bool = False
) -> HttpResponse:
    """Take `action`, a step about `entry`, then tell `done` and go to
    `then`; refused, the entry's page again (its respond part for htmx,
    when `part`)."""
    return take_step(
        request,
        entry,
        action,
        page=partial(_entry_page, request, entry),
        partial=partial(_respond_part, request, entry) if part else None,
        done=done,
        then=then,
    )


def _own_entry_step(
    request, pk: int, service, done, then: str | None = None
) -> HttpResponse:
    """POST `service` on one's own entry `pk` (share it, make it private,
    delete it), then go to `then` or back where the page said."""
    entry = _own_entry(request, pk)
    return _answer(
        request,
        entry,
        lambda: service(entry=entry, by=request.user),
        done,
        then=then or next_url(request, entry.get_absolute_url()),
    )


entry_share = post_view(
    _own_entry_step,
    services.entry_share,
    gettext_lazy("Shared. Your partner can read it now."),
)
entry_unshare = post_view(
    _own_entry_step,
    services.entry_unshare,
    gettext_lazy("Only you can see it now. Your partner was not told."),
)
entry_delete = post_view(
    _own_entry_step,
    services.entry_delete,
    gettext_lazy("The entry and its history are deleted."),
    then=reverse_lazy("selfmap:index"),
)


def _of_kind(view):
    """A signed-in POST about one kind of the person's entries, in their
    space (not found without one)."""

    @wraps(view)
    def wrapper(request: AuthedRequest, kind: str) -> HttpResponse:
        membership = current_membership(request)
        if membership is None or kind not in Kind.values:
            raise Http404
        return view(request, membership, kind)

    return login_required(require_POST(wrapper))


@_of_kind
def kind_share(
    request: AuthedRequest, membership: Membership, kind: str
) -> HttpResponse:
    try:
        count = services.kind_share(
            space=membership.space, author=request.user, kind=kind
        )
    except ValidationError as error:
        return refused(partial(_index_page, request, membership, kind), None, error)
    messages.success(
        request,
        _(
            "You now share all your %(kind)s, %(count)d so far, and new ones start shared."
        )
        % {"kind": str(KIND_PLURALS[kind]).lower(), "count": count},
    )
    return redirect(next_url(request, f"/self/?kind={kind}"))


@_of_kind
def kind_unshare(
    request: AuthedRequest, membership: Membership, kind: str
) -> HttpResponse:
    services.kind_unshare(space=membership.space, author=request.user, kind=kind)
    messages.success(
        request,
        _("Your %(kind)s are private again. Your partner was not told.")
        % {"kind": str(KIND_PLURALS[kind]).lower()},
    )
    return redirect(next_url(request, f"/self/?kind={kind}"))


# Know your partner shows each kind's latest few in full; a kind's own
# page holds the rest, a page at a time, so the page weighs the same
# however much the partner has written over the years.
PARTNER_PREVIEW = 3
PARTNER_PAGE = 10


def _partner_of(user, space):
    """The partner, or in a closed space the one who left last."""
    other = space.partner_of(user)
    if other is None and not space.is_open:
        other = (
            space.memberships.exclude(user=user)
            .select_related("user")
            .order_by("-left_at")
            .first()
        )
        other = other.user if other else None
    return other


def _partner_entries(user, shared):
    """The partner's shared entries as Know your partner shows them: how
    often the wording changed and the viewer's own responses, with no query
    per entry."""
    return (
        shared.select_related("space")
        .annotate(
            n_shown=Count(
                "versions",
                filter=Q(versions__shown_at__isnull=False),
                distinct=True,
            ),
            latest=Max("versions__number"),
        )
        .prefetch_related(
            Prefetch(
                "responses",
                queryset=Response.objects.visible_to(user).filter(author=user),
                to_attr="my_responses",
            )
        )
        .order_by("-shown_at", "-id")
    )


@space_page
def partner(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Know your partner: what they share, with when it last changed; all
    kinds' latest few, or one kind (`?kind=`) a page at a time."""
    space = membership.space
    other = _partner_of(request.user, space)
    kind = request.GET.get("kind") or ""
    if kind not in Kind.values:
        kind = ""
    totals: dict[str, int] = {}
    entries: list[Any] = []  # entries, each with the viewer's answers
    page = None
    if other is not None:
        shared = Entry.objects.shared_by_partner(request.user).filter(
            space=space, author=other
        )
        totals = dict(shared.order_by().values_list("kind").annotate(n=Count("id")))
        if kind:
            page = Paginator(
                _partner_entries(request.user, shared.filter(kind=kind)),
                PARTNER_PAGE,
            ).get_page(request.GET.get("page"))
            entries = list(page)
        else:
            ranked = shared.alias(
                rank=Window(
                    RowNumber(),
                    partition_by=F("kind"),
                    order_by=[F("shown_at").desc(), F("id").desc()],
                )
            ).filter(rank__lte=PARTNER_PREVIEW)
            entries = list(_partner_entries(request.user, ranked))
    for entry in entries:
        entry.thanked_this = thanked(entry, request.user)
        entry.asked_to_talk = asked_to_talk(entry, request.user)
    groups = [g for g in _kind_groups(entries) if totals.get(g["kind"])]
    for group in groups:
        group["total"] = totals[group["kind"]]
    if kind:
        groups = [g for g in groups if g["kind"] == kind]
    return render(
        request,
        "selfmap/partner.html",
        {
            "other": other,
            "groups": groups,
            "count": sum(totals.values()),
            "kind": kind,
            "page": page,
        },
    )


@login_required
@require_POST
def respond(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_visible_or_404(
        Entry.objects.exclude(author=request.user).select_related("space", "author"),
        request.user,
        pk=pk,
    )
    kind = request.POST.get("kind", "")
    if kind == Response.Kind.THANKS:
        done = _("%(name)s will see your thank-you.") % {"name": entry.author}
    else:
        done = _("%(name)s will see that you would like to talk about this.") % {
            "name": entry.author
        }
    return _answer(
        request,
        entry,
        lambda: services.response_create(entry=entry, by=request.user, kind=kind),
        done,
        then=next_url(request, entry.get_absolute_url()),
        part=True,
    )


@login_required
@require_POST
def response_resolve(request: AuthedRequest, pk: int) -> HttpResponse:
    response = get_visible_or_404(
        Response.objects.filter(entry__author=request.user).select_related(
            "entry", "space"
        ),
        request.user,
        pk=pk,
    )
    entry = response.entry
    return _answer(
        request,
        entry,
        lambda: services.response_resolve(response=response, by=request.user),
        _("Marked as talked about."),
        then=entry.get_absolute_url(),
    )
