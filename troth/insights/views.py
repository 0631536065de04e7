from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from troth.insights import trends
from troth.insights.sections import Period, contributors, opening
from troth.lib.http import AuthedRequest
from troth.spaces.membership import space_page
from troth.spaces.models import Membership

PERIODS = (6, 12)


def _months_asked(request: AuthedRequest) -> int:
    """The period in months from the query string, or the first if it is
    missing or not one offered."""
    try:
        count = int(request.GET.get("months", PERIODS[0]))
    except ValueError:
        count = PERIODS[0]
    return count if count in PERIODS else PERIODS[0]


@space_page
def index(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """Trends over the last months: a few sentences on what changed, then
    each trend drawn, tabled and summarised, with a link to how it is
    computed: one section from each feature that offers
    one (its `insights.py`), in their order. A fixed number of queries for a
    period, however much data there is."""
    user = request.user
    space = membership.space
    count = _months_asked(request)
    now = timezone.now()
    period = Period(
        user=user,
        space=space,
        partner=space.partner_of(user),
        months=trends.recent_months(now, user.tz, count),
        now=now,
    )
    sections = [
        found
        for module in contributors()
        if (found := module.section(period)) is not None
    ]
    return render(
        request,
        "insights/index.html",
        {
            "count": count,
            "periods": PERIODS,
            "months": period.months,
            "sections": sections,
            "story": opening(sections),
        },
    )


@login_required
@require_GET
def how(request: AuthedRequest) -> HttpResponse:
    """How each insight is computed (docs/figures/insights-trends.md and
    docs/figures/insights-own-data.md), with the numbers the features quote."""
    context: dict = {}
    for module in contributors():
        if hasattr(module, "how_context"):
            context |= module.how_context()
    return render(request, "insights/how.html", context)
