from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.audits import figures as audit_figures
from troth.audits import services
from troth.audits import story as audit_story
from troth.audits.forms import AuditDayForm, CommitmentForm, ReflectionForm
from troth.audits.markdown import audit_markdown
from troth.audits.models import (
    Audit,
    AuditSettings,
    Commitment,
    Reflection,
    add_months,
)
from troth.audits.steps import START, STEPS, my_reflection
from troth.lib.access import get_visible_or_404
from troth.lib.downloads import password_first
from troth.lib.http import AuthedRequest
from troth.lib.time import local_today, space_today
from troth.spaces.membership import membership_required, space_page
from troth.spaces.models import Membership
from troth.spaces.postviews import post_view
from troth.spaces.stepviews import form_step, refused, take_step

PER_PAGE = 12


def _headline(compared, names: dict[str, str]) -> list[tuple[str, object]]:
    """The few figures the history shows for each audit, with labels that
    make sense on their own."""
    found = []
    for c in compared:
        key, who = c.row.key, names.get(c.row.who, "")
        if key.endswith(".kept_share"):
            found.append((_("%(name)s's promises kept") % {"name": who}, c))
        elif key == "rituals.happened":
            found.append((_("Rituals kept"), c))
        elif key == "conflicts.shared":
            found.append((_("Disagreements shared"), c))
        elif key == "conflicts.repaired":
            found.append((_("Disagreements repaired"), c))
    return found


def names_of(space) -> dict[str, str]:
    """Display names of everyone who has been a partner in `space`. One query."""
    return {
        str(m.user_id): str(m.user)
        for m in space.memberships.select_related("user").order_by("joined_at")
    }


def _next_audit(
    space, settings: AuditSettings | None, now: dt.datetime
) -> dt.date | None:
    if settings is None:
        return None
    partners = space.partners
    today = space_today(partners, now)
    months = set(
        Audit.objects.filter(
            space=space,
            month__gte=today.replace(day=1),
            month__lte=add_months(today, 2),
        ).values_list("month", flat=True)
    )
    return services.next_audit_date(settings.day, today, months)


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """The audit day, this month's audit, and every audit before it, each
    compared with the one before."""
    return _index_page(request, membership.space)


def _index_page(request: AuthedRequest, space, **extra) -> HttpResponse:
    now = timezone.now()
    settings = AuditSettings.objects.filter(space=space).first()
    audits = Audit.objects.visible_to(request.user).filter(space=space)
    ordered = audits.order_by("-month", "-id")
    page = Paginator(ordered, PER_PAGE).get_page(request.GET.get("page"))
    # The page's audits and, in the same read, the one just before its
    # oldest, to compare that one too (one audit a month: the next row).
    start = (page.number - 1) * PER_PAGE
    found = list(ordered[start : start + PER_PAGE + 1])
    on_page = page.object_list = found[:PER_PAGE]
    before_page = found[PER_PAGE] if len(found) > PER_PAGE else None
    names = names_of(space)
    partner = space.partner_of(request.user)
    status = _sign_offs([a.pk for a in on_page])
    # Each audit's rows made once: it is shown, and compared with the next.
    rows = [audit_figures.rows(audit.figures, names) for audit in on_page]
    history = []
    for i, audit in enumerate(on_page):
        previous = on_page[i + 1] if i + 1 < len(on_page) else before_page
        before: list[audit_figures.Row] = []
        if previous is not None and previous.figures:
            before = (
                rows[i + 1]
                if previous is not before_page
                else audit_figures.rows(previous.figures, names)
            )
        compared = audit_figures.compare_rows(rows[i], before)
        headline = _headline(compared, names)
        signed = status.get(audit.pk, {})
        history.append(
            {
                "audit": audit,
                "headline": headline,
                "state": _state(audit, signed, request.user, partner),
                "has_previous": previous is not None,
            }
        )
    return render(
        request,
        "audits/index.html",
        {
            "settings": settings,
            "form": AuditDayForm(initial={"day": settings.day if settings else 1}),
            "page": page,
            "history": history,
            "next_audit": _next_audit(space, settings, now),
            "allowed": START.allowed(space, request.user, now),
            "partner": partner,
            "me": str(request.user.pk),
            **extra,
        },
    )


def _state(audit: Audit, signed: dict[str, bool], user, partner) -> str:
    """closed; "you": the partner signed off and waits for `user`;
    "partner": `user` signed off and waits; otherwise "open"."""
    if audit.is_closed:
        return "closed"
    if (
        partner is not None
        and signed.get(str(partner.pk))
        and not signed.get(str(user.pk))
    ):
        return "you"
    if signed.get(str(user.pk)):
        return "partner"
    return "open"


