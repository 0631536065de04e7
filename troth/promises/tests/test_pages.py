"""The promise pages: making, acting through forms, lists, figures, counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from troth.promises import services
from troth.promises.builders import draft_promise, save_promises
from troth.promises.models import EventKind, Promise, State, due_moment
from troth.promises.tests.helpers import make_promise, tomorrow

pytestmark = pytest.mark.django_db


def post_new(client, **overrides):
    data = {"text": "Fix the bike light", "due_date": tomorrow().isoformat()}
    data.update(overrides)
    return client.post("/promises/new", data)


class TestMakingAPromise:
    def test_it_makes_a_promise_from_the_form(self, space, alice, alice_client):
        response = post_new(alice_client, due_time="18:30")
        promise = Promise.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/promises/{promise.pk}/"
        assert promise.text == "Fix the bike light"
        assert promise.due_time == dt.time(18, 30)
        page = alice_client.get(response["Location"])
        assert "Fix the bike light" in page.text
        assert "Your promise to Bob" in page.text

    def test_it_explains_bad_input_and_makes_nothing(self, space, alice_client):
        for data, message in [
            ({"text": ""}, "Say what you promise."),
            ({"due_date": "tomorrow"}, "Enter a date such as"),
            ({"due_date": "2001-01-01"}, "hasn&#x27;t passed yet"),
            ({"due_time": "25:99"}, "Enter a time such as"),
            ({"text": "x" * 501}, "at most 500"),
            ({"repeat": "weekly"}, "Choose the days of the week"),
            ({"repeat": "hourly"}, "Select a valid choice"),
            ({"repeat": "weekly", "weekdays": ["9"]}, "Select a valid choice"),
        ]:
            response = post_new(alice_client, **data)
            assert response.status_code == 400, data
            assert message in response.text, (data, response.text[:3000])
        assert not Promise.objects.exists()

    def test_someone_without_a_space_is_sent_home(self, eve_client):
        assert eve_client.get("/promises/new").status_code == 302


class TestActingThroughPages:
    def test_the_whole_kept_path(self, space, alice, bob, alice_client, bob_client):
        promise = make_promise(space, alice)
        page = bob_client.get(promise.get_absolute_url())
        assert 'data-testid="mark-done"' not in page.text  # not Bob's to mark
        assert alice_client.post(f"/promises/{promise.pk}/done").status_code == 302
        page = bob_client.get(promise.get_absolute_url())
        assert "says it’s done. Was it kept?" in page.text
        response = bob_client.post(
            f"/promises/{promise.pk}/confirm", {"outcome": "kept"}
        )
        assert response.status_code == 302
        promise.refresh_from_db()
        assert promise.state == State.KEPT
        page = alice_client.get(promise.get_absolute_url())
        assert "Bob confirmed it was kept" in page.text

    def test_a_refused_step_says_why_and_changes_nothing(
        self, space, alice, bob_client
    ):
        promise = make_promise(space, alice)
        response = bob_client.post(f"/promises/{promise.pk}/done")
        assert response.status_code == 409
        assert "Only Alice can mark their promise as done." in response.text
        assert "Nothing was changed." in response.text
        promise.refresh_from_db()
        assert promise.state == State.OPEN

    def test_not_quite_without_a_note_is_bad_input(self, space, alice, bob_client):
        promise = make_promise(space, alice)
        services.promise_mark_done(promise=promise, by=alice)
        response = bob_client.post(
            f"/promises/{promise.pk}/confirm", {"outcome": "not_quite"}
        )
        assert response.status_code == 400
        assert "Say in a few words what was missing." in response.text
        response = bob_client.post(f"/promises/{promise.pk}/confirm", {"outcome": "x"})
        assert response.status_code == 400
        promise.refresh_from_db()
        assert promise.state == State.DONE

    def test_not_quite_and_a_response_show_in_the_history(
        self, space, alice, bob, alice_client, bob_client
    ):
        promise = make_promise(space, alice)
        services.promise_mark_done(promise=promise, by=alice)
        bob_client.post(
            f"/promises/{promise.pk}/confirm",
            {"outcome": "not_quite", "note": "The light still flickers"},
        )
        page = alice_client.get(promise.get_absolute_url())
        assert "The light still flickers" in page.text
        assert "Respond to the note" in page.text
        assert (
            alice_client.post(
                f"/promises/{promise.pk}/respond", {"note": ""}
            ).status_code
            == 400
        )
        alice_client.post(
            f"/promises/{promise.pk}/respond", {"note": "I'll get a new one"}
        )
        page = bob_client.get(promise.get_absolute_url())
        assert "I&#x27;ll get a new one" in page.text
        assert (
            "Respond to the note"
            not in alice_client.get(promise.get_absolute_url()).text
        )

    def test_renegotiation_through_the_pages(
        self, space, alice, bob, alice_client, bob_client
    ):
        promise = make_promise(space, alice)
        new_day = promise.due_date + dt.timedelta(days=3)
        assert alice_client.get(f"/promises/{promise.pk}/propose").status_code == 200
        bad = alice_client.post(
            f"/promises/{promise.pk}/propose", {"text": "", "due_date": new_day}
        )
        assert bad.status_code == 400
        response = alice_client.post(
            f"/promises/{promise.pk}/propose",
            {"text": "Fix both bike lights", "due_date": new_day.isoformat()},
        )
        assert response.status_code == 302
        page = bob_client.get(promise.get_absolute_url())
        assert "Alice proposed new terms" in page.text
        assert "Fix both bike lights" in page.text
        bob_client.post(f"/promises/{promise.pk}/proposal/accept")
        page = alice_client.get(promise.get_absolute_url())
        assert "Wording was:" in page.text
        assert "<del>Call the plumber</del>" in page.text
        assert "<ins>Fix both bike lights</ins>" in page.text

    def test_the_same_terms_come_back_as_bad_input(self, space, alice, alice_client):
        promise = make_promise(space, alice)
        response = alice_client.post(
            f"/promises/{promise.pk}/propose",
            {"text": promise.text, "due_date": promise.due_date.isoformat()},
        )
        assert response.status_code == 400
        assert "change something" in response.text

    def test_the_partner_cannot_open_the_proposal_form_to_change_wording(
        self, space, alice, bob_client
    ):
        promise = make_promise(space, alice)
        response = bob_client.post(
            f"/promises/{promise.pk}/propose",
            {"text": "Bob's words", "due_date": tomorrow().isoformat()},
        )
        assert response.status_code == 409
        promise.refresh_from_db()
        assert promise.text == "Call the plumber"
        assert not promise.has_proposal

    def test_cancelling_through_the_pages(
        self, space, alice, bob, alice_client, bob_client
    ):
        promise = make_promise(space, alice)
        alice_client.post(f"/promises/{promise.pk}/cancel")
        assert (
            alice_client.post(f"/promises/{promise.pk}/cancel/agree").status_code == 409
        )
        page = bob_client.get(promise.get_absolute_url())
        assert "Alice asked to cancel" in page.text
        bob_client.post(f"/promises/{promise.pk}/cancel/agree")
        promise.refresh_from_db()
        assert promise.state == State.CANCELLED

    def test_views_that_change_things_reject_get(self, space, alice, alice_client):
        promise = make_promise(space, alice)
        for action in ("done", "confirm", "respond", "cancel", "proposal/accept"):
            assert (
                alice_client.get(f"/promises/{promise.pk}/{action}").status_code == 405
            )


class TestLists:
    def test_each_list_shows_its_promises(self, space, alice, bob, alice_client):
        mine = make_promise(space, alice, text="Alice's open one")
        theirs = make_promise(space, bob, text="Bob's to Alice")
        services.promise_mark_done(promise=theirs, by=bob)
        settled = make_promise(space, alice, text="Alice's cancelled one")
        services.promise_cancel_request(promise=settled, by=alice)
        services.promise_cancel_agree(promise=settled, by=bob)

        needs = alice_client.get("/promises/")  # defaults to what needs her
        assert "Bob&#x27;s to Alice" in needs.text
        assert "Alice&#x27;s open one" not in needs.text
        assert "Alice&#x27;s open one" in alice_client.get("/promises/?show=mine").text
        to_me = alice_client.get("/promises/?show=to-me").text
        assert "Bob&#x27;s to Alice" in to_me and "open one" not in to_me
        history = alice_client.get("/promises/?show=history").text
        assert "cancelled one" in history and "open one" not in history
        filtered = alice_client.get("/promises/?show=mine&state=cancelled").text
        assert "cancelled one" in filtered and "open one" not in filtered
        assert mine.pk

    def test_a_promise_confirmed_kept_ahead_of_time_stays_listed_and_counted(
        self, space, alice, bob, alice_client, bob_client
    ):
        promise = make_promise(space, alice, text="Paint the hallway", days=5)
        services.promise_mark_done(promise=promise, by=alice)
        services.promise_confirm(promise=promise, by=bob, kept=True)

        mine = alice_client.get("/promises/?show=mine&state=").text
        assert "Paint the hallway" in mine
        to_me = bob_client.get("/promises/?show=to-me").text
        assert "Paint the hallway" in to_me
        figures = alice_client.get("/promises/figures").text
        table = figures[figures.index(f'data-testid="figures-{alice.pk}"') :]
        assert "1 of 1" in table[: table.index("</table>")]

    def test_a_bad_filter_falls_back_instead_of_failing(
        self, space, alice, alice_client
    ):
        make_promise(space, alice)
        response = alice_client.get("/promises/?show=nonsense&state=zzz&page=abc")
        assert response.status_code == 200

    def test_an_outsider_sees_none_of_it(
        self, space, alice, carol, other_space, carol_client
    ):
        make_promise(space, alice, text="Private to us")
        for show in ("needs", "mine", "to-me", "history"):
            assert (
                "Private to us" not in carol_client.get(f"/promises/?show={show}").text
            )


def bulk_promises(space, author, promisee, n):
    now = timezone.now()
    save_promises(
        [
            draft_promise(
                space,
                author,
                to=promisee,
                text=f"Promise {i}",
                due_date=(now + dt.timedelta(days=1 + i % 30)).date(),
                tz="UTC",
                made_at=now,
                state=[State.OPEN, State.DONE, State.KEPT, State.MISSED][i % 4],
            )
            for i in range(n)
        ]
    )


def count_queries(client, url) -> int:
    client.get(url)  # the first request of a session does its own bookkeeping
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/promises/?show=needs",
        "/promises/?show=mine",
        "/promises/?show=to-me",
        "/promises/?show=history",
        "/promises/figures",
        "/",
    ],
)
def test_pages_use_the_same_number_of_queries_for_10_and_1000(
    url, space, alice, bob, alice_client
):
    bulk_promises(space, alice, bob, 5)
    bulk_promises(space, bob, alice, 5)
    few = count_queries(alice_client, url)
    bulk_promises(space, alice, bob, 495)
    bulk_promises(space, bob, alice, 495)
    assert Promise.objects.count() == 1000
    assert count_queries(alice_client, url) == few


def test_the_detail_page_uses_the_same_number_of_queries_however_long_the_history(
    space, alice, bob, alice_client
):
    promise = make_promise(space, alice)
    few = count_queries(alice_client, promise.get_absolute_url())
    for _ in range(20):
        services.promise_cancel_request(promise=promise, by=alice)
        services.promise_cancel_decline(promise=promise, by=bob)
    assert promise.events.count() == 41
    assert count_queries(alice_client, promise.get_absolute_url()) == few


class TestFiguresPage:
    def test_it_shows_both_partners_with_links_to_the_derivation(
        self, space, alice, bob, alice_client
    ):
        page = alice_client.get("/promises/figures")
        assert "Promises you made" in page.text
        assert "Promises Bob made" in page.text
        assert page.text.count('href="/promises/figures/how#kept-share"') == 2
        assert "nothing settled" in page.text
        how = alice_client.get("/promises/figures/how")
        assert 'id="kept-share"' in how.text and 'id="renegotiated"' in how.text


def test_the_dashboard_card_shows_what_needs_me(space, alice, bob, bob_client):
    promise = make_promise(space, alice, text="Water the plants")
    services.promise_mark_done(promise=promise, by=alice)
    page = bob_client.get("/")
    assert 'data-testid="card-promises"' in page.text
    assert "Water the plants" in page.text
    assert "Alice says it’s done: confirm" in page.text


def test_a_whole_day_promise_shows_the_promisers_zone_to_a_partner_elsewhere(
    space, alice, bob, bob_client
):
    alice.timezone = "Asia/Tokyo"
    alice.save()
    bob.timezone = "America/New_York"
    bob.save()
    promise = make_promise(space, alice)
    page = bob_client.get(promise.get_absolute_url())
    assert "Asia/Tokyo time" in page.text
    timed = make_promise(space, alice, text="Call at nine", at=dt.time(21, 0))
    expected = due_moment(timed.due_date, dt.time(21, 0), "Asia/Tokyo").astimezone(
        bob.tz
    )
    page = bob_client.get(timed.get_absolute_url())
    assert expected.strftime("%H:%M") in page.text  # shown in Bob's own time
    assert EventKind.MADE


def test_only_the_promiser_gets_the_proposal_form(space, alice, bob_client):
    promise = make_promise(space, alice)
    response = bob_client.get(f"/promises/{promise.pk}/propose")
    assert response.status_code == 409
    assert "Only Alice can propose new terms" in response.text
    assert 'data-testid="propose-form"' not in response.text


def test_the_export_holds_both_partners_promises_with_their_history(space, alice, bob):
    from troth.promises.export import export

    promise = make_promise(space, alice, text="Bring the ladder back")
    services.promise_mark_done(promise=promise, by=alice)
    services.promise_confirm(promise=promise, by=bob, kept=False, note="Still outside")
    data = export(bob)["promises"]
    assert len(data) == 1
    item = data[0]
    assert item["role"] == "promisee" and item["state"] == "not_quite"
    assert [h["what"] for h in item["history"]] == ["made", "done", "not_quite"]
    assert item["history"][-1] == {
        **item["history"][-1],
        "who": "me",
        "note": "Still outside",
    }
    assert export(alice)["promises"][0]["role"] == "promiser"


def test_the_export_leaves_out_other_couples(space, alice, carol, other_space):
    from troth.promises.export import export

    make_promise(space, alice)
    assert export(carol)["promises"] == []


def test_ritual_follow_through_shows_beside_the_promise_figures(
    alice, bob, space, alice_client
):
    from datetime import timedelta

    from django.utils import timezone

    from troth.schedule.services import ritual_mark
    from troth.schedule.tests.helpers import make_ritual

    # A weekly ritual that began 22 days ago: past occurrences 22, 15, 8 and
    # 1 days ago (four in the last 30 days). Both say the first happened,
    # Alice says the second did not, nobody answered the last two.
    start = (timezone.now() - timedelta(days=22)).replace(microsecond=0)
    ritual = make_ritual(alice, space, start=start)
    first, second = start, start + timedelta(days=7)
    ritual_mark(event=ritual, by=alice, original=first, happened=True)
    ritual_mark(event=ritual, by=bob, original=first, happened=True)
    ritual_mark(event=ritual, by=alice, original=second, happened=False)
    page = alice_client.get("/promises/figures").content.decode()
    section = page.split('data-testid="ritual-follow-through"', 1)[1].split(
        "</section>", 1
    )[0]
    rows = {
        label: section.split(f">{label}</th>", 1)[1].split("</tr>", 1)[0]
        for label in ("Occurrences", "Happened", "Did not happen", "Not answered yet")
    }
    assert rows["Occurrences"].startswith("<td>4</td>")
    assert rows["Happened"].startswith("<td>1</td>")
    assert rows["Did not happen"].startswith("<td>1</td>")
    assert rows["Not answered yet"].startswith("<td>2</td>")
    assert 'href="/calendar/rituals/how"' in section
