"""Error pages say what happened and nothing more."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import path

pytestmark = pytest.mark.django_db


def broken_view(request):
    raise RuntimeError("secret detail: alice's boundary text")


urlpatterns = [path("broken", broken_view)]


def test_the_404_page_is_plain_and_neutral(alice_client):
    response = alice_client.get("/no/such/page")
    assert response.status_code == 404
    assert b"<title>Troth</title>" in response.content
    assert b"This page doesn" in response.content
    assert b"Traceback" not in response.content


handler500 = "troth.views.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_the_500_page_leaks_nothing():
    client = Client(raise_request_exception=False)
    response = client.get("/broken")
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"secret detail" not in response.content
    assert b"RuntimeError" not in response.content
    assert b"<title>Troth</title>" in response.content
    # The quick exit is there too, as on every page.
    assert b'data-testid="quick-exit"' in response.content
    assert settings.TROTH_QUICK_EXIT_URL.encode() in response.content


def test_the_health_check_reveals_nothing_but_status(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert client.post("/healthz").status_code == 405


def test_a_figure_derivation_is_shown_from_docs(client):
    response = client.get("/docs/figures/promises-figures")
    assert response.status_code == 200
    assert b"<h1>Promise figures" in response.content


@pytest.mark.parametrize("slug", ["no-such-figure", "..", "Promises-Figures"])
def test_an_unknown_derivation_is_a_404(client, slug):
    assert client.get(f"/docs/figures/{slug}").status_code == 404


def test_every_derivation_renders_without_raw_html(client):
    from troth.views import figures_dir

    slugs = sorted(p.stem for p in figures_dir().glob("*.md"))
    assert len(slugs) >= 10
    for slug in slugs:
        response = client.get(f"/docs/figures/{slug}")
        assert response.status_code == 200, slug
        assert b"<script" not in response.content.split(b"</header>", 1)[1]
