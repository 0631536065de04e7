from __future__ import annotations

from troth.dialogue import services


def started(space, by, first=None, mode="written"):
    return services.dialogue_start(
        space=space, by=by, mode=mode, first_sender=first or by, topic="Weekends"
    )


def finished(space, by, partner, mode="together"):
    dialogue = started(space, by, mode=mode)
    actions = ["next", "next", "done", "next", "next", "next", "yes"]
    if mode == "together":
        actions.append("ready")
    actions += ["next", "next", "done", "next", "next", "next", "yes"]
    for action in actions:
        actor = dialogue.actor if dialogue.is_written else by
        services.dialogue_step(
            dialogue=dialogue, by=actor, action=action, text="Words."
        )
    return dialogue


def proposed_summary(space, by, partner):
    dialogue = finished(space, by, partner)
    return services.summary_propose(
        dialogue=dialogue, by=by, text="We heard each other."
    )
