"""A couple who chose a level before packs existed keeps exactly that level,
with every pack on."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from conftest import make_space, make_user

BEFORE = [("questions", "0001_initial")]
AFTER = [("questions", "0002_deck_levels_and_packs")]


@pytest.mark.django_db(transaction=True)
def test_the_chosen_level_carries_over():
    space = make_space(make_user("alice"), make_user("bob"))
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        old.get_model("questions", "DeckSettings").objects.create(
            space_id=space.pk, level=2
        )

        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)

        new = executor.loader.project_state(AFTER).apps
        settings = new.get_model("questions", "DeckSettings").objects.get()
        assert settings.levels == [2] and settings.packs_off == []
    finally:
        # Leave the database as the other tests expect it: fully migrated.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
