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


def test_a_tables_cells_show_what_a_template_would():
    import datetime as dt

    from django.template import engines
    from django.utils import translation
    from django.utils.safestring import mark_safe

    from troth.insights.sections import Table

    rows = [
        ("Jul <2026>", ["You & I", 1.5, 12, None, mark_safe("<b>kept</b>")]),
        (mark_safe("<i>Aug</i>"), ['"quoted"', 1234567.25, dt.date(2026, 8, 3)]),
    ]
    template = engines["django"].from_string(
        '{% for name in table.head %}<th scope="col">{{ name }}</th>{% endfor %}|'
        '{% for heading, cells in table.rows %}<tr><th scope="row">{{ heading }}</th>'
        "{% for cell in cells %}<td>{{ cell }}</td>{% endfor %}</tr>"
        "{% if not forloop.last %}\n{% endif %}{% endfor %}"
    )
    for language in ("en", "es", "ar"):
        with translation.override(language):
            table = Table(testid="t", caption="c", head=["<Month>", "Who"], rows=rows)
            expected = template.render({"table": table})
            assert f"{table.head_cells}|{table.body_rows}" == expected
