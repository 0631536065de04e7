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
Two common stacks have a name: a page one only reads (`space_page`:
signed in, GET, membership) and a page whose form makes something (a new
promise, moment, entry…: `space_form_page`, which also takes the POST,
once).

Outside a request, `active_membership(user)` finds the same membership.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from troth.accounts.once import submitted_once
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


def space_page[R: HttpRequest, **P](
    view: Callable[Concatenate[R, Membership, P], HttpResponse],
) -> Callable[Concatenate[R, P], HttpResponse]:
    """A signed-in page in the person's space, for reading (GET only)."""
    return login_required(require_GET(membership_required(view)))


def space_form_page[R: HttpRequest, **P](
    view: Callable[Concatenate[R, Membership, P], HttpResponse],
) -> Callable[Concatenate[R, P], HttpResponse]:
    """A signed-in page in the person's space that shows a form (GET) and
    takes it (POST, acted on once: `submitted_once`)."""
    return login_required(
        require_http_methods(["GET", "POST"])(submitted_once(membership_required(view)))
    )


def active_membership(user) -> Membership | None:
    """`user`'s current membership with its space, if any (one query)."""
    return Membership.objects.active().filter(user=user).select_related("space").first()
