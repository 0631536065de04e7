"""Check that a kind of thing's pages and services agree on its steps:
for every situation, person and step, the step is offered
(`STEPS.allowed`) exactly when the service lets that person take it, and a
refusal carries the code the declaration gives. Nothing is kept."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from django.db import transaction

from troth.spaces.steps import Refused, Steps


def _takes(call: Callable[[object, object], object], obj, user) -> Refused | None:
    with transaction.atomic():
        try:
            call(obj, user)
        except Refused as refusal:
            return refusal
        finally:
            transaction.set_rollback(True)
    return None


def assert_pages_agree(
    steps: Steps,
    situations: Mapping[str, Callable[[], object]],
    people: Iterable,
    calls: Mapping[str, Callable[[object, object], object]],
) -> tuple[int, int]:
    """`situations` give a fresh copy of the object (read from the database)
    in each situation; `calls[name](obj, user)` takes step `name` through
    its service. Returns how many (situation, person, step) were offered and
    refused, so a test can show it wasn't vacuous."""
    assert set(calls) == set(steps.steps), "every declared step is exercised"
    people = list(people)
    offered = refused = 0
    for label, fresh in situations.items():
        for user in people:
            allowed = steps.allowed(fresh(), user)
            for name, call in calls.items():
                obj = fresh()
                refusal = _takes(call, obj, user)
                where = f"{name} by {user} when {label}"
                assert (refusal is None) == (name in allowed), where
                if refusal is None:
                    offered += 1
                    continue
                refused += 1
                if refusal.code in ("closed", "not_member"):
                    continue  # the partner guard answers first
                said = steps.refusal(name, fresh(), user)
                assert said is not None and said.code == refusal.code, where
    return offered, refused


def fresh_copies(objects: Mapping[str, object]) -> dict[str, Callable[[], object]]:
    """`assert_pages_agree`'s situations for objects already made: each
    read again from the database whenever it is asked for."""

    def reader(obj) -> Callable[[], object]:
        return lambda: type(obj)._default_manager.get(pk=obj.pk)

    return {label: reader(obj) for label, obj in objects.items()}
