"""Where a person can go: the tab bar on a phone, the side navigation on a
wide screen and the More page, all from this one list, so a feature has one
name everywhere (its page's heading is the same words; tests/test_navigation.py).

Each place is named by its URL; a misspelt name stops the page at once
rather than hiding a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from troth.spaces.models import current_membership


@dataclass(frozen=True)
class Place:
    key: str
    name: str | Promise
    url_name: str
    icon: str
    needs_space: bool = True


TODAY = Place("today", _("Today"), "home", "house", needs_space=False)
PROMISES = Place("promises", _("Promises"), "promises:index", "handshake")
CALENDAR = Place("calendar", _("Calendar"), "schedule:index", "calendar-days")
QUESTIONS = Place(
    "questions", _("Questions"), "questions:index", "message-circle-question"
)
MORE = Place("more", _("More"), "more", "ellipsis", needs_space=False)

GROUPS: list[tuple[str | Promise, list[Place]]] = [
    (
        _("Everyday"),
        [
            TODAY,
            PROMISES,
            Place("checkins", _("Check-ins"), "checkins:index", "activity"),
            CALENDAR,
            Place("moments", _("Moments"), "moments:index", "heart"),
            Place("agreements", _("Agreements"), "agreements:index", "scroll-text"),
        ],
    ),
    (
        _("Knowing each other"),
        [
            QUESTIONS,
            Place("selfmap", _("Self map"), "selfmap:index", "map"),
            Place(
                "dialogue", _("Guided dialogue"), "dialogue:index", "messages-square"
            ),
            Place("goals", _("Goals and adventures"), "goals:index", "flag"),
            Place("exercises", _("Exercises"), "exercises:index", "sparkles"),
        ],
    ),
    (
        _("Hard times"),
        [
            Place(
                "conflicts", _("Disagreements"), "conflicts:index", "cloud-lightning"
            ),
            Place("repair", _("Repair"), "repair:index", "bandage"),
            Place(
                "counsel", _("With a counsellor"), "counsel:index", "door-open", False
            ),
        ],
    ),
    (
        _("Looking back"),
        [
            Place("audits", _("Trust audit"), "audits:index", "clipboard-check"),
            Place("insights", _("Insights"), "insights:index", "chart-line"),
        ],
    ),
    (
        _("Settings and safety"),
        [
            Place("space", _("Your space"), "spaces:invite", "users"),
            Place("safety", _("What I share"), "safety:index", "shield", False),
            Place("settings", _("Settings"), "accounts:profile", "settings", False),
        ],
    ),
]

TABS = [TODAY, PROMISES, CALENDAR, QUESTIONS, MORE]


@dataclass(frozen=True)
class Link:
    place: Place
    url: str
    current: bool

    @property
    def key(self) -> str:
        return self.place.key

    @property
    def name(self) -> str | Promise:
        return self.place.name

    @property
    def icon(self) -> str:
        return self.place.icon


def current_url(path: str, urls: list[str]) -> str | None:
    """The place a path belongs to: the longest place URL it starts with
    ("/" only for itself)."""
    found = [
        url for url in urls if path == url or (url != "/" and path.startswith(url))
    ]
    return max(found, key=len, default=None)


PLACES = [place for _name, group in GROUPS for place in group] + [MORE]


def navigation(request) -> dict:
    """Template context for every page (settings.TEMPLATES): `nav_tabs`, the
    tab bar's places, and `nav_groups`, every place by purpose; each link
    knows whether it is the page's own place. `site_nav` writes them (Shell)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    has_space = current_membership(request) is not None
    prefix = get_script_prefix()
    here = current_url(request.path, list(place_urls(prefix).values()))
    tabs, groups = menu(prefix, has_space, here)
    sprite = static("troth/icons.svg")
    return {
        "icon_sprite": sprite,
        "nav_tabs": tabs,
        "nav_groups": groups,
        "site_nav": Shell(request, (prefix, has_space, here, sprite)),
    }


@lru_cache(maxsize=8)
def place_urls(prefix: str) -> dict[str, str]:
    """Each place's URL, reversed once per process (and script prefix)."""
    return {place.key: reverse(place.url_name) for place in PLACES}


@lru_cache(maxsize=256)
def menu(prefix: str, has_space: bool, here: str | None) -> tuple[list, list]:
    """The tab bar's links and the groups' links, for a person with or
    without a space on the page whose place has the URL `here`."""
    urls = place_urls(prefix)

    def link(place: Place) -> Link:
        return Link(place, urls[place.key], urls[place.key] == here)

    def shown(place: Place) -> bool:
        return has_space or not place.needs_space

    tabs = [link(place) for place in TABS if shown(place)]
    groups = [
        (name, links)
        for name, group in GROUPS
        if (links := [link(place) for place in group if shown(place)])
    ]
    return tabs, groups


# Stands in for the CSRF token in a cached piece of navigation: the sign-out
# form's token is the request's own, written in as the piece is used.
TOKEN = "trothnavigationcsrftoken"


class Shell:
    """The navigation's markup, rendered once per place, language and kind
    of person and then reused: the same twenty links on every page were a
    fifth of a simple page's time. `{{ site_nav.bars }}` is the tab bar and the
    side navigation (includes/nav.html), `{{ site_nav.groups }}` the More
    page's headed groups (includes/nav_groups.html)."""

    def __init__(self, request, key: tuple):
        self.request = request
        self.key = key

    @property
    def bars(self) -> SafeString:
        return self.render("includes/nav.html", headings=False)

    @property
    def groups(self) -> SafeString:
        return self.render("includes/nav_groups.html", headings=True)

    def render(self, template_name: str, *, headings: bool) -> SafeString:
        args = (template_name, headings, get_language(), *self.key)
        html = render_piece(*args) if not settings.DEBUG else _render(*args)
        # A rendered (escaped) template; the token is letters and digits.
        return mark_safe(html.replace(TOKEN, self.token))  # nosec B308 B703

    @cached_property
    def token(self) -> str:
        # One masked token for every piece of the page: masking is a fresh
        # random string each time it is asked for.
        return get_token(self.request)


def _render(
    template_name: str,
    headings: bool,
    language: str | None,
    prefix: str,
    has_space: bool,
    here: str | None,
    sprite: str,
) -> str:
    tabs, groups = menu(prefix, has_space, here)
    context = {
        "nav_tabs": tabs,
        "nav_groups": groups,
        "icon_sprite": sprite,
        "headings": headings,
        "csrf_token": TOKEN,
    }
    # No request: the piece must not read anything of the person's own.
    return get_template(template_name).render(context)


# A few hundred pieces at most: places × languages × with or without a space.
render_piece = lru_cache(maxsize=1024)(_render)
