"""The audit pages as each partner sees them: the flow through forms, bad
input, the exports, and a constant number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import confirmed_client_for
from troth.audits import services
from troth.audits.models import Audit, AuditSettings, Commitment, Reflection
from troth.audits.tests.helpers import write
from troth.promises.models import Promise

pytestmark = pytest.mark.django_db


def in_days(n: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=n)).isoformat()


@pytest.fixture
def audit(space, alice):
    return services.audit_start(space=space, by=alice)


def test_the_index_offers_to_choose_a_day_and_to_start(alice_client, space):
    page = alice_client.get("/audits/").text
    assert 'data-testid="audit-day-form"' in page
    assert 'data-testid="start-audit"' in page
    assert 'data-testid="no-audits"' in page


def test_choosing_the_audit_day(alice_client, space):
    response = alice_client.post("/audits/day", {"day": "31"})
    assert response.status_code == 302
    assert AuditSettings.objects.get(space=space).day == 31
    page = alice_client.get("/audits/").text
    assert "Day 31 of each month" in page
    assert "Next:" in page


@pytest.mark.parametrize("day", ["0", "32", "abc", ""])
def test_a_bad_audit_day_is_refused(alice_client, space, day):
    response = alice_client.post("/audits/day", {"day": day})
    assert response.status_code == 400
    assert "Choose a day from 1 to 31." in response.text
    assert not AuditSettings.objects.exists()


def test_starting_now_opens_this_months_audit_and_hides_the_button(alice_client, space):
    response = alice_client.post("/audits/start")
    audit = Audit.objects.get()
    assert response.url == audit.get_absolute_url()
    assert 'data-testid="start-audit"' not in alice_client.get("/audits/").text
    again = alice_client.post("/audits/start", follow=True)
    assert "already started" in again.text
    assert Audit.objects.count() == 1


def test_someone_without_a_space_is_sent_home(eve_client):
    assert eve_client.get("/audits/").url == "/"
    assert eve_client.post("/audits/start").url == "/"
    assert eve_client.get("/insights/").url == "/"


def test_the_whole_flow_through_the_pages(audit, alice_client, bob_client, alice, bob):
    # Alice writes; Bob sees that she has, but not what.
    r = alice_client.post(
        f"/audits/{audit.pk}/reflection",
        {"went_well": "The Sunday walks", "differently": "", "need": "A quiet evening"},
    )
    assert r.status_code == 302
    page = bob_client.get(audit.get_absolute_url()).text
    assert "The Sunday walks" not in page
    assert "has written theirs" in page
    # Bob writes: both read both.
    bob_client.post(
        f"/audits/{audit.pk}/reflection",
        {"went_well": "", "differently": "Call when I'm late", "need": ""},
    )
    assert "The Sunday walks" in bob_client.get(audit.get_absolute_url()).text
    assert "Call when I&#x27;m late" in alice_client.get(audit.get_absolute_url()).text
    # Commitments, then both sign off.
    r = alice_client.post(
        f"/audits/{audit.pk}/commitments",
        {"text": "Cook on Thursdays", "due_date": in_days(20)},
    )
    assert r.status_code == 302
    alice_client.post(f"/audits/{audit.pk}/sign-off")
    assert (
        'data-testid="withdraw-sign-off"'
        in alice_client.get(audit.get_absolute_url()).text
    )
    r = bob_client.post(f"/audits/{audit.pk}/sign-off", follow=True)
    assert "the audit is closed" in r.text
    assert 'data-testid="commitment-promise"' in r.text
    assert Promise.objects.get().text == "Cook on Thursdays"


def test_an_empty_reflection_is_refused_and_nothing_saved(audit, alice_client):
    r = alice_client.post(
        f"/audits/{audit.pk}/reflection",
        {"went_well": " ", "differently": "", "need": ""},
    )
    assert r.status_code == 400
    assert "Write at least one of the three" in r.text
    r = alice_client.post(
        f"/audits/{audit.pk}/reflection",
        {"went_well": "x" * 2001, "differently": "", "need": ""},
    )
    assert r.status_code == 400
    assert not Reflection.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "", "due_date": "2030-01-01"}, "Say what you commit to."),
        ({"text": "Walk", "due_date": "soon"}, "Enter a date such as"),
        ({"text": "Walk", "due_date": ""}, "Choose the day it is due."),
        ({"text": "Walk", "due_date": "2020-01-01"}, "hasn&#x27;t passed yet"),
        ({"text": "x" * 501, "due_date": "2030-01-01"}, "at most 500 characters"),
    ],
)
def test_a_bad_commitment_is_refused(audit, alice_client, data, message):
    r = alice_client.post(f"/audits/{audit.pk}/commitments", data)
    assert r.status_code == 400
    assert message in r.text
    assert not Commitment.objects.exists()


def test_refused_steps_say_why_and_change_nothing(audit, alice_client, alice):
    r = alice_client.post(f"/audits/{audit.pk}/sign-off")
    assert r.status_code == 409
    assert "Write your reflection before you sign off." in r.text
    r = alice_client.post(f"/audits/{audit.pk}/sign-off/withdraw")
    assert r.status_code == 409
    write(audit, alice)
    services.audit_sign_off(audit=audit, by=alice)
    r = alice_client.post(
        f"/audits/{audit.pk}/commitments", {"text": "Walk", "due_date": in_days(3)}
    )
    assert r.status_code == 409
    assert not Commitment.objects.exists()


def test_the_partner_cannot_take_back_your_commitment(audit, alice, bob_client):
    c = services.commitment_add(
        audit=audit, by=alice, text="Walk", due_date=timezone.localdate()
    )
    r = bob_client.post(f"/audits/commitments/{c.pk}/remove")
    assert r.status_code == 409
    assert Commitment.objects.filter(pk=c.pk).exists()


def test_the_markdown_export_holds_what_the_reader_may_read(audit, alice, bob):
    alice_client, bob_client = confirmed_client_for(alice), confirmed_client_for(bob)
    write(audit, alice, went_well="Alice's words")
    services.commitment_add(
        audit=audit,
        by=alice,
        text="Cook on Thursdays",
        due_date=timezone.localdate() + dt.timedelta(days=9),
    )
    # Before Bob writes, his export has Alice's commitment but not her words.
    r = bob_client.get(f"/audits/{audit.pk}/export.md")
    assert r["Content-Type"].startswith("text/markdown")
    assert "attachment" in r["Content-Disposition"]
    text = r.content.decode()
    assert "Cook on Thursdays" in text
    assert "Alice's words" not in text
    assert "Alice's reflection is not included" in text
    write(audit, bob, went_well="Bob's words")
    text = bob_client.get(f"/audits/{audit.pk}/export.md").content.decode()
    assert "> Alice's words" in text and "> Bob's words" in text
    # Once Alice withdraws her reflection, it is gone from Bob's export.
    services.reflections_sharing_stop(user=alice, space=audit.space)
    assert (
        "Alice's words"
        not in bob_client.get(f"/audits/{audit.pk}/export.md").content.decode()
    )
    assert (
        "Alice's words"
        in alice_client.get(f"/audits/{audit.pk}/export.md").content.decode()
    )


def test_the_printable_page_has_the_audit_without_the_forms(audit, alice, alice_client):
    write(audit, alice, went_well="The walks")
    page = alice_client.get(f"/audits/{audit.pk}/print").text
    assert "print-page" in page
    assert "The walks" in page
    assert 'data-testid="commitment-form"' not in page
    assert 'data-testid="sign-off-button"' not in page


def test_the_how_page_explains_every_section(alice_client):
    page = alice_client.get("/audits/how").text
    for anchor in (
        "promises",
        "agreements",
        "rituals",
        "pulse",
        "moments",
        "questions",
        "conflicts",
        "goals",
        "comparison",
    ):
        assert f'id="{anchor}"' in page
    assert "not a trust score" in page


def _counts(client, urls) -> list[int]:
    found = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        found.append(len(captured))
    return found


def _history(space, alice, bob, months: int, items: int) -> Audit:
    """`months` closed audits, the latest with `items` commitments each."""
    first = dt.date(2020, 1, 1)
    audit = None
    for n in range(months):
        month = services.add_months(first, n)
        audit = Audit.objects.create(
            space=space,
            month=month,
            period_start=dt.datetime.combine(month, dt.time.min, tzinfo=dt.UTC),
            period_end=dt.datetime.combine(
                services.add_months(month, 1), dt.time.min, tzinfo=dt.UTC
            ),
            figures={
                "people": [str(alice.pk), str(bob.pk)],
                "conflicts": {
                    "shared": n,
                    "repaired": 0,
                    "median_minutes_to_repair": None,
                },
            },
            closed_at=dt.datetime.combine(
                services.add_months(month, 1), dt.time(12), tzinfo=dt.UTC
            ),
            revealed_at=dt.datetime.combine(
                services.add_months(month, 1), dt.time(11), tzinfo=dt.UTC
            ),
        )
        for person in (alice, bob):
            Reflection.objects.create(
                space=space,
                author=person,
                audit=audit,
                went_well="Fine",
                signed_off_at=audit.closed_at,
            )
    assert audit is not None, "months must be at least 1"
    Commitment.objects.bulk_create(
        Commitment(
            space=space,
            author=alice if i % 2 else bob,
            audit=audit,
            text=f"Thing {i}",
            due_date=dt.date(2030, 1, 1),
        )
        for i in range(items)
    )
    return audit


def test_audit_pages_use_the_same_number_of_queries_for_10_and_1000_items(
    space, alice, bob, alice_client
):
    few = _history(space, alice, bob, 10, 10)
    urls = ["/audits/", f"/audits/{few.pk}/", f"/audits/{few.pk}/print", "/"]
    _counts(alice_client, urls)  # warm per-process caches
    small = _counts(alice_client, urls)
    Audit.objects.all().delete()
    many = _history(space, alice, bob, 60, 1000)
    urls = ["/audits/", f"/audits/{many.pk}/", f"/audits/{many.pk}/print", "/"]
    assert Commitment.objects.count() == 1000
    assert _counts(alice_client, urls) == small


def test_after_a_partner_leaves_the_other_reads_the_audit_but_nothing_changes(
    audit, alice, bob, alice_client, bob_client
):
    from troth.spaces.services import space_leave

    write(audit, alice)
    space_leave(membership=bob.memberships.get())
    page = alice_client.get(audit.get_absolute_url())
    assert page.status_code == 200
    assert 'data-testid="sign-off-button"' not in page.text
    assert bob_client.get(audit.get_absolute_url()).status_code == 404
    r = alice_client.post(f"/audits/{audit.pk}/sign-off")
    assert r.status_code == 409
    assert "closed" in r.text


def test_odd_query_strings_fall_back_to_the_defaults(alice_client, space):
    assert alice_client.get("/insights/?months=abc").status_code == 200
    assert "Last 6 months" in alice_client.get("/insights/?months=7").text
    assert alice_client.get("/audits/?page=zzz").status_code == 200
    assert alice_client.get("/audits/999999/").status_code == 404
    assert 'data-testid="audit-day-form"' in alice_client.get("/audits/day").text


def test_the_audits_say_kept_so_many_of_so_many_not_points(
    alice, bob, space, alice_client
):
    from troth.audits.figures import draft_figures
    from troth.audits.tests.helpers import at, promise
    from troth.promises.models import State

    promise(space, alice, "2026-09-05", State.KEPT)
    promise(space, alice, "2026-09-06", State.KEPT)
    promise(space, alice, "2026-10-05", State.KEPT)
    promise(space, alice, "2026-10-06", State.MISSED)
    months = [("2026-09-01", "2026-10-01"), ("2026-10-01", "2026-11-01")]
    for start, end in months:
        Audit.objects.create(
            space=space,
            month=dt.date.fromisoformat(start),
            period_start=at(start, 0),
            period_end=at(end, 0),
            figures=draft_figures(space, start=at(start, 0), end=at(end, 0)),
        )
    october = Audit.objects.get(month=dt.date(2026, 10, 1))

    # Spaces as a reader sees them (the counts keep together on one line).
    history = alice_client.get("/audits/").text.replace("\xa0", " ")
    assert "promises kept: <strong>1 of 2, 50%</strong>" in history
    assert "(before: 2 of 2)" in history
    page = alice_client.get(october.get_absolute_url()).text.replace("\xa0", " ")
    assert "1 of 2, 50%" in page and "(before: 2 of 2)" in page
    for text in (history, page):
        assert "points" not in text
        assert "−50" not in text


def test_every_audit_in_the_history_is_compared_with_the_one_before_across_pages(
    space, alice, bob, alice_client
):
    # 14 months, one more disagreement shared each month: pages of 12.
    _history(space, alice, bob, 14, 0)
    first = alice_client.get("/audits/").text
    second = alice_client.get("/audits/?page=2").text
    # The oldest on the first page is compared with the newest on the next.
    assert first.count('<strong>13</strong> <span class="muted">(+1)</span>') == 1
    assert first.count('<span class="muted">(+1)</span>') == 12
    assert first.count('<span class="muted">(same)</span>') == 12
    assert '<strong>2</strong> <span class="muted">(+1)</span>' in first
    # The very first audit has none before it.
    assert second.count('<span class="muted">(+1)</span>') == 1
    assert second.count('<span class="muted">(same)</span>') == 1
    assert "Disagreements shared: <strong>0</strong></li>" in second
