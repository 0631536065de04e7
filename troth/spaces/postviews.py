"""Views that only take a POST about one object, declared in one line.

Many pages offer small buttons (take a break, mark a milestone done, share
an entry) whose views differ only in the service they call and the words
they say. Such a view is the app's own step helper with those particulars:

    take_break = post_view(_dialogue_step, services.dialogue_break)

is the view

    @login_required
    @require_POST
    def take_break(request, pk):
        return _dialogue_step(request, pk, services.dialogue_break)

Words given here are read once per request, so pass them lazily
(`gettext_lazy`) or as a function.

A page with a form that makes something saves it with `save_form`: the
service's result, or None with what went wrong on the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.views.decorators.http import require_POST

from troth.accounts.once import submitted_once
from troth.lib.http import AuthedRequest
from troth.spaces.steps import refusal_text


def post_view(
    handler: Callable[..., HttpResponse], *args, once: bool = False, **kwargs
) -> Callable[..., HttpResponse]:
    """A signed-in POST view for object `pk` answered by
    `handler(request, pk, *args, **kwargs)`. `once`: a form sent twice is
    acted on once (`submitted_once`)."""

    def view(request: AuthedRequest, pk: int) -> HttpResponse:
        return handler(request, pk, *args, **kwargs)

    if once:
        view = submitted_once(view)
    return login_required(require_POST(view))


def save_form[T](form, save: Callable[[dict[str, Any]], T]) -> T | None:
    """`save(form.cleaned_data)` when `form` is valid. None when it isn't,
    or when the service refuses: its words then stand on the form, as one
    line, above the fields."""
    if not form.is_valid():
        return None
    try:
        return save(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, refusal_text(error))
        return None
