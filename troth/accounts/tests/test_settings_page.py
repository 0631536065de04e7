"""The settings page: the time-zone menu lists every zone with the person's
own chosen, and costs one pass however many zones there are."""

from __future__ import annotations

import re
import zoneinfo

import pytest

from conftest import client_for
from troth.accounts.forms import timezone_choices

pytestmark = pytest.mark.django_db


def zone_menu(html: str) -> str:
    found = re.search(r'<select name="timezone".*?</select>', html, re.S)
    assert found
    return found.group()


def test_the_menu_lists_every_zone_with_the_persons_own_chosen(alice):
    alice.timezone = "America/Argentina/Buenos_Aires"
    alice.save(update_fields=["timezone"])
    html = zone_menu(client_for(alice).get("/settings/").content.decode())
    assert (
        '<option value="America/Argentina/Buenos_Aires" selected>'
        "America/Argentina/Buenos Aires</option>"
    ) in html
    assert html.count(" selected>") == 1
    zones = [
        name for name in zoneinfo.available_timezones() if name.startswith("Europe/")
    ]
    assert all(f'<option value="{name}"' in html for name in zones)


def test_a_refused_zone_keeps_the_menu_with_nothing_chosen(alice):
    response = client_for(alice).post(
        "/settings/",
        {"display_name": "Alice", "timezone": "Mars/Olympus", "language": "en"},
    )
    assert response.status_code == 400
    html = zone_menu(response.content.decode())
    assert '<option value="Europe/Paris">Europe/Paris</option>' in html
    assert " selected>" not in html


def test_the_menu_is_not_a_template_per_zone(alice):
    # Django's menu includes select_option.html once per option: ~600 a page.
    response = client_for(alice).get("/settings/")
    names = [template.name for template in response.templates]
    assert "django/forms/widgets/select_option.html" not in names


def test_the_zones_are_read_from_disk_once(alice, monkeypatch):
    list(timezone_choices)

    def unread():
        raise AssertionError("zones read again")

    monkeypatch.setattr(zoneinfo, "available_timezones", unread)
    assert client_for(alice).get("/settings/").status_code == 200
