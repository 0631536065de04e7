"""The shared model pieces of troth/lib/models.py: every row named and
linked by `Linked` has a name and a page that exist, and the yes/no
properties answer as the methods they replaced did."""

from __future__ import annotations

import string

import pytest
from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from troth.dialogue.models import Dialogue
from troth.dialogue.models import Status as DialogueStatus
from troth.goals.models import Milestone
from troth.lib.models import Linked
from troth.promises.models import Promise, State

LINKED = sorted(
    (model for model in apps.get_models() if issubclass(model, Linked)),
    key=lambda model: model._meta.label,
)


def own(model, name: str) -> bool:
    """Whether `model` (or a base below Linked) defines `name` itself."""
    for base in model.__mro__:
        if base is Linked:
            return False
        if name in vars(base):
            return True
    return False


def attribute_names(template: str) -> set[str]:
    """The attributes a format string such as "Goal {pk}" reads."""
    return {
        field.split(".")[0].split("[")[0]
        for _, field, _, _ in string.Formatter().parse(template)
        if field
    }


def knows(model, name: str) -> bool:
    if name == "pk" or hasattr(model, name):
        return True
    return name in {field.attname for field in model._meta.concrete_fields}


def test_there_are_linked_models_to_check():
    assert len(LINKED) > 10


@pytest.mark.parametrize("model", LINKED, ids=lambda model: model._meta.label)
def test_every_linked_row_has_a_name_that_reads_its_own_attributes(model):
    if own(model, "__str__"):
        return
    assert hasattr(model, "label"), f"{model._meta.label} has no label"
    for name in attribute_names(model.label) | attribute_names(model.url_fragment):
        assert knows(model, name), f"{model._meta.label}.label reads {name}"


@pytest.mark.parametrize("model", LINKED, ids=lambda model: model._meta.label)
def test_every_linked_row_links_to_a_page_that_exists(model):
    if own(model, "get_absolute_url"):
        return
    assert hasattr(model, "url_name"), f"{model._meta.label} has no url_name"
    try:
        if model.url_pk is None:
            reverse(model.url_name)
        else:
            assert knows(model, model.url_pk.split(".")[0])
            reverse(model.url_name, kwargs={"pk": 1})
    except NoReverseMatch as error:
        pytest.fail(f"{model._meta.label}: {error}")


def test_it_tells_a_row_in_one_of_the_states_from_one_in_another():
    assert Dialogue(status=DialogueStatus.BREAK).is_ongoing is True
    assert Dialogue(status=DialogueStatus.FINISHED).is_ongoing is False
    assert Promise(state=State.MISSED).is_settled is True
    assert Promise(state=State.DONE).is_settled is False


def test_it_tells_a_step_that_was_done_from_one_that_was_not():
    assert Milestone(done_at=timezone.now()).is_done is True
    assert Milestone(done_at=None).is_done is False
