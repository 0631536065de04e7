"""Request types for views.

Views behind `login_required` take an `AuthedRequest`: its `user` is a
signed-in `User`, which is what the type checker should assume there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    # django-stubs reads this alias as settings.AUTH_USER_MODEL, so the type
    # checker sees Troth's user while lib names no app.
    from django.contrib.auth.models import _User as User


class AuthedRequest(HttpRequest):
    user: User
    # Set on every request by django_htmx's HtmxMiddleware.
    htmx: HtmxDetails
