"""The insights page as a short story (issue 12): it opens with at most three
plain sentences built from the figures, each section shows one chart with
its numbers folded under "The numbers", and a new couple reads what will
appear and when instead of empty charts and tables of zeros."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from troth.audits.tests.helpers import moment, promise, pulse
from troth.lib.time import local_today
from troth.promises.models import State

pytestmark = pytest.mark.django_db


def story(page: str) -> list[str]:
    block = page.split('data-testid="insights-story"', 1)[1].split("</div>", 1)[0]
    return [
        re.sub(r"\s+", " ", p).strip()
        for p in re.findall(r"<p>(.*?)</p>", block, flags=re.S)
    ]


def months_back(user, n: int, day: int = 10) -> dt.date:
    """Day `day` of the month `n` months before this one, in `user`'s zone."""
    first = local_today(user.tz, timezone.now()).replace(day=1)
    for _n in range(n):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return first.replace(day=day)


def test_a_new_couple_reads_what_will_appear_and_when(alice_client, space):
    page = alice_client.get("/insights/").text
    assert story(page) == [
        "Nothing recorded in these months yet. Below is what each part shows, "
        "and when it appears."
    ]
    assert (
        "The pulse chart appears after about two weeks of answers: 14 more days" in page
    )
    assert 'data-testid="promises-waiting"' in page
    assert "When a promise comes due and is settled" in page
    assert 'data-testid="rituals-waiting"' in page
    assert 'data-testid="moments-conflicts-waiting"' in page
    # No empty charts, no tables of zeros, nothing to fold.
    assert 'role="img"' not in page
    assert "<table" not in page
    assert "nothing-to-draw" not in page
    # Every part still says how it is computed.
    for key in ("pulse", "promises", "rituals", "moments-conflicts", "own-data"):
        assert f'href="/insights/how#{key}"' in page


def test_a_little_data_shows_its_chart_but_no_change_to_tell(
    alice_client, space, alice, bob
):
    promise(space, alice, months_back(alice, 1).isoformat(), State.KEPT)
    moment(space, bob, months_back(alice, 1).isoformat())
    page = alice_client.get("/insights/").text
    # One month of promises: nothing has changed yet, so no sentence on it.
    assert not any("promises you settled" in s for s in story(page))
    assert 'data-testid="promises-waiting"' not in page
    assert 'data-testid="promises-numbers"' in page
    # Moments: the last full month beside the one before.
    month = months_back(alice, 1).strftime("%B")
    before = months_back(alice, 2).strftime("%B")
    assert f"Moments you can see: 1 from {month}, 0 from {before}." in story(page)


def test_more_data_opens_with_at_most_three_sentences_of_what_changed(
    alice_client, space, alice, bob
):
    # Promises: 1 of 2 kept two months ago, 2 of 2 last month.
    for state in (State.KEPT, State.MISSED):
        promise(space, alice, months_back(alice, 2).isoformat(), state)
    for state in (State.KEPT, State.KEPT):
        promise(space, alice, months_back(alice, 1).isoformat(), state)
    # Pulse: dependability 3 last month, 6 this month; the rest unchanged.
    last = months_back(alice, 1, day=1)
    this = months_back(alice, 0, day=1)
    for n in range(14):
        pulse(
            space,
            alice,
            (last + dt.timedelta(days=n)).isoformat(),
            shared=False,
            predictability=4,
            dependability=3,
            faith=4,
            understood=4,
            cared_for=4,
        )
    pulse(
        space,
        alice,
        this.isoformat(),
        shared=False,
        predictability=4,
        dependability=6,
        faith=4,
        understood=4,
        cared_for=4,
    )
    moment(space, bob, months_back(alice, 1).isoformat())
    page = alice_client.get("/insights/").text
    sentences = story(page)
    assert len(sentences) == 3
    assert sentences[0] == (
        "Of your pulse, dependability moved the most: 3.0 in "
        f"{last:%B %Y}, 6.0 in {this:%B %Y}."
    )
    # The pulse's one chart shown is the part the sentence names.
    pulse_card = page.split('data-testid="insight-pulse"', 1)[1].split("<details", 1)[0]
    assert 'data-testid="pulse-dependability"' in pulse_card
    two, one = months_back(alice, 2), months_back(alice, 1)
    assert sentences[1] == (
        "Of the promises you settled, you kept 1 of 2 in "
        f"{two:%B %Y} and 2 of 2 in {one:%B %Y}."
    )
    assert sentences[2].startswith("Moments you can see: 1 from")
    # Never a judgement or a score.
    text = " ".join(sentences).lower()
    for word in ("better", "worse", "improv", "score", "declin", "good", "bad"):
        assert word not in text.replace("no score", "")


def test_one_chart_per_section_the_rest_folded_under_the_numbers(
    alice_client, space, alice
):
    this = months_back(alice, 0, day=1)
    for n in range(20):
        pulse(
            space,
            alice,
            (this - dt.timedelta(days=n)).isoformat(),
            shared=False,
            predictability=5,
            dependability=5,
            faith=5,
            understood=5,
            cared_for=5,
        )
    page = alice_client.get("/insights/").text
    section = page.split('data-testid="insight-pulse"', 1)[1].split("</section>", 1)[0]
    shown, folded = section.split('<details class="numbers"', 1)
    assert shown.count('role="img"') == 1
    assert folded.count('role="img"') == 3
    assert "<summary>The numbers</summary>" in folded
    assert 'data-testid="pulse-table"' in folded
