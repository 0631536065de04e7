"""The repair pages as the partners use them, with and without JavaScript."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import client_for
from troth.notifications.models import Notification
from troth.repair.models import Account, ApologyVersion, Repair, Step
from troth.repair.support import help_lines
from troth.repair.tests.factories import apologised, heard, opened, with_account
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db


def test_opening_from_the_form(alice, bob, space):
    response = client_for(bob).post(
        "/repair/new",
        {
            "opened_as": "hurt",
            "summary": "You read my messages.",
            "touches": "nothing",
            "seriousness": "3",
        },
    )
    repair = Repair.objects.get()
    assert response.status_code == 302
    assert response["Location"] == repair.get_absolute_url()
    page = client_for(alice).get(repair.get_absolute_url()).content.decode()
    assert "You read my messages." in page
    assert "Waiting for Bob to write their account" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"summary": ""}, "Say in a few words what happened."),
        ({"seriousness": ""}, "Choose how serious it feels."),
        ({"touches": "clause"}, "There are no agreed clauses to choose from yet."),
        ({"touches": "promise", "promise": "999"}, "no promises to choose from"),
        ({"summary": "x" * 2000}, "at most 1000 characters"),
    ],
)
def test_bad_input_opens_nothing(alice, bob, space, data, message):
    post = {
        "opened_as": "hurt",
        "summary": "It hurt.",
        "touches": "nothing",
        "seriousness": "2",
    }
    post.update(data)
    response = client_for(bob).post("/repair/new", post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Repair.objects.exists()


def test_the_open_form_offers_a_field_only_where_it_applies(alice, space):
    page = client_for(alice).get("/repair/new").content.decode()
    # Every field is in the page (without JavaScript all of them show);
    # troth.js hides each until its choice is made.
    assert 'data-show-when="touches=clause"' in page
    assert 'data-show-when="touches=promise"' in page
    assert 'data-show-when="opened_as=hurt"' in page
    assert "How serious does it feel to you?" in page


def test_a_check_in_is_a_scale_a_thumb_can_use(alice, bob, space):
    repair = opened(space, bob, alice)
    page = client_for(bob).get(f"/repair/{repair.pk}/forgiveness").content.decode()
    assert page.count('class="segmented"') == 3
    assert "#7a3b55" not in page


def test_a_clause_must_be_chosen_when_it_touched_one(alice, bob, space):
    from troth.agreements.tests.factories import active

    agreement = active(space, alice, bob, "Our phones are our own.")
    client = client_for(bob)
    post = {
        "opened_as": "hurt",
        "summary": "x",
        "touches": "clause",
        "seriousness": "2",
    }
    response = client.post("/repair/new", post)
    assert response.status_code == 400
    assert "Choose the clause it touched." in response.content.decode()
    form = client.get("/repair/new").content.decode()
    assert "Our phones: Our phones are our own." in form
    post["clause"] = str(agreement.clauses.get().pk)
    assert client.post("/repair/new", post).status_code == 302
    assert Repair.objects.get().clause_id == agreement.clauses.get().pk


def test_each_partner_sees_only_their_own_next_step(alice, bob, space):
    repair = with_account(space, bob, alice)
    alice_page = client_for(alice).get(repair.get_absolute_url()).content.decode()
    bob_page = client_for(bob).get(repair.get_absolute_url()).content.decode()
    assert 'data-testid="mirror-form"' in alice_page
    assert 'data-testid="mirror-form"' not in bob_page
    assert "Waiting for Alice to put your account in their own words." in bob_page
    assert "Move on to Attune" in bob_page and "Move on to Attune" not in alice_page
    assert "The apology opens once Bob feels heard." in alice_page


def test_a_refused_step_shows_why_and_changes_nothing(alice, bob, space):
    repair = with_account(space, bob, alice)
    response = client_for(bob).post(f"/repair/{repair.pk}/mirror", {"text": "Me."})
    assert response.status_code == 409
    text = response.content.decode()
    assert "This step belongs to Alice." in text
    assert "Nothing was changed." in text
    repair.refresh_from_db()
    assert repair.step == Step.MIRROR


def test_an_empty_account_is_bad_input(alice, bob, space):
    repair = opened(space, bob, alice)
    response = client_for(bob).post(f"/repair/{repair.pk}/account", {"text": ""})
    assert response.status_code == 400
    assert "Write your account first." in response.content.decode()
    assert not Account.objects.exists()


def test_the_composer_is_closed_until_the_hurt_partner_feels_heard(alice, bob, space):
    repair = with_account(space, bob, alice)
    page = client_for(alice).get(f"/repair/{repair.pk}/apology").content.decode()
    assert 'data-testid="composer-locked"' in page
    assert 'data-testid="composer"' not in page
    response = client_for(alice).post(
        f"/repair/{repair.pk}/apology", {"text": "Sorry.", "action": "send"}
    )
    assert response.status_code == 409
    assert not ApologyVersion.objects.exists()


def test_the_checker_works_without_javascript(alice, bob, space):
    repair = heard(space, bob, alice)
    response = client_for(alice).post(
        f"/repair/{repair.pk}/apology",
        {"text": "I'm sorry, but you made me do it.", "action": "check"},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "<html" in text
    assert 'data-flag="sorry_but"' in text and 'data-flag="blame"' in text
    assert "<q>sorry, but</q>" in text and "<q>you made me</q>" in text
    assert "I&#x27;m sorry, but you made me do it." in text  # kept in the box
    assert not ApologyVersion.objects.exists()


def test_the_checker_answers_htmx_with_a_fragment_and_records_nothing(
    alice, bob, space
):
    repair = heard(space, bob, alice)
    before = Activity.objects.count()
    response = client_for(alice).post(
        f"/repair/{repair.pk}/apology/check",
        {"text": "Mistakes were made."},
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in text and 'id="checker"' in text
    assert 'data-flag="passive"' in text
    assert Activity.objects.count() == before


def test_the_checker_tells_the_writer_when_they_hurry_forgiveness(alice, bob, space):
    repair = heard(space, bob, alice)
    response = client_for(alice).post(
        f"/repair/{repair.pk}/apology/check",
        {"text": "I'm sorry I lied. Can we just put this behind us tonight?"},
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert 'data-flag="pressure"' in text
    assert "Hurrying them to forgive" in text
    assert "<q>put this behind us</q>" in text


def test_the_checker_handles_empty_and_enormous_text(alice, bob, space):
    repair = heard(space, bob, alice)
    client = client_for(alice)
    empty = client.post(
        f"/repair/{repair.pk}/apology/check", {"text": ""}, HTTP_HX_REQUEST="true"
    )
    assert "Start writing" in empty.content.decode()
    huge = client.post(
        f"/repair/{repair.pk}/apology/check",
        {"text": "I'm sorry. " * 50_000},
        HTTP_HX_REQUEST="true",
    )
    assert huge.status_code == 200
    assert "only the beginning" in huge.content.decode()
    send = client.post(
        f"/repair/{repair.pk}/apology", {"text": "x" * 6000, "action": "send"}
    )
    assert send.status_code == 400
    assert "at most 5000 characters" in send.content.decode()
    assert not ApologyVersion.objects.exists()


def test_the_hurt_partner_is_sent_to_the_repair_not_the_composer(alice, bob, space):
    repair = heard(space, bob, alice)
    response = client_for(bob).get(f"/repair/{repair.pk}/apology")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/repair/{repair.pk}/#apology")
    check = client_for(bob).post(f"/repair/{repair.pk}/apology/check", {"text": "x"})
    assert check.status_code == 302


def test_sending_and_answering_from_the_pages(alice, bob, space):
    repair = heard(space, bob, alice)
    client_for(alice).post(
        f"/repair/{repair.pk}/apology",
        {"text": "I read your messages. I'm sorry.", "action": "send"},
    )
    bob_page = client_for(bob).get(repair.get_absolute_url()).content.decode()
    assert "I read your messages. I&#x27;m sorry." in bob_page
    assert 'data-testid="answer-form"' in bob_page
    response = client_for(bob).post(
        f"/repair/{repair.pk}/apology/answer", {"answer": "not_yet", "note": ""}
    )
    assert response.status_code == 302
    page = client_for(alice).get(repair.get_absolute_url()).content.decode()
    assert "Not yet" in page
    assert "Revise my apology" in page


def test_the_support_page_lists_the_hosts_help_lines_and_tells_nobody(
    alice, bob, space, monkeypatch
):
    monkeypatch.setenv(
        "TROTH_SUPPORT_LINES",
        "Helpline A|0800 123 456|free, day and night;Site B|https://example.org/help;"
        "Bad|javascript:alert(1)",
    )
    before = (Activity.objects.count(), Notification.objects.count())
    page = client_for(bob).get("/repair/support").content.decode()
    assert 'href="tel:0800123456"' in page and "free, day and night" in page
    assert 'href="https://example.org/help"' in page
    assert "javascript:alert(1)" in page and 'href="javascript' not in page
    assert "couples exercises are not advised" in page
    assert (Activity.objects.count(), Notification.objects.count()) == before


def test_the_support_page_without_help_lines(alice, bob, space, monkeypatch):
    monkeypatch.delenv("TROTH_SUPPORT_LINES", raising=False)
    page = client_for(bob).get("/repair/support").content.decode()
    assert 'data-testid="no-help-lines"' in page
    assert "call your local emergency number" in page


def test_help_lines_ignore_malformed_entries():
    assert help_lines("") == []
    assert help_lines(";;|x|;name only;|") == []
    [line] = help_lines(" Line | +44 20 7946 0000 | note | more ")
    assert (line.name, line.contact, line.note) == (
        "Line",
        "+44 20 7946 0000",
        "note more",
    )
    assert line.href == "tel:+442079460000"


def test_every_repair_and_dialogue_page_links_to_support(alice, bob, space):
    repair = apologised(space, bob, alice)
    client = client_for(alice)
    for url in (
        "/repair/",
        "/repair/new",
        "/repair/how",
        repair.get_absolute_url(),
        f"/repair/{repair.pk}/apology",
        f"/repair/{repair.pk}/plan",
        f"/repair/{repair.pk}/plan/promise",
        f"/repair/{repair.pk}/plan/agreement",
        f"/repair/{repair.pk}/private",
        "/dialogue/",
        "/dialogue/new",
    ):
        assert 'data-testid="not-safe"' in client.get(url).content.decode(), url
    assert (
        'data-testid="not-safe"'
        in client_for(bob).get(f"/repair/{repair.pk}/forgiveness").content.decode()
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _bulk(space, alice, bob, n):
    Repair.objects.bulk_create(
        Repair(
            space=space,
            author=bob,
            visibility="shared",
            opened_as="hurt",
            hurt=bob,
            other=alice,
            summary=f"Repair {i}",
            step=Step.MIRROR if i % 2 else Step.ACCOUNT,
            status="open" if i % 3 else "resolved",
        )
        for i in range(n)
    )


@pytest.mark.parametrize("url", ["/repair/", "/"])
def test_list_pages_use_the_same_number_of_queries_for_10_and_1000(
    alice, bob, space, url
):
    client = client_for(alice)
    client.get(url)
    _bulk(space, alice, bob, 10)
    few = _queries(client, url)
    _bulk(space, alice, bob, 990)
    assert _queries(client, url) == few


def test_figures_link_to_their_derivation(alice, bob, space):
    import datetime as dt

    from django.utils import timezone

    from troth.repair import services

    repair = heard(space, bob, alice)
    services.plan_promise_add(
        repair=repair,
        by=alice,
        text="Ask first.",
        due_date=timezone.now().date() + dt.timedelta(days=3),
    )
    services.forgiveness_checkin(repair=repair, by=bob, distance=4, even=2, goodwill=5)
    client = client_for(bob)
    for url, slug in (
        (f"/repair/{repair.pk}/plan", "repair-plan-progress"),
        (f"/repair/{repair.pk}/forgiveness", "forgiveness-checkins"),
    ):
        assert f'href="/docs/figures/{slug}"' in client.get(url).content.decode()
        derivation = client.get(f"/docs/figures/{slug}")
        assert derivation.status_code == 200
        assert "Fincham" in derivation.content.decode() or "Rempel" in (
            derivation.content.decode()
        )
