"""The authorization matrix: the machinery behind tests/test_authorization_matrix.py.

Every URL pattern of Troth's own views that takes an object id must have a
`Case` in its app's `tests/matrix.py` (a dict `CASES` from URL name to a list
of cases). A case makes a fresh object in a fixed world and says who may
reach it; the matrix requests the URL as each of alice, bob (her partner),
carol and dave (another couple), eve (no space) and kim (alice and bob's
counsellor: no space of her own, an open window onto theirs with every area
in scope), and checks that exactly the people allowed get something other
than 404, and that nobody gets a 5xx. A case that doesn't name kim expects
a 404 for her: a counsellor reaches only the counsellor's pages of the
window she holds.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.util import find_spec

from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

PEOPLE = ("alice", "bob", "carol", "dave", "eve", "kim")
ID_KWARGS = {"pk", "id", "token", "uuid", "slug"}


@dataclass
class World:
    alice: object
    bob: object
    carol: object
    dave: object
    eve: object
    space: object  # alice and bob
    other_space: object  # carol and dave
    kim: object = None  # alice and bob's counsellor
    window: object = None  # kim's open window onto their space

    def person(self, name: str):
        return getattr(self, name)


@dataclass
class Case:
    """`make(world)` returns the URL kwargs for a fresh object; `allowed` names
    who may reach it; `method` is how the view is called."""

    label: str
    make: Callable[[World], dict]
    allowed: Iterable[str]
    method: str = "GET"
    data: dict = field(default_factory=dict)

    def __post_init__(self):
        self.allowed = frozenset(self.allowed)
        assert self.allowed <= set(PEOPLE), self.allowed


def takes_object_id(pattern: URLPattern) -> bool:
    names = set(pattern.pattern.converters)
    return any(n in ID_KWARGS or n.endswith(("_pk", "_id")) for n in names)


def walk(
    resolver: URLResolver, namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from walk(entry, inner)
        elif entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, entry


def object_patterns(urlconf=None) -> dict[str, URLPattern]:
    """Troth's own views whose URL names an object."""
    found = {}
    for name, pattern in walk(get_resolver(urlconf)):
        module = getattr(pattern.callback, "__module__", "")
        if module.startswith("troth.") and takes_object_id(pattern):
            found[name] = pattern
    return found


def registered_cases() -> tuple[dict[str, list[Case]], dict[str, str]]:
    cases: dict[str, list[Case]] = {}
    exempt: dict[str, str] = {}
    for config in apps.get_app_configs():
        dotted = f"{config.name}.tests.matrix"
        if (
            config.name.startswith("troth.")
            and find_spec(f"{config.name}.tests")
            and find_spec(dotted)
        ):
            module = importlib.import_module(dotted)
            for name, value in getattr(module, "CASES", {}).items():
                cases.setdefault(name, []).extend(value)
            exempt.update(getattr(module, "EXEMPT", {}))
    return cases, exempt


def check(world: World, url_name: str, case: Case, *, urlconf=None) -> list[str]:
    """Request the case's URL as each person; return what was wrong."""
    from django.urls import reverse

    problems = []
    clients = {}
    for name in PEOPLE:
        client = Client(raise_request_exception=False)
        client.force_login(world.person(name))
        clients[name] = client
    for name in PEOPLE:
        kwargs = case.make(world)
        url = reverse(url_name, kwargs=kwargs, urlconf=urlconf)
        client = clients[name]
        if case.method == "POST":
            response = client.post(url, case.data)
        elif case.method == "DELETE":
            response = client.delete(url)
        else:
            response = client.get(url, case.data)
        status = response.status_code
        allowed = name in case.allowed
        if status >= 500:
            problems.append(
                f"{url_name} [{case.label}] as {name}: server error {status}"
            )
        elif allowed and status == 404:
            problems.append(
                f"{url_name} [{case.label}] as {name}: 404 but should be allowed"
            )
        elif not allowed and status != 404:
            problems.append(
                f"{url_name} [{case.label}] as {name}: {status} but should be 404"
            )
    return problems
