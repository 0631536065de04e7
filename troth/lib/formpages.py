"""The page that holds a form, shown before it is sent or again with its
errors.

    form = LeaveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ...
        return redirect("home")
    return form_page(request, "spaces/leave.html", form)

A step taken through a form has its own view (`troth/spaces/stepviews.py:
form_step`); this is for the other forms: settings, a reset, leaving.
"""

from __future__ import annotations

from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def form_page(
    request: HttpRequest, template: str, form: BaseForm, context: dict | None = None
) -> HttpResponse:
    """`template` with `form` (and `context`): 200 when the form is shown
    fresh, 400 when it came back with errors."""
    return render(
        request,
        template,
        {"form": form, **(context or {})},
        status=400 if form.is_bound else 200,
    )
