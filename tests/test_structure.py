"""The shape of the code, kept true by tests (docs/architecture.md, "Layers").

- Every feature's URLconf and every link to a feature is named outright, so a
  misspelt name fails loudly instead of leaving a feature without pages.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest
from django.urls import clear_url_caches

import troth.urls

TROTH = Path(__file__).resolve().parent.parent / "troth"

# `{% url 'x' as name %}` followed by `{% if name %}`: a link that vanishes,
# silently, when its name does not resolve.
HIDDEN_LINK = re.compile(
    r"\{%\s*url\s[^%]*\bas\s+(\w+)\s*%\}(?:(?!\{%\s*endif).)*?\{%\s*if\s+\1\s*%\}",
    re.DOTALL,
)


def test_it_stops_at_start_when_a_feature_urlconf_is_missing(monkeypatch):
    # A None in sys.modules makes the module unimportable, as a misspelt
    # name would be.
    monkeypatch.setitem(sys.modules, "troth.goals.urls", None)
    try:
        with pytest.raises(ImportError):
            importlib.reload(troth.urls)
    finally:
        monkeypatch.undo()
        importlib.reload(troth.urls)
        clear_url_caches()


def test_it_links_every_feature_without_hiding_a_link_that_does_not_resolve():
    hidden = [
        f"{path.relative_to(TROTH)}: {match.group(0)[:60]}"
        for path in sorted(TROTH.rglob("templates/**/*.html"))
        for match in HIDDEN_LINK.finditer(path.read_text())
    ]
    assert hidden == []
