"""Who may reach each dialogue view: both partners for the dialogue and a
shared summary; its author alone for a summary no longer shared."""

from tests.matrix import Case
from troth.dialogue import services
from troth.dialogue.tests.factories import finished, proposed_summary, started

BOTH = {"alice", "bob"}
THEM = {"carol", "dave"}


def _dialogue(world):
    return {"pk": started(world.space, world.alice).pk}


def _finished(world):
    return {"pk": finished(world.space, world.alice, world.bob).pk}


def _theirs(world):
    return {"pk": started(world.other_space, world.carol).pk}


def _summary(world):
    return {"pk": proposed_summary(world.space, world.alice, world.bob).pk}


def _their_summary(world):
    return {"pk": proposed_summary(world.other_space, world.carol, world.dave).pk}


def _private_summary(world):
    summary = proposed_summary(world.space, world.alice, world.bob)
    services.summary_let_go(summary=summary, by=world.bob)
    return {"pk": summary.pk}


def shared(make=_dialogue, method="GET", data=None, other=_theirs):
    return [
        Case("alice's dialogue", make, BOTH, method=method, data=data or {}),
        Case("carol's dialogue", other, THEM, method=method, data=data or {}),
    ]


CASES = {
    "dialogue:detail": shared(),
    "dialogue:step": shared(method="POST", data={"action": "next", "text": "I feel."}),
    "dialogue:break": shared(method="POST"),
    "dialogue:resume": shared(method="POST"),
    "dialogue:stop": shared(method="POST"),
    "dialogue:summary": shared(_finished, "POST", {"text": "What we heard."}),
    "dialogue:summary_keep": shared(_summary, "POST", other=_their_summary),
    "dialogue:summary_let_go": shared(_summary, "POST", other=_their_summary),
    "dialogue:summary_delete": [
        *shared(_summary, "POST", other=_their_summary),
        Case("alice's private summary", _private_summary, {"alice"}, method="POST"),
    ],
}
