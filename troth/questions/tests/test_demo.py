"""The demo's questions read as a real couple's: every answer is the one
written for its question, in its author's voice, and nothing repeats."""

from __future__ import annotations

import pytest

from conftest import client_for
from troth.demo import demo_create
from troth.questions.deck import DECK_BY_KEY
from troth.questions.demo_answers import ANSWERS, FOLLOWUPS, OWN
from troth.questions.models import Answer, FollowUp, Round

pytestmark = pytest.mark.django_db


def test_every_demo_answer_is_the_one_written_for_its_question():
    demo = demo_create()
    voice = {demo.alex.pk: "alex", demo.sam.pk: "sam"}
    own_answers = {text: answers for text, _level, answers in OWN}
    rounds = list(Round.objects.filter(space=demo.space).select_related("own"))
    assert len(rounds) >= 40
    revealed = 0
    for round in rounds:
        written = own_answers[round.own.text] if round.own else ANSWERS[round.key]
        answers = list(Answer.objects.filter(round=round))
        for answer in answers:
            assert answer.text == written[voice[answer.author_id]], round.key
        if round.revealed_at is not None:
            revealed += 1
            assert len(answers) == 2
            assert answers[0].text != answers[1].text, round.key
    assert revealed >= len(rounds) * 3 // 4
    # Each question is asked once: a repeat would repeat its answers.
    assert len({r.key for r in rounds}) == len(rounds)


def test_the_written_answers_belong_to_the_deck_and_differ():
    for key, answers in ANSWERS.items():
        assert key in DECK_BY_KEY, key
        assert set(answers) == {"alex", "sam"}
        assert answers["alex"] != answers["sam"]
    for text, _level, answers in OWN:
        assert answers["alex"] != answers["sam"], text
    assert set(FOLLOWUPS) <= set(ANSWERS)
    every = [a for answers in ANSWERS.values() for a in answers.values()]
    assert len(set(every)) == len(every)


def test_no_follow_up_note_repeats_and_each_fits_its_round():
    demo = demo_create()
    notes = list(FollowUp.objects.filter(space=demo.space).select_related("round"))
    assert len(notes) >= 5
    assert len({n.text for n in notes}) == len(notes)
    voice = {demo.alex.pk: "alex", demo.sam.pk: "sam"}
    for note in notes:
        assert FOLLOWUPS[note.round.key] == (voice[note.author_id], note.text)
        assert note.round.revealed_at is not None
        assert note.created <= demo.now


def test_the_questions_page_shows_the_answers_to_the_question_asked():
    demo = demo_create()
    round = (
        Round.objects.filter(space=demo.space, revealed_at__isnull=False, own=None)
        .order_by("-day")
        .first()
    )
    page = client_for(demo.alex).get(round.get_absolute_url()).content.decode()
    for text in ANSWERS[round.key].values():
        assert text.replace("'", "&#x27;") in page


def test_the_demo_asks_from_the_packs_too_lately_as_well():
    demo = demo_create()
    rounds = list(Round.objects.filter(space=demo.space, own=None))
    from_packs = [r for r in rounds if DECK_BY_KEY[r.key].theme == ""]
    assert len(from_packs) >= 10
    recent = [r for r in from_packs if (demo.now.date() - r.day).days <= 54]
    assert recent
    # A deepest question from a pack shows its follow-up prompt once revealed.
    revealed = next(
        r for r in recent if r.revealed_at is not None and r.follow_up != ""
    )
    page = client_for(demo.alex).get(revealed.get_absolute_url()).content.decode()
    assert 'data-testid="suggested-followup"' in page
