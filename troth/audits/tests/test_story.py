"""The audit as a short story (issue 12): at most three plain sentences from
the snapshot, one chart per section, the tables under "The numbers", and a
new couple told when their first audit can start."""

from __future__ import annotations

import re

import pytest

from troth.audits import services
from troth.audits.figures import compare, tables
from troth.audits.models import Audit
from troth.audits.story import section_charts, story

pytestmark = pytest.mark.django_db

NAMES = {"1": "Alex", "2": "Sam"}


def snapshot(
    *, kept=(0, 0), settled=(0, 0), moments=(0, 0), rituals=(0, 0), conflicts=(0, 0)
) -> dict:
    promises = {
        uid: {
            "due": s,
            "kept": k,
            "not_quite": 0,
            "missed": s - k,
            "renegotiated": 0,
            "waiting": 0,
        }
        for uid, k, s in zip(("1", "2"), kept, settled, strict=True)
    }
    return {
        "version": 1,
        "people": ["1", "2"],
        "promises": promises,
        "moments": {"1": moments[0], "2": moments[1]},
        "rituals": {
            "occurrences": rituals[0],
            "happened": rituals[1],
            "did_not": 0,
            "unmarked": rituals[0] - rituals[1],
        },
        "conflicts": {"shared": conflicts[0], "repaired": conflicts[1]},
    }


def told(current: dict, previous: dict | None = None, viewer: str = "1") -> list[str]:
    return story(compare(current, previous, NAMES), NAMES, viewer)


def test_an_audit_with_nothing_recorded_says_so_in_one_sentence():
    assert told(snapshot()) == [
        "Little was recorded in the weeks this audit covers, so there is not "
        "much to tell yet. The numbers are below."
    ]


def test_a_first_audit_tells_the_figures_without_a_comparison():
    sentences = told(snapshot(kept=(2, 0), settled=(3, 0), moments=(1, 0)))
    assert sentences == [
        "Of the promises settled, you kept 2 of 3.",
        "Moments you noticed about each other: 1.",
    ]


def test_a_full_month_opens_with_three_sentences_beside_the_month_before():
    now = snapshot(
        kept=(9, 4), settled=(11, 5), moments=(7, 5), rituals=(4, 3), conflicts=(2, 1)
    )
    before = snapshot(
        kept=(7, 3), settled=(10, 3), moments=(4, 5), rituals=(4, 2), conflicts=(1, 1)
    )
    assert told(now, before) == [
        "Of the promises settled, you kept 9 of 11 (7 of 10 in the audit before); "
        "Sam kept 4 of 5 (3 of 3 in the audit before).",
        "Moments you noticed about each other: 12 (9 in the audit before).",
        "Ritual dates that happened: 3 of 4 (2 of 4 in the audit before).",
    ]
    # The other partner reads it from their side, themself first.
    assert told(now, before, viewer="2")[0].startswith(
        "Of the promises settled, you kept 4 of 5 (3 of 3 in the audit before); "
        "Alex kept 9 of 11"
    )
    # Without promises, the disagreements come in.
    no_promises = {k: v for k, v in now.items() if k != "promises"}
    assert told(no_promises, before)[-1] == (
        "Disagreements in your shared log: 2, 1 of them repaired "
        "(1, 1 repaired in the audit before)."
    )


def test_a_story_never_judges_or_scores():
    now = snapshot(
        kept=(1, 0), settled=(5, 0), moments=(0, 1), rituals=(4, 0), conflicts=(6, 0)
    )
    before = snapshot(kept=(5, 0), settled=(5, 0), moments=(9, 9), rituals=(4, 4))
    text = " ".join(told(now, before)).lower()
    for word in ("better", "worse", "improv", "score", "declin", "good", "bad", "%"):
        assert word not in text


def test_one_chart_per_section_with_counts_only():
    compared = compare(
        snapshot(kept=(2, 1), settled=(3, 1), rituals=(2, 1)), None, NAMES
    )
    charts = section_charts(tables(compared, NAMES), has_previous=False)
    by_section = {c.table.section: c for c in charts}
    promises = by_section["Promises"]
    assert [s.name for s in promises.series] == ["Alex", "Sam"]
    assert "Kept: Alex 2, Sam 1." in promises.svg
    assert "Kept, of those settled" not in promises.svg  # a share stays tabled
    assert by_section["Rituals"].svg is not None
    # Nothing to draw: no chart, the numbers still there.
    assert by_section["Disagreements (shared log)"].svg is None


def test_the_page_opens_with_the_story_and_folds_the_numbers(
    alice_client, space, alice
):
    audit = services.audit_start(space=space, by=alice)
    page = alice_client.get(audit.get_absolute_url()).text
    block = page.split('data-testid="audit-story"', 1)[1].split("</div>", 1)[0]
    assert "Little was recorded" in block
    numbers = page.count('<details class="numbers" data-testid="audit-numbers">')
    assert numbers == page.count('data-testid="audit-section"') > 0
    assert 'href="/audits/how"' in page
    assert 'href="/docs/figures/audit-figures"' in page
    printable = alice_client.get(f"/audits/{audit.pk}/print").text
    assert re.search(r'<details class="numbers" open', printable)


def test_a_new_couple_is_told_when_the_first_audit_can_start(
    alice_client, space, alice
):
    page = alice_client.get("/audits/").text
    assert "Your first audit can start as soon as you choose your audit day" in page
    alice_client.post("/audits/day", {"day": "28"})
    page = alice_client.get("/audits/").text
    assert re.search(
        r"Your first audit can start on \w+ \d+ \w+: Troth drafts it", page
    )
    assert not Audit.objects.exists()


def test_someone_waiting_for_a_partner_is_told_so(eve):
    from conftest import client_for, make_space

    make_space(eve)
    page = client_for(eve).get("/audits/").text
    assert "Your first audit can start once your partner has joined." in page


def test_the_markdown_export_opens_with_the_same_sentences(space, alice, rf):
    from troth.audits.markdown import audit_markdown
    from troth.audits.views import detail_context

    audit = services.audit_start(space=space, by=alice)
    request = rf.get("/")
    request.user = alice
    text = audit_markdown(detail_context(request, audit), viewer=alice)
    assert "Little was recorded in the weeks this audit covers" in text
