"""Append-only and always-shared hold on every path that writes a row: a
model's `save()`, its queryset's `update()`, `bulk_update()` and `delete()`
(troth/lib/appendonly.py, troth/lib/content.py)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

from troth.lib.appendonly import AppendOnly, AppendOnlyError, AppendOnlyQuerySet
from troth.lib.content import (
    AlwaysPrivate,
    AlwaysShared,
    ContentQuerySet,
    FixedVisibilityQuerySet,
    Visibility,
)
from troth.promises.models import Promise, PromiseEvent
from troth.promises.tests.helpers import make_promise
from troth.repair import services as repair_services
from troth.repair.models import Note
from troth.repair.tests.factories import opened

# Every model that was guarded by hand before the bases existed: moving one
# off its base (or giving it a manager without the guard) fails here.
APPEND_ONLY = {
    "agreements.AgreementEvent",
    "agreements.ClauseVersion",
    "dialogue.Turn",
    "promises.PromiseEvent",
    "repair.Account",
    "repair.ApologyAnswer",
    "repair.ApologyVersion",
    "repair.Mirror",
    "repair.PlanItem",
    "repair.RepairEvent",
    "selfmap.EntryVersion",
}
ALWAYS_SHARED = {
    "agreements.Agreement",
    "checkins.Status",
    "dialogue.Dialogue",
    "dialogue.Turn",
    "promises.Promise",
    "promises.PromiseSeries",
    "repair.Account",
    "repair.ApologyAnswer",
    "repair.ApologyVersion",
    "repair.Mirror",
    "repair.PlanItem",
    "repair.Repair",
}
ALWAYS_PRIVATE = {
    "repair.ForgivenessCheckin",
    "repair.Note",
    "repair.TherapySession",
}


def labels(base) -> set[str]:
    return {m._meta.label for m in apps.get_models() if issubclass(m, base)}


def test_it_guards_every_append_only_model_on_every_manager():
    assert labels(AppendOnly) >= APPEND_ONLY
    for label in labels(AppendOnly):
        model = apps.get_model(label)
        assert model.check() == []
        for manager in model._meta.managers:
            assert isinstance(manager.all(), AppendOnlyQuerySet), label


def test_it_guards_every_fixed_visibility_model_on_every_manager():
    assert labels(AlwaysShared) >= ALWAYS_SHARED
    assert labels(AlwaysPrivate) >= ALWAYS_PRIVATE
    for label in labels(AlwaysShared) | labels(AlwaysPrivate):
        model = apps.get_model(label)
        assert model.check() == []
        for manager in model._meta.managers:
            assert isinstance(manager.all(), FixedVisibilityQuerySet), label


def troth_errors(model) -> list[str]:
    return [e.id for e in model.check() if e.id.startswith("troth.")]


@isolate_apps("troth.promises")
def test_the_check_catches_a_manager_without_the_guard():
    class Unguarded(AppendOnly):
        objects = models.Manager()  # type: ignore[misc]

        class Meta:
            app_label = "promises"

    class Unfixed(AlwaysShared):
        objects = ContentQuerySet.as_manager()  # type: ignore[misc]

        class Meta:
            app_label = "promises"

    assert troth_errors(Unguarded) == ["troth.E001"]
    assert troth_errors(Unfixed) == ["troth.E002"]


class TestAppendOnly:
    def test_it_refuses_an_update_and_changes_nothing(self, alice, bob, space):
        promise = make_promise(space, alice)
        event = PromiseEvent.objects.get(promise=promise)
        before = (event.note, event.kind)
        with pytest.raises(AppendOnlyError, match="append-only"):
            PromiseEvent.objects.filter(pk=event.pk).update(note="Rewritten")
        with pytest.raises(AppendOnlyError, match="append-only"):
            promise.events.update(kind="kept")
        event.note = "Rewritten"
        with pytest.raises(AppendOnlyError, match="append-only"):
            PromiseEvent.objects.bulk_update([event], ["note"])
        stored = PromiseEvent.objects.get(pk=event.pk)
        assert (stored.note, stored.kind) == before

    def test_it_refuses_a_save_of_a_stored_row(self, alice, bob, space):
        promise = make_promise(space, alice)
        event = PromiseEvent.objects.get(promise=promise)
        before = event.note
        event.note = "Rewritten"
        with pytest.raises(AppendOnlyError, match="append-only"):
            event.save()
        with pytest.raises(AppendOnlyError, match="append-only"):
            event.save(update_fields=["note"])
        assert PromiseEvent.objects.get(pk=event.pk).note == before

    def test_it_refuses_a_delete(self, alice, bob, space):
        promise = make_promise(space, alice)
        event = PromiseEvent.objects.get(promise=promise)
        with pytest.raises(AppendOnlyError, match="append-only"):
            PromiseEvent.objects.filter(promise=promise).delete()
        with pytest.raises(AppendOnlyError, match="append-only"):
            event.delete()
        assert PromiseEvent.objects.filter(pk=event.pk).exists()

    def test_the_history_goes_with_its_promise(self, alice, bob, space):
        # Django's cascade uses the plain base manager: deleting the thing
        # a record belongs to still takes the record with it.
        promise = make_promise(space, alice)
        Promise.objects.filter(pk=promise.pk).delete()
        assert not PromiseEvent.objects.filter(promise_id=promise.pk).exists()


class TestAlwaysShared:
    def test_it_is_shared_from_creation(self, alice, bob, space):
        promise = make_promise(space, alice)
        assert Promise.objects.get(pk=promise.pk).visibility == Visibility.SHARED
        assert promise.is_visible_to(bob)

    def test_save_cannot_make_it_private(self, alice, bob, space):
        promise = make_promise(space, alice)
        promise.visibility = Visibility.PRIVATE
        with pytest.raises(ValueError, match="always shared"):
            promise.save()
        with pytest.raises(ValueError, match="always shared"):
            promise.save(update_fields=["visibility"])
        assert Promise.objects.get(pk=promise.pk).is_visible_to(bob)

    def test_update_cannot_make_it_private(self, alice, bob, space):
        promise = make_promise(space, alice)
        with pytest.raises(ValueError, match="always shared"):
            Promise.objects.filter(pk=promise.pk).update(visibility=Visibility.PRIVATE)
        assert Promise.objects.visible_to(bob).filter(pk=promise.pk).exists()

    def test_other_updates_still_work(self, alice, bob, space):
        promise = make_promise(space, alice)
        Promise.objects.filter(pk=promise.pk).update(text="Call the electrician")
        assert Promise.objects.get(pk=promise.pk).text == "Call the electrician"


class TestAlwaysPrivate:
    def test_a_private_note_cannot_be_shared(self, alice, bob, space):
        repair = opened(space, alice, bob)
        repair_services.note_write(repair=repair, by=alice, text="Only mine.")
        with pytest.raises(ValueError, match="always private"):
            Note.objects.update(visibility=Visibility.SHARED)
        note = Note.objects.get()
        note.visibility = Visibility.SHARED
        with pytest.raises(ValueError, match="always private"):
            note.save()
        assert not Note.objects.visible_to(bob).exists()
        assert Note.objects.get().visibility == Visibility.PRIVATE