def _sign_offs(audit_ids: list[int]) -> dict[int, dict[str, bool]]:
    """Per audit, who has written a reflection and who has signed off. Only
    the facts, never the words (both partners see who has done their part)."""
    found: dict[int, dict[str, bool]] = {}
    for audit_id, author_id, signed in Reflection.objects.filter(
        audit_id__in=audit_ids
    ).values_list("audit_id", "author_id", "signed_off_at"):
        found.setdefault(audit_id, {})[str(author_id)] = signed is not None
    return found


@login_required
@require_http_methods(["GET", "POST"])
@membership_required
def audit_settings(request: AuthedRequest, membership: Membership) -> HttpResponse:
    settings = AuditSettings.objects.filter(space=membership.space).first()
    form = AuditDayForm(
        request.POST if request.method == "POST" else None,
        initial={"day": settings.day if settings else 1},
    )
    return form_step(
        request,
        None,
        form,
        "audits/settings.html",
        lambda: services.audit_day_set(
            space=membership.space, by=request.user, day=form.cleaned_data["day"]
        ),
        context={"settings": settings},
        done=_("Your audit day is saved."),
        then="audits:index",
    )


@login_required
@require_POST
@membership_required
def start(request: AuthedRequest, membership: Membership) -> HttpResponse:
    try:
        audit = services.audit_start(space=membership.space, by=request.user)
    except ValidationError as error:
        return refused(partial(_index_page, request, membership.space), None, error)
    messages.success(request, _("This month's audit is ready."))
    return redirect(audit.get_absolute_url())


def _default_due(space, now: dt.datetime, user) -> dt.date:
    settings = AuditSettings.objects.filter(space=space).first()
    today = local_today(user.tz, now)
    if settings is None:
        return today + dt.timedelta(days=30)
    return services.audit_date(settings.day, add_months(today.replace(day=1), 1))


def detail_context(request: AuthedRequest, audit: Audit, **extra) -> dict:
    """Everything the audit page and its printable version show. A fixed
    number of queries, whatever the history."""
    user = request.user
    space = audit.space
    names = names_of(space)
    previous = (
        Audit.objects.filter(space=space, month__lt=audit.month)
        .order_by("-month")
        .first()
    )
    compared = audit_figures.compare(
        audit.figures, previous.figures if previous else None, names
    )
    reflections = list(Reflection.objects.visible_to(user).filter(audit=audit))
    mine = next((r for r in reflections if r.author_id == user.pk), None)
    theirs = [r for r in reflections if r.author_id != user.pk]
    signed = _sign_offs([audit.pk]).get(audit.pk, {})
    partner = space.partner_of(user)
    partner_id = str(partner.pk) if partner else None
    commitments = list(
        Commitment.objects.visible_to(user)
        .filter(audit=audit)
        .select_related("author", "promise")
        .order_by("created", "id")
    )
    my_commitments = [c for c in commitments if c.author_id == user.pk]
    allowed = STEPS.allowed(audit, user)
    tables = audit_figures.tables(compared, names)
    context = {
        "audit": audit,
        "previous": previous,
        "sections": audit_figures.sections(compared),
        "tables": tables,
        "story": audit_story.story(compared, names, str(user.pk)),
        "section_charts": audit_story.section_charts(tables, previous is not None),
        **audit_figures.page_context(audit.figures, names),
        "mine": mine,
        "theirs": theirs,
        "partner": partner,
        "partner_wrote": bool(partner_id and partner_id in signed),
        "partner_signed": bool(partner_id and signed.get(partner_id)),
        "i_signed": bool(mine and mine.is_signed_off),
        "commitments": commitments,
        "my_commitments": my_commitments,
        "allowed": allowed,
        "first_day": audit.first_day(user.tz),
        "last_day": audit.last_day(user.tz),
    }
    if "commitment_form" not in extra and "commit" in allowed:
        extra["commitment_form"] = CommitmentForm(
            initial={"due_date": _default_due(space, timezone.now(), user)}
        )
    context.update(extra)
    return context


def _audit(request: AuthedRequest, pk: int) -> Audit:
    # What the audit's steps read (troth.audits.steps), fetched with it: the
    # reflections, and only who proposed each commitment.
    return get_visible_or_404(
        Audit.objects.select_related("space").prefetch_related(
            "reflections",
            Prefetch("commitments", Commitment.objects.only("audit_id", "author_id")),
        ),
        request.user,
        pk=pk,
    )


def _page(
    request: AuthedRequest, audit: Audit, template="audits/detail.html", **extra
) -> HttpResponse:
    return render(request, template, detail_context(request, audit, **extra))


