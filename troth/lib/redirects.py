"""Where to send a person after an action: the one reader of `next`.

A form may carry a hidden `next` so that a button on the dashboard brings
the person back to the dashboard. The value comes from the browser, so it is
untrusted: only an absolute path on this site is followed, and anything else
falls back to the view's default page. This never raises: the action has
already been saved when the redirect is chosen, so a bad `next` must not turn
a success into a 500.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

# Longer than any path Troth makes; a longer value is not one of ours.
MAX_LENGTH = 2000


def safe_path(candidate: object) -> str | None:
    """`candidate` if it is a same-origin absolute path, else None.

    Only "/something": not "abc" (Django's `redirect` would try to reverse it
    as a view name and fail), not "//host" or "/\\host" (browsers read both
    as another host), no scheme ("https:", "javascript:"), and no control
    characters or whitespace (a newline cannot go in a header, and browsers
    drop tabs inside URLs, which can turn "/\\t/host" into "//host").
    """
    if not isinstance(candidate, str) or not 0 < len(candidate) <= MAX_LENGTH:
        return None
    if not candidate.startswith("/") or candidate.startswith(("//", "/\\")):
        return None
    if "\\" in candidate or any(
        ch.isspace() or not ch.isprintable() for ch in candidate
    ):
        return None
    # Django's own check as well, with no host allowed: a path names none.
    if not url_has_allowed_host_and_scheme(candidate, allowed_hosts=None):
        return None
    return candidate


def next_url(request: HttpRequest, default: str) -> str:
    """The page to go to after this request: its `next` if safe, else `default`.

    `default` may be a path or a URL name ("checkins:index"). `next` is read
    from the POST body of a POST and from the query string otherwise.
    """
    source = request.POST if request.method == "POST" else request.GET
    return safe_path(source.get("next")) or resolve_url(default)
