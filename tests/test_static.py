"""What a phone downloads to show Today the first time: the page, its
stylesheets, script, icons (issue 12: at most 80 KB compressed), from the
files a running Troth serves (collected, hashed, gzipped; tests/test_cli.py
checks the headers they are served with)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from conftest import client_for
from troth.demo import demo_create

pytestmark = pytest.mark.django_db

BUDGET = 80 * 1024


@pytest.fixture
def collected(settings, tmp_path) -> Path:
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def first_load(html: str, root: Path) -> dict[str, int]:
    """Each file the page loads, and its compressed size."""
    sizes = {"page": len(gzip.compress(html.encode()))}
    for url in set(re.findall(r'(?:href|src)="/static/([^"#]+)', html)):
        file = root / url
        compressed = file.with_name(file.name + ".gz")
        sizes[url] = (compressed if compressed.exists() else file).stat().st_size
    return sizes


def test_today_for_the_demo_couple_loads_in_at_most_80_kb(collected):
    demo = demo_create()
    html = client_for(demo.partners[0]).get("/").content.decode()
    sizes = first_load(html, collected)
    assert any(name.startswith("troth/troth.") for name in sizes), sizes
    assert any(name.startswith("troth/icons.") for name in sizes), sizes
    assert sum(sizes.values()) <= BUDGET, sizes


def test_only_the_named_files_are_served_by_hashed_names(collected):
    manifest = (collected / "staticfiles.json").read_text()
    for name in ("troth/troth.css", "troth/troth-dark.css", "troth/icons.svg"):
        assert f'"{name}"' in manifest
        hashed = re.search(rf'"{re.escape(name)}": "([^"]+)"', manifest)
        assert hashed and hashed[1] != name
        assert (collected / (hashed[1] + ".gz")).exists()


STATIC_TAG = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]""")


def test_every_static_file_a_template_names_exists():
    """Served with hashed names, a template naming a file that is gone is an
    error page for everyone, not a missing picture."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    roots = [Path(settings.BASE_DIR)]
    named = {
        (path, name)
        for root in roots
        for path in root.rglob("*.html")
        for name in STATIC_TAG.findall(path.read_text())
    }
    assert len(named) > 5
    missing = sorted(f"{p}: {n}" for p, n in named if finders.find(n) is None)
    assert missing == []


DARK = Path(__file__).resolve().parent.parent / "troth/static/troth/troth-dark.css"


def test_dark_mode_changes_colours_and_nothing_else():
    """The browser tests check a page's colours again in dark mode and the
    rest once (tests/e2e/conftest.py): true while the dark stylesheet is
    colour tokens on :root and the colour scheme, and no other rule."""
    css = re.sub(r"/\*.*?\*/", "", DARK.read_text(), flags=re.S)
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    assert [selector.strip() for selector, _ in rules] == [":root"]
    declarations = [d.strip() for d in rules[0][1].split(";") if d.strip()]
    assert "color-scheme: dark" in declarations
    tokens = [d for d in declarations if d != "color-scheme: dark"]
    assert len(tokens) > 10
    for declaration in tokens:
        assert re.fullmatch(r"--[a-z-]+:\s*#[0-9a-f]{6}", declaration), declaration
    assert re.sub(r"\s", "", css).count("}") == 1