def _audit_page(template: str) -> Callable[..., HttpResponse]:
    """The GET view showing the audit `pk` with `template`."""

    @login_required
    @require_GET
    def view(request: AuthedRequest, pk: int) -> HttpResponse:
        return _page(request, _audit(request, pk), template)

    return view


detail = _audit_page("audits/detail.html")
# The audit as a page to print or save as PDF (the print stylesheet in
# troth.css hides everything but the audit).
printable = _audit_page("audits/print.html")


@login_required
@require_GET
def export_markdown(request: AuthedRequest, pk: int) -> HttpResponse:
    """The audit as a Markdown file, as the person downloading it sees it:
    after the password, like every download of a person's data."""
    audit = _audit(request, pk)
    asked = password_first(request, back=reverse("audits:detail", args=[pk]))
    if asked is not None:
        return asked
    context = detail_context(request, audit)
    response = HttpResponse(
        audit_markdown(context, viewer=request.user),
        content_type="text/markdown; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="trust-audit-{audit.month:%Y-%m}.md"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def reflection(request: AuthedRequest, pk: int) -> HttpResponse:
    """Write or change one's own reflection on the month."""
    audit = _audit(request, pk)
    back = f"{audit.get_absolute_url()}#reflections"
    if request.method == "POST":
        form = ReflectionForm(request.POST)
    elif STEPS.refusal("reflect", audit, request.user) is not None:
        # Closed, or signed off: nothing to write here (the partner guard
        # answers a POST).
        return redirect(back)
    else:
        form = ReflectionForm(initial=_answers(my_reflection(audit, request.user)))
    return form_step(
        request,
        audit,
        form,
        "audits/reflection.html",
        lambda: services.reflection_save(
            audit=audit, by=request.user, **form.cleaned_data
        ),
        # Asked by the page only when it is shown.
        context={
            "audit": audit,
            "partner": partial(audit.space.partner_of, request.user),
        },
        done=_("Your reflection is saved."),
        then=back,
    )


def _answers(mine: Reflection | None) -> dict[str, str]:
    if mine is None:
        return {}
    return {name: getattr(mine, name) for name in ReflectionForm.base_fields}


def _audit_step(
    request: AuthedRequest,
    audit: Audit,
    service: Callable[..., object],
    done: str | Callable[[], str],
    /,
    *,
    then: str | None = None,
    form: CommitmentForm | None = None,
    **fields,
) -> HttpResponse:
    """This person takes the step `service` on `audit` (with `fields`, and
    the form's answers once they are right), from the audit's page, shown
    again with the refusal or the form's errors."""
    extra = {} if form is None else {"commitment_form": form}
    return take_step(
        request,
        audit,
        lambda: service(
            by=request.user, **fields, **(form.cleaned_data if form else {})
        ),
        page=partial(_page, request, audit, **extra),
        done=done,
        then=then,
        form=form,
    )


def _commitments(audit: Audit) -> str:
    return f"{audit.get_absolute_url()}#commitments"


@login_required
@require_POST
def commitment_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    commitment = get_visible_or_404(
        Commitment.objects.select_related("audit", "audit__space"), request.user, pk=pk
    )
    return _audit_step(
        request,
        commitment.audit,
        services.commitment_remove,
        _("Your commitment is taken back."),
        then=_commitments(commitment.audit),
        commitment=commitment,
    )


def _signed_off(audit: Audit) -> str:
    if audit.is_closed:
        return _(
            "You have both signed off: the audit is closed and your commitments "
            "are now promises."
        )
    return _("You have signed off. Your partner will be told.")


def _on_audit(
    request: AuthedRequest,
    pk: int,
    service: Callable[..., object],
    done: Callable[[Audit], str],
    *,
    form_class: type[CommitmentForm] | None = None,
    then: Callable[[Audit], str] | None = None,
) -> HttpResponse:
    """POST the step `service` on the audit `pk` (with the answers of a
    `form_class` form, if any); `done(audit)` are the words after it and
    `then(audit)` where to go back to."""
    audit = _audit(request, pk)
    return _audit_step(
        request,
        audit,
        service,
        lambda: done(audit),
        then=then(audit) if then else None,
        form=form_class(request.POST) if form_class else None,
        audit=audit,
    )


commitment_add = post_view(
    _on_audit,
    services.commitment_add,
    lambda audit: _("Your commitment is added."),
    form_class=CommitmentForm,
    then=_commitments,
    once=True,
)
sign_off = post_view(_on_audit, services.audit_sign_off, _signed_off)
sign_off_withdraw = post_view(
    _on_audit,
    services.audit_sign_off_withdraw,
    lambda audit: _("Your sign-off is taken back. You can change your part."),
)


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    """What each audit figure counts, in plain words (docs/figures/audit-figures.md)."""
    return render(request, "audits/how.html")
