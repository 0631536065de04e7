"""Every download of a person's data asks for the password first
(troth/lib/downloads.py), and a download URL never answers with a page
saved in the file's place."""

from __future__ import annotations

import inspect
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import PASSWORD, client_for, confirmed_client_for
from troth.audits import services as audit_services
from troth.schedule.tests.helpers import make_event

pytestmark = pytest.mark.django_db

REAUTHENTICATE = "/accounts/reauthenticate/"


@pytest.fixture
def downloads(alice, space):
    """Each download as (url, the page that offers it, what the file is)."""
    make_event(alice, space, title="Therapy", location="Clinic", note="private")
    audit_services.audit_day_set(space=space, by=alice, day=12)
    audit = audit_services.audit_start(space=space, by=alice)
    return {
        "export-json": (
            "/settings/export/troth-export.json",
            "/settings/export",
            "application/json",
        ),
        "export-ics": (
            "/settings/export/calendar.ics",
            "/settings/export",
            "text/calendar",
        ),
        "calendar": ("/calendar/export.ics", "/calendar/", "text/calendar"),
        "audit": (
            f"/audits/{audit.pk}/export.md",
            f"/audits/{audit.pk}/",
            "text/markdown",
        ),
    }


def is_attachment(response) -> bool:
    return response.get("Content-Disposition", "").startswith("attachment")


def next_of(location: str) -> str:
    return parse_qs(urlsplit(location).query)["next"][0]


KINDS = ["export-json", "export-ics", "calendar", "audit"]


@pytest.mark.parametrize("kind", KINDS)
def test_it_asks_for_the_password_before_the_file(alice, downloads, kind):
    url, offered_on, _ = downloads[kind]
    client = client_for(alice)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE)
    assert next_of(response["Location"]) == offered_on
    assert not is_attachment(response)
    # Where it leads is the password page, shown as a page: not a file.
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    assert not is_attachment(page)
    assert b'name="password"' in page.content


@pytest.mark.parametrize("kind", KINDS)
def test_no_answer_on_the_way_is_a_page_saved_as_the_file(alice, downloads, kind):
    url, _, _ = downloads[kind]
    response = client_for(alice).get(url, follow=True)
    assert [status for _, status in response.redirect_chain] == [302]
    assert response.redirect_chain[0][0].startswith(REAUTHENTICATE)
    assert response["Content-Type"].startswith("text/html")
    assert not is_attachment(response)


@pytest.mark.parametrize("kind", KINDS)
def test_after_the_password_it_is_the_file(alice, downloads, kind):
    url, _, content_type = downloads[kind]
    response = confirmed_client_for(alice).get(url)
    assert response.status_code == 200
    assert is_attachment(response)
    assert response["Content-Type"].startswith(content_type)
    assert response["Cache-Control"] == "no-store"
    if kind == "export-json":
        assert json.loads(response.content)["account"]["email"] == alice.email
    if kind in ("export-ics", "calendar"):
        assert response.content.startswith(b"BEGIN:VCALENDAR")
        assert b"Therapy" in response.content


@pytest.mark.parametrize("kind", KINDS)
def test_when_the_window_has_passed_it_asks_again(alice, downloads, kind):
    url, _, _ = downloads[kind]
    client = confirmed_client_for(alice)
    with override_settings(ACCOUNT_REAUTHENTICATION_TIMEOUT=0):
        response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE)


def test_a_wrong_password_gets_no_file(alice, downloads):
    url, offered_on, _ = downloads["calendar"]
    client = client_for(alice)
    response = client.post(
        f"{REAUTHENTICATE}?next={offered_on}", {"password": "not it at all"}
    )
    assert response.status_code == 200
    assert not is_attachment(response)
    assert client.get(url).status_code == 302


def test_the_calendar_link_comes_back_to_the_page_it_was_on(alice, downloads):
    client = client_for(alice)
    week = client.get("/calendar/week/")
    assert b"/calendar/export.ics?next=/calendar/week/" in week.content
    response = client.get("/calendar/export.ics?next=/calendar/week/")
    assert next_of(response["Location"]) == "/calendar/week/"
    # A `next` that is not a path on this site goes back to the calendar.
    response = client.get("/calendar/export.ics?next=//elsewhere.example/")
    assert next_of(response["Location"]) == "/calendar/"


def test_someone_else_gets_no_page_and_no_prompt_for_an_audit(carol, downloads):
    url, _, _ = downloads["audit"]
    assert client_for(carol).get(url).status_code == 404
    assert confirmed_client_for(carol).get(url).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(downloads):
    for url, _, _ in downloads.values():
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


class TestExportPage:
    def test_it_asks_for_the_password_before_offering_the_files(self, alice, space):
        page = client_for(alice).get("/settings/export").content.decode()
        assert 'data-testid="password-first-form"' in page
        assert f'action="{REAUTHENTICATE}?next=%2Fsettings%2Fexport"' in page
        assert 'autocomplete="current-password"' in page
        assert "troth-export.json" not in page

    def test_the_password_there_comes_back_to_the_files(self, alice, space):
        client = client_for(alice)
        response = client.post(
            f"{REAUTHENTICATE}?next=/settings/export", {"password": PASSWORD}
        )
        assert response.status_code == 302
        assert response["Location"] == "/settings/export"
        page = client.get("/settings/export").content.decode()
        assert 'data-testid="password-first-form"' not in page
        assert 'href="/settings/export/troth-export.json"' in page
        # No `download` attribute: a browser would save a password page too.
        assert " download>" not in page and " download " not in page

    def test_a_wrong_password_there_keeps_the_files_closed(self, alice, space):
        client = client_for(alice)
        client.post(f"{REAUTHENTICATE}?next=/settings/export", {"password": "nope"})
        page = client.get("/settings/export").content.decode()
        assert 'data-testid="password-first-form"' in page


def _views():
    def walk(resolver, prefix=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern), entry.callback

    yield from walk(get_resolver())


def test_every_view_that_answers_with_an_attachment_asks_first():
    """A new download of a person's data must use troth/lib/downloads.py."""
    found = []
    for route, view in _views():
        if not view.__module__.startswith("troth."):
            continue
        source = inspect.getsource(inspect.unwrap(view))
        if "attachment" not in source:
            continue
        found.append(route)
        # The source of a decorated function starts at its decorators.
        asks = "personal_download(" in source or "password_first(" in source
        assert asks, f"{route} answers with a file without asking for the password"
    assert len(found) >= 4, found
