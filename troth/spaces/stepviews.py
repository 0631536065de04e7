"""The one step view: POST a step, then show the result or the refusal.

    @login_required
    @require_POST
    def mark_done(request, pk):
        promise = _get(request, pk)
        return take_step(
            request, promise,
            lambda: services.promise_mark_done(promise=promise, by=request.user),
            done=_("Marked as done."),
            page=lambda **extra: _page(request, promise, **extra),
        )

A `form`, when given, is checked first. On success the person is told
`done` (a text, or a function of nothing, called after the step) and sent
back to the object's page (or `then`, a URL or a function of nothing
giving one after the step); an htmx request gets `partial`
instead when one is given, with `done` in it (and a refusal in it with
200, as htmx swaps only 2xx answers). Otherwise the object's page is shown again, as
it is now, and nothing was changed: a refusal (`Refused`, 409) above it,
through `includes/refusal.html`; input that isn't right (400) as errors on
the form.

`form_step` is the same for a page that holds a form: GET shows `template`
with the form and `context`; POST checks the form and takes the step.

    return form_step(
        request, repair, form, "repair/plan_promise.html",
        lambda: services.plan_promise_add(repair=repair, by=request.user,
                                          **form.cleaned_data),
        context={"repair": repair}, done=_("Added to the plan."),
    )
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from troth.spaces.steps import Refused, refusal_text

Page = Callable[..., HttpResponse]


def refusal_status(error: ValidationError) -> int:
    return 409 if isinstance(error, Refused) else 400


def refused(page: Page, obj, error: ValidationError, form=None) -> HttpResponse:
    """The object's page again, as it is now: a refusal above it, or the
    input errors on `form`."""
    if getattr(obj, "pk", None) is not None:
        obj.refresh_from_db()
    if form is not None and not isinstance(error, Refused):
        if hasattr(error, "error_dict") and not set(error.error_dict) <= set(
            form.fields
        ):
            # A field the form doesn't have: say it above the form.
            error = ValidationError(error.messages)
        form.add_error(None, error)
        response = page()
    else:
        response = page(refusal=refusal_text(error))
    response.status_code = refusal_status(error)
    return response


def take_step(
    request: HttpRequest,
    obj,
    action: Callable[[], object],
    *,
    page: Page,
    done: str | Callable[[], str] | None = None,
    then: str | Callable[[], str] | None = None,
    partial: Page | None = None,
    form=None,
) -> HttpResponse:
    """Check `form` (if any), run `action` (a service call taking one step
    on `obj`) and answer; see the module's docstring."""
    htmx = bool(getattr(request, "htmx", False))
    show = partial if partial is not None and htmx else page
    if form is not None and not form.is_valid():
        response = show()
        response.status_code = 400
        return response
    try:
        action()
    except ValidationError as error:
        response = refused(show, obj, error, form)
        if show is partial:
            # htmx swaps only 2xx answers: the refusal shows in the part.
            response.status_code = 200
        return response
    said = done() if callable(done) else done
    if partial is not None and htmx:
        return partial(done=said)
    if said:
        messages.success(request, said)
    return redirect((then() if callable(then) else then) or obj)


def form_step(
    request: HttpRequest,
    obj,
    form,
    template: str,
    action: Callable[[], object],
    *,
    context: dict | None = None,
    done: str | Callable[[], str] | None = None,
    then: str | Callable[[], str] | None = None,
) -> HttpResponse:
    """A page holding `form`: GET shows it, POST takes the step (see the
    module's docstring). `action` runs only once the form is valid, so it
    may read `form.cleaned_data`."""

    def page(**extra) -> HttpResponse:
        return render(request, template, {"form": form, **(context or {}), **extra})

    if request.method == "GET":
        return page()
    return take_step(request, obj, action, page=page, form=form, done=done, then=then)
