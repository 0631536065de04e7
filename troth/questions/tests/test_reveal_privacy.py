"""Before both have answered, nothing of the other's answer reaches a
partner: not its words, its length or its time, on any page, fragment,
notification, email or export. After a pass, never.

The test renders every questions page and fragment as the partner with a
unique marker in the unrevealed answer. If a template, view or query ever
starts showing the answer early, this fails.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core import mail

from conftest import client_for, run_tasks
from troth.notifications.models import Notification, NotificationSettings
from troth.notifications.tasks import send_due_emails
from troth.questions import export as questions_export
from troth.questions import services
from troth.questions.models import Answer, Round
from troth.questions.views import round_context

pytestmark = pytest.mark.django_db

MARKER = "ZQX-unrevealed-4e1f"
# An unusual length, so that a leaked length would be recognisable.
ANSWER = (MARKER + " ") * 137 + "end"
LENGTH = len(ANSWER)
WRITTEN = dt.datetime(2019, 3, 7, 5, 43, tzinfo=dt.UTC)


@pytest.fixture
def setting(alice, bob, space):
    for person in (alice, bob):
        NotificationSettings.objects.create(
            user=person, email_categories=["closeness", "space"]
        )
    today = services.round_for_day(space=space)
    picked = services.round_pick(space=space, by=alice, key="3.trust.1")
    older = Round.objects.create(
        space=space, day=dt.date(2026, 1, 1), key="1.past.2", level=1
    )
    for round in (today, picked, older):
        services.answer_create(round=round, by=alice, text=ANSWER)
    mine = Answer.objects.get(round=today, author=alice)
    services.answer_update(answer=mine, by=alice, text=ANSWER + ".")
    Answer.objects.filter(author=alice).update(created=WRITTEN, updated=WRITTEN)
    run_tasks()
    send_due_emails.call()
    return {"today": today, "picked": picked, "older": older}


def shown(number: int | str, body: str) -> bool:
    """Whether `number` stands in `body` as a number of its own, not as a few
    characters of a random token (a CSP nonce can hold any four digits)."""
    return (
        re.search(rf"(?<![A-Za-z0-9+/_-]){number}(?![A-Za-z0-9+/_-])", body) is not None
    )


def assert_clean(body: str, where: str) -> None:
    assert MARKER not in body, f"the answer leaked in {where}"
    assert not shown(LENGTH, body) and not shown(LENGTH + 1, body), (
        f"its length in {where}"
    )
    assert not shown(2019, body) and "March 7" not in body, f"its time in {where}"


def every_route(client, setting, *, as_htmx_too: bool = True) -> list[tuple[str, str]]:
    """GET every page and fragment, and the POSTs that re-render a card."""
    seen = []
    rounds = setting.values()
    urls = [
        "/",
        "/questions/",
        "/questions/history/",
        "/questions/history/?q=unrevealed-4e1f",
        "/questions/deck/",
        "/notifications/",
    ]
    for round in rounds:
        urls += [
            f"/questions/{round.pk}/",
            f"/questions/{round.pk}/status",
            f"/questions/{round.pk}/answer/edit",
        ]
    for url in urls:
        response = client.get(url)
        assert url == "/" or response.status_code < 500, url
        seen.append((url, response.content.decode()))
        if as_htmx_too:
            seen.append(
                (
                    f"{url} (htmx)",
                    client.get(
                        url, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="history-results"
                    ).content.decode(),
                )
            )
    for round in rounds:
        answer = (
            Answer.objects.filter(round=round).exclude(author=client.user_id).first()
        )
        if answer is not None:
            response = client.post(
                f"/questions/answers/{answer.pk}/react", {"kind": "moved"}
            )
            seen.append((f"react {round.pk}", response.content.decode()))
        for htmx in ({}, {"HTTP_HX_REQUEST": "true"}):
            # Bad input and refused steps re-render the card: still nothing.
            seen.append(
                (
                    f"empty answer {round.pk}",
                    client.post(
                        f"/questions/{round.pk}/answer", {"text": ""}, **htmx
                    ).content.decode(),
                )
            )
            seen.append(
                (
                    f"early follow-up {round.pk}",
                    client.post(
                        f"/questions/{round.pk}/followups", {"text": "hi"}, **htmx
                    ).content.decode(),
                )
            )
    return seen


def partner_client(user):
    # The dashboard at "/" gathers cards from every app; a failure elsewhere
    # must not hide what this sweep checks, so errors become responses (and
    # the questions card is checked on its own in test_dashboard.py).
    client = client_for(user)
    client.raise_request_exception = False
    client.user_id = user.pk
    return client


def test_no_route_shows_the_partner_an_unrevealed_answer(setting, bob):
    for where, body in every_route(partner_client(bob), setting):
        assert_clean(body, where)


def test_searching_for_the_words_finds_nothing(setting, bob):
    body = client_for(bob).get("/questions/history/?q=unrevealed-4e1f").content.decode()
    assert "Nothing you have answered together matches that." in body


def test_nor_to_another_couple(setting, carol, other_space):
    for where, body in every_route(partner_client(carol), setting):
        assert_clean(body, where)


def test_no_notification_or_email_carries_it(setting, alice, bob):
    run_tasks()
    send_due_emails.call()
    assert (
        not Notification.objects.filter(user=bob)
        .exclude(kind="questions.picked")
        .exists()
    )
    for notification in Notification.objects.all():
        assert_clean(notification.message + notification.url, "a notification")
    for message in mail.outbox:
        body = (
            message.subject
            + message.body
            + "".join(str(a[0]) for a in message.alternatives)
        )
        assert_clean(body, "an email")


def test_no_export_carries_it(setting, alice, bob):
    assert_clean(json.dumps(questions_export.export(bob)), "the questions export")
    try:
        from troth.accounts.services import account_export
    except ImportError:  # pragma: no cover - the account export lives elsewhere
        return
    assert_clean(
        json.dumps(account_export(user=bob), default=str), "the account export"
    )
    # The author's own export has it, as it should.
    assert MARKER in json.dumps(questions_export.export(alice))


def test_a_pass_keeps_it_hidden_for_good(setting, alice, bob):
    client = partner_client(bob)
    for round in setting.values():
        client.post(f"/questions/{round.pk}/pass")
    assert all(Round.objects.get(pk=r.pk).is_passed for r in setting.values())
    for where, body in every_route(client, setting):
        assert_clean(body, where)
    assert_clean(json.dumps(questions_export.export(bob)), "the export after a pass")


def test_the_check_would_catch_a_leak_once_revealed(setting, bob):
    """The positive control: after Bob answers, the same routes show it."""
    today = setting["today"]
    services.answer_create(round=today, by=bob, text="Bob's own")
    body = client_for(bob).get(f"/questions/{today.pk}/").content.decode()
    assert MARKER in body


def test_the_view_context_holds_no_partner_answer_before_the_reveal(setting, bob, rf):
    request = rf.get("/")
    request.user = bob
    for round in setting.values():
        round = Round.objects.with_progress(bob).get(pk=round.pk)
        context = round_context(request, round)
        assert context["theirs"] == [] and context["mine"] is None
        assert round.partner_answered and not round.i_answered
