"""Every figure's "how this is computed" page leads to its derivation in docs/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.matrix import walk
from troth.views import figures_dir

ROOT = Path(__file__).resolve().parent.parent / "troth"
LINK = re.compile(r"""\{% url ['"]figure_derivation['"] ['"]([a-z0-9-]+)['"] %\}""")


def test_every_linked_derivation_exists():
    linked = {
        slug
        for path in ROOT.rglob("templates/**/*.html")
        for slug in LINK.findall(path.read_text())
    }
    assert len(linked) >= 10
    missing = sorted(s for s in linked if not (figures_dir() / f"{s}.md").exists())
    assert not missing, f"linked but not in docs/figures: {missing}"


def how_urls() -> list[str]:
    from django.urls import get_resolver, reverse

    return sorted(
        reverse(name)
        for name, pattern in walk(get_resolver())
        if name.endswith("how") and not pattern.pattern.converters
    )


@pytest.mark.django_db
def test_every_how_page_links_to_its_derivation(alice, bob, space, alice_client):
    urls = how_urls()
    assert len(urls) >= 8, urls
    for url in urls:
        page = alice_client.get(url)
        assert page.status_code == 200, url
        slugs = re.findall(r'href="/docs/figures/([a-z0-9-]+)"', page.content.decode())
        assert slugs, f"{url} does not link to a derivation in docs/figures"
        for slug in slugs:
            assert alice_client.get(f"/docs/figures/{slug}").status_code == 200
