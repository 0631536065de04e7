"""Request types for views.

Views behind `login_required` take an `AuthedRequest`: its `user` is a
signed-in `User`, which is what the type checker should assume there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from troth.accounts.models import User


class AuthedRequest(HttpRequest):
    user: User
    # Set on every request by django_htmx's HtmxMiddleware.
    htmx: HtmxDetails
