"""Safety on Today: no card, one first step (a short tour of the "What I
share" page). Troth can't tell that someone read it, so it is ticked by hand."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from troth.spaces.firstrun import Step


def cards(request, membership) -> list[dict]:
    return []


def first_steps(membership) -> list[Step]:
    return [Step("safety", gettext_lazy("A short safety tour"), "safety:index", 60)]
