"""Pages that belong to a couple's space.

Most pages only make sense inside a space: without one, the person is sent
home, where they can start a space or join one. Such a view takes the
membership as its second argument instead of looking it up itself:

    @login_required
    @require_GET
    @membership_required
    def index(request, membership):
        ...

It goes innermost (below `login_required` and `submitted_once`), so a
visitor is asked to sign in first and a form's token is handled as before.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from troth.spaces.models import Membership, current_membership


def membership_required[R: HttpRequest, **P](
    view: Callable[Concatenate[R, Membership, P], HttpResponse],
) -> Callable[Concatenate[R, P], HttpResponse]:
    """Run `view` with the person's current membership, or send them home
    when they have none."""

    @wraps(view)
    def wrapper(request: R, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        membership = current_membership(request)
        if membership is None:
            return redirect("home")
        return view(request, membership, *args, **kwargs)

    return wrapper
