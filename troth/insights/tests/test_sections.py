"""The insights page is gathered from the features' `insights.py`: the page
knows no feature, and the sections come in their ORDER."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

INSIGHTS = Path(__file__).resolve().parents[1]
# The ground floor, the page itself and the couple's space (who is asking).
ALLOWED = ("troth.lib", "troth.insights", "troth.spaces")


def test_the_page_imports_no_feature():
    found = []
    for path in INSIGHTS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            found += [
                f"{path.name}:{node.lineno} {name}"
                for name in names
                if name.startswith("troth.") and not name.startswith(ALLOWED)
            ]
    assert found == []


def test_the_sections_come_in_their_order(alice_client, space, alice, bob):
    from troth.repair.tests.factories import heard

    heard(space, alice, bob)
    page = alice_client.get("/insights/").text
    assert re.findall(r'data-testid="insight-([a-z-]+)"', page) == [
        "pulse",
        "promises",
        "rituals",
        "moments-conflicts",
        "repair",
        "own-data",
    ]
