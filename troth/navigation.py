"""Where a person can go: the tab bar on a phone, the side navigation on a
wide screen and the More page, all from this one list, so a feature has one
name everywhere (its page's heading is the same words; tests/test_navigation.py).

Each place is named by its URL; a misspelt name stops the page at once
rather than hiding a link.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import Promise
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


def navigation(request) -> dict:
    """Template context for every page (settings.TEMPLATES): `nav_tabs`, the
    tab bar's places, and `nav_groups`, every place by purpose; each link
    knows whether it is the page's own place."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    has_space = current_membership(request) is not None
    places = [place for _name, group in GROUPS for place in group] + [MORE]
    urls = {place.key: reverse(place.url_name) for place in places}
    here = current_url(request.path, list(urls.values()))

    def link(place: Place) -> Link:
        return Link(place, urls[place.key], urls[place.key] == here)

    def shown(place: Place) -> bool:
        return has_space or not place.needs_space

    return {
        "icon_sprite": static("troth/icons.svg"),
        "nav_tabs": [link(place) for place in TABS if shown(place)],
        "nav_groups": [
            (name, links)
            for name, group in GROUPS
            if (links := [link(place) for place in group if shown(place)])
        ],
    }
