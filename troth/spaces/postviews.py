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
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_POST

from troth.accounts.once import submitted_once
from troth.lib.http import AuthedRequest


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
