"""Repairs at each stage, for the repair tests and the authorization matrix."""

from __future__ import annotations

from troth.repair import services


def opened(space, hurt, other, *, by=None, summary="You read my messages."):
    """A repair opened by `by` (the hurt partner unless said otherwise)."""
    by = by or hurt
    return services.repair_open(
        space=space,
        by=by,
        opened_as="hurt" if by == hurt else "broke",
        summary=summary,
        seriousness=3 if by == hurt else None,
    )


def with_account(space, hurt, other, **kw):
    repair = opened(space, hurt, other, **kw)
    services.account_write(
        repair=repair, by=hurt, text="I felt watched in my own home.", seriousness=3
    )
    return repair


def mirrored(space, hurt, other, **kw):
    repair = with_account(space, hurt, other, **kw)
    services.mirror_write(
        repair=repair, by=other, text="You felt watched in your own home."
    )
    return repair


def heard(space, hurt, other, **kw):
    repair = mirrored(space, hurt, other, **kw)
    services.mirror_answer(repair=repair, by=hurt, heard=True)
    return repair


def apologised(space, hurt, other, **kw):
    repair = heard(space, hurt, other, **kw)
    services.apology_send(
        repair=repair, by=other, text="I read your messages. That was wrong. I'm sorry."
    )
    return repair


def answered(space, hurt, other, **kw):
    repair = apologised(space, hurt, other, **kw)
    services.apology_answer(repair=repair, by=hurt, answer="helps")
    return repair
