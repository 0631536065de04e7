"""SharedList: a feature's shared items read a window at a time, the same
items in the same order as reading them all."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from troth.lib.content import Visibility
from troth.lib.sharing import SharedItem, SharedList
from troth.spaces.models import Activity
from troth.spaces.services import activity_record

pytestmark = pytest.mark.django_db

LINK = SharedItem(group="Calendar", label="Link", key="feed")


def shared(alice, space, n: int) -> SharedList:
    for i in range(n):
        activity_record(space=space, actor=alice, verb=f"v{i}")
    rows = Activity.objects.filter(author=alice, visibility=Visibility.SHARED).order_by(
        "pk"
    )
    return SharedList(
        rows,
        lambda a: SharedItem(group="Calendar", label=a.verb, key=str(a.pk)),
        first=[LINK],
    )


def test_windows_put_together_are_the_whole_list(alice, space):
    items = shared(alice, space, 7)
    whole = list(items)
    assert whole[0] == LINK and len(whole) == 8
    assert items[0:3] + items[3:5] + items[5:100] == whole
    assert items[1:1] == [] and items[20:30] == []


def test_a_preview_and_its_count_cost_one_query(alice, space):
    items = shared(alice, space, 7)
    with CaptureQueriesContext(connection) as queries:
        first = items[0:3]
        total = items.count()
    assert len(first) == 3 and total == 8
    assert len(queries) == 1


def test_an_empty_list_counts_its_first_items_only(alice, space):
    items = shared(alice, space, 0)
    assert items[0:5] == [LINK]
    assert items.count() == 1 == len(items)
