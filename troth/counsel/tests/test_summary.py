"""The session summary (troth/counsel/summary_views.py): either partner
builds it for their own space, prints it or downloads it as Markdown; it
holds only what both share, like the areas it is built from."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import urlencode

from conftest import client_for, confirmed_client_for
from tests.test_sentence_case import title_case_on
from tests.test_user_text_direction import Finder, problems_of, written_texts
from troth.checkins.builders import build_pulse
from troth.counsel.areas import AREAS
from troth.counsel.tests.test_areas import (
    END,
    START,
    TODAY,
    ago,
    agreement,
    dialogue,
    history,
    kept_promise,
    repair_with_parts,
)
from troth.demo import demo_create
from troth.dialogue.builders import build_summary
from troth.repair.builders import build_part
from troth.repair.models import Note
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db

PERIOD = {"start": START.isoformat(), "end": END.isoformat()}
ALL = {**PERIOD, "areas": list(AREAS)}


def page(client, **query):
    return client.get(f"{reverse('counsel:summary')}?{urlencode(query, doseq=True)}")


def markdown(client, **query):
    url = reverse("counsel:summary_markdown")
    return client.get(f"{url}?{urlencode(query, doseq=True)}")


@pytest.fixture
def shared_and_private(alice, bob, space):
    """One shared thing of each area in the period, and private things."""
    agreement(space, alice, bob, "Our phones", ago(30), "We text when late")
    repair = repair_with_parts(space, alice, bob, "Missed the birthday", ago(30))
    build_part(repair, Note, alice, ago(25), text="PRIVATE-NOTE-OF-ALICE")
    kept_promise(space, alice, bob, "Call the plumber", TODAY - dt.timedelta(days=25))
    for n in range(15):
        build_pulse(space, bob, TODAY - dt.timedelta(days=15 + n), shared=True, faith=6)
    talk = dialogue(space, alice, bob, "Chores", ago(30))
    build_summary(talk, bob, text="We split the chores", at=ago(29), kept_at=ago(28))
    build_summary(
        dialogue(space, bob, alice, "T", ago(30)), bob, text="NOT-KEPT", at=ago(29)
    )


SHARED = ["Our phones", "We text when late", "Missed the birthday", "Call the plumber"]
SHARED += ["We split the chores"]
PRIVATE = ["PRIVATE-NOTE-OF-ALICE", "NOT-KEPT"]


def test_signed_out_is_asked_to_sign_in(client):
    for response in (page(client, **ALL), markdown(client, **ALL)):
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_someone_without_a_space_is_sent_home(eve):
    response = page(client_for(eve), **ALL)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_the_form_offers_the_last_30_days_and_every_area(alice, space):
    response = page(client_for(alice))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["end"] - form.initial["start"] == dt.timedelta(days=30)
    assert form.initial["areas"] == list(AREAS)
    assert b'data-testid="summary"' not in response.content


def test_the_page_shows_what_both_share_and_nothing_private(
    alice, bob, space, shared_and_private
):
    response = page(client_for(bob), **ALL)
    assert response.status_code == 200
    text = response.content.decode()
    for words in SHARED:
        assert words in text, words
    for words in PRIVATE:
        assert words not in text, words
    assert 'data-testid="print-hint"' in text
    assert "print-page" in text  # the print stylesheet's page
    # Bob did not include his pulse: it is his to bring.
    assert 'data-testid="area-pulse-person"' not in text


def test_only_the_chosen_areas_are_shown(alice, bob, space, shared_and_private):
    response = page(client_for(alice), **PERIOD, areas=["dialogue"])
    text = response.content.decode()
    assert "We split the chores" in text
    assert "Our phones" not in text and "Call the plumber" not in text


def test_a_partner_may_include_their_own_pulse(alice, bob, space, shared_and_private):
    response = page(client_for(bob), **ALL, include_pulse="on")
    assert response.content.decode().count('data-testid="area-pulse-person"') == 1
    # Alice including hers never brings Bob's.
    response = page(client_for(alice), **ALL, include_pulse="on")
    assert "Bob's pulse" not in response.content.decode()


def test_the_markdown_download_is_a_file_named_by_its_period_only(
    alice, bob, space, shared_and_private
):
    response = markdown(confirmed_client_for(alice), **ALL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    name = f"troth-summary-{START:%Y-%m-%d}-to-{END:%Y-%m-%d}.md"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    text = response.content.decode()
    assert text.startswith("# Session summary\n")
    for area in AREAS.values():
        assert f"## {area.label}" in text
    for words in SHARED:
        assert words in text, words
    for words in PRIVATE:
        assert words not in text, words


def test_the_download_asks_for_the_password_first(alice, space):
    client = client_for(alice)
    response = page(client, **ALL)
    assert b'data-testid="password-first"' in response.content
    assert b'data-testid="summary-markdown"' not in response.content
    response = markdown(client, **ALL)
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"]
    response = page(confirmed_client_for(alice), **ALL)
    assert b'data-testid="summary-markdown"' in response.content


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": END, "end": START}, "The last day comes before the first."),
        (
            {"start": TODAY - dt.timedelta(days=366), "end": TODAY},
            "A summary covers at most 366 days.",
        ),
        ({**PERIOD, "areas": ["diary"]}, "Choose areas from the list."),
        ({**PERIOD, "areas": []}, "Choose at least one area."),
        ({"start": "yesterday", "end": END}, "Enter a date such as 2026-12-31."),
        ({"end": END}, "Choose the first day."),
    ],
)
def test_bad_input_is_answered_clearly_and_changes_nothing(
    alice, bob, space, query, message
):
    query = {"areas": ["agreements"], **query}
    before = Activity.objects.count()
    for response in (
        page(client_for(alice), **query),
        markdown(confirmed_client_for(alice), **query),
    ):
        assert response.status_code == 400
        assert message in response.content.decode()
        assert "Content-Disposition" not in response
    assert Activity.objects.count() == before


def test_a_year_is_the_longest_period(alice, space):
    start = TODAY - dt.timedelta(days=365)
    response = page(client_for(alice), start=start, end=TODAY, areas=["promises"])
    assert response.status_code == 200


def test_an_outsider_builds_one_for_their_own_space_only(
    carol, other_space, shared_and_private
):
    for response in (
        page(client_for(carol), **ALL),
        markdown(confirmed_client_for(carol), **ALL),
    ):
        assert response.status_code == 200
        text = response.content.decode()
        for words in SHARED + PRIVATE:
            assert words not in text, words


def test_the_page_reads_the_same_queries_whatever_the_history(alice, bob, space):
    client = confirmed_client_for(alice)
    history(space, alice, bob, 1)
    with CaptureQueriesContext(connection) as small:
        assert page(client, **ALL, include_pulse="on").status_code == 200
    history(space, alice, bob, 6, first=1)
    with CaptureQueriesContext(connection) as large:
        response = page(client, **ALL, include_pulse="on")
    assert response.content.decode().count('data-testid="area-agreement"') == 7
    assert len(large) == len(small)


def test_the_page_is_in_sentence_case(alice, bob, space, shared_and_private):
    client = confirmed_client_for(alice)
    path = f"{reverse('counsel:summary')}?{urlencode(ALL, doseq=True)}"
    assert title_case_on(client, path + "&include_pulse=on") == []


def test_what_the_demo_couple_wrote_keeps_its_own_direction():
    """The demo's year of history, every area, as each partner builds it:
    every text someone wrote sits in a dir="auto" element or a <bdi>
    (tests/test_user_text_direction.py)."""
    demo = demo_create()
    find = Finder(written_texts())
    query = {
        "start": TODAY - dt.timedelta(days=365),
        "end": TODAY,
        "areas": list(AREAS),
        "include_pulse": "on",
    }
    for person in demo.partners:
        response = page(client_for(person), **query)
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count('data-testid="area-') >= len(AREAS)
        assert problems_of(html, find) == []
