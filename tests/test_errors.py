"""Error pages say what happened and nothing more."""

from __future__ import annotations

import pytest
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


def test_the_health_check_reveals_nothing_but_status(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert client.post("/healthz").status_code == 405
