"""Troth as an installed app (issue 13): the manifest, the service worker's
headers and what it may keep, the neutral offline page, the install page,
and the headers that make a browser forget what it holds. The browser's own
view of all this is tests/e2e/test_installable.py."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client

from conftest import client_for, confirmed_client_for

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parent.parent / "troth/static/troth"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's signature and IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def static_file(url: str) -> bytes:
    path = finders.find(url.removeprefix("/static/"))
    assert path, url
    return Path(path).read_bytes()


def manifest(client=None) -> dict:
    response = (client or Client()).get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    return json.loads(response.content)


def token(css: str, name: str) -> str:
    found = re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{3,8}})", css)
    assert found, name
    return found[1].lower()


def test_the_manifest_makes_troth_installable_under_a_neutral_name():
    data = manifest()
    assert data["name"] == data["short_name"] == "Troth"
    assert data["start_url"] == "/" and data["scope"] == "/"
    assert data["start_url"].startswith(data["scope"])
    assert data["display"] == "standalone"
    light = (STATIC / "troth.css").read_text()
    assert data["theme_color"] == token(light, "card")
    assert data["background_color"] == token(light, "paper")


def test_the_home_screen_name_is_the_hosts_choice(settings):
    settings.TROTH_APP_NAME = "Notes"
    data = manifest()
    assert data["name"] == data["short_name"] == "Notes"
    html = Client().get("/offline").content.decode()
    assert "<title>Notes</title>" in html and "Troth" not in html


def test_every_icon_is_a_real_png_of_its_declared_size_one_maskable():
    icons = manifest()["icons"]
    sizes = set()
    for icon in icons:
        assert icon["type"] == "image/png"
        width, height = (int(n) for n in icon["sizes"].split("x"))
        assert png_size(static_file(icon["src"])) == (width, height), icon
        sizes.add(width)
    assert {192, 512} <= sizes
    assert [i["purpose"] for i in icons].count("maskable") == 1


def test_every_page_links_the_manifest_the_icon_and_both_theme_colours(alice):
    dark = token((STATIC / "troth-dark.css").read_text(), "card")
    for client, path in ((Client(), "/accounts/login/"), (client_for(alice), "/")):
        html = client.get(path).content.decode()
        assert '<link rel="manifest" href="/manifest.webmanifest">' in html
        touch = re.search(r'rel="apple-touch-icon" href="([^"]+)"', html)
        assert touch and png_size(static_file(touch[1])) == (180, 180)
        assert 'content="#ffffff" media="(prefers-color-scheme: light)"' in html
        assert f'content="{dark}" media="(prefers-color-scheme: dark)"' in html


def test_a_chosen_dark_theme_colours_the_bar_dark_only(alice):
    alice.theme = "dark"
    alice.save()
    html = client_for(alice).get("/").content.decode()
    assert '<meta name="theme-color" content="#201f25">' in html
    assert "#ffffff" not in html


def test_the_error_page_links_the_manifest_too(client):
    from troth.views import server_error

    html = server_error(Client().get("/").wsgi_request).content.decode()
    assert 'rel="manifest"' in html and 'rel="apple-touch-icon"' in html


def worker(client=None):
    response = (client or Client()).get("/sw.js")
    assert response.status_code == 200
    return response, response.content.decode()


def precached(script: str) -> list[str]:
    found = re.search(r'var PRECACHE = JSON\.parse\("(.*)"\);', script)
    assert found
    return json.loads(found[1].encode().decode("unicode_escape"))


def test_the_worker_is_served_for_the_whole_site():
    response, _script = worker()
    assert response["Content-Type"] == "text/javascript"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    # Its own policy is the site's: scripts and connections to itself only.
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_worker_keeps_only_static_files_and_the_offline_page():
    _response, script = worker()
    urls = precached(script)
    assert "/offline" in urls
    assert all(u.startswith("/static/") or u == "/offline" for u in urls), urls
    for name in ("troth.css", "troth-dark.css", "troth.js", "icons.svg"):
        assert any(u.endswith(f"troth/{name}") for u in urls), name
    for url in urls:
        if url != "/offline":
            assert static_file(url)


def test_a_running_troth_names_every_kept_file_by_its_hash(settings, tmp_path):
    """As served after collectstatic (troth serve): a changed file gets a new
    name, so what the worker keeps is never stale, and a new worker (a new
    cache) comes with every change."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    hashed = re.compile(r"^/static/troth/.+\.[0-9a-f]{12}\.(css|js|svg|png)$")
    urls = precached(worker()[1])
    assert all(hashed.match(u) for u in urls if u != "/offline"), urls
    assert all(hashed.match(i["src"]) for i in manifest()["icons"])
    html = Client().get("/accounts/login/").content.decode()
    touch = re.search(r'rel="apple-touch-icon" href="([^"]+)"', html)
    assert touch and hashed.match(touch[1])


def test_the_worker_is_the_same_for_everyone(alice):
    _r, anonymous = worker()
    _r, signed_in = worker(client_for(alice))
    assert anonymous == signed_in
    assert "alice" not in signed_in.lower()


def test_the_signed_in_page_names_the_worker_and_the_sign_in_page_does_not(alice):
    assert 'data-service-worker="/sw.js"' in client_for(alice).get("/").content.decode()
    assert (
        "data-service-worker" not in Client().get("/accounts/login/").content.decode()
    )


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_offline_page_is_neutral(alice, space, signed_in):
    client = client_for(alice) if signed_in else Client()
    response = client.get("/offline")
    assert response.status_code == 200
    html = response.content.decode()
    assert "No connection" in html
    for personal in (
        "Alice",
        "Bob",
        "alice@",
        "bob@",
        "nav-inbox",
        "tabbar",
        "sidenav",
    ):
        assert personal not in html, personal
    # No way into anyone's pages but the front door.
    links = re.findall(r'<a [^>]*href="([^"]+)"', html)
    assert set(links) <= {"/exit", "/"}, links


def test_the_quick_exit_empties_the_cache_and_storage_and_keeps_the_sign_in(alice):
    client = client_for(alice)
    response = client.get("/exit")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert client.get("/settings/").status_code == 200


def test_the_emergency_reset_empties_the_cache_and_storage(alice):
    client = confirmed_client_for(alice)
    response = client.post("/safety/reset", {"confirm": "on"})
    if response.status_code != 302:
        pytest.fail(response.content.decode()[:2000])
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_deleting_the_account_empties_everything(alice):
    client = confirmed_client_for(alice)
    response = client.post(
        "/settings/delete",
        {"shared_entries": "keep", "confirmation": "delete my account"},
    )
    if response.status_code != 200:
        pytest.fail(response.content.decode()[:2000])
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'


def test_the_install_page_says_how_for_each_device_and_the_name(alice, settings):
    settings.TROTH_APP_NAME = "Notes"
    client = client_for(alice)
    assert 'href="/settings/install"' in client.get("/settings/").content.decode()
    response = client.get("/settings/install")
    assert response.status_code == 200
    html = response.content.decode()
    for words in ("Android", "iPhone and iPad", "Computer", "“Notes”", "iOS 16.4"):
        assert words in html, words


def test_the_install_page_asks_a_stranger_to_sign_in(client):
    response = client.get("/settings/install")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "path", ["/healthz", "/manifest.webmanifest", "/sw.js", "/offline"]
)
def test_a_head_request_is_answered_like_a_get(client, path):
    """Load balancers and some browsers ask with HEAD first."""
    head, get = client.head(path), client.get(path)
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""
