"""The guard for what needs both partners: a proposal needs someone to
answer it, a repair or a dialogue someone to take part."""

from __future__ import annotations

from troth.spaces.steps import Refused, require_partner


def require_both_partners(space, by, *, missing: str):
    """`by` may act in `space` (`require_partner`) and their partner has
    joined: the partner. `missing` says what waits for them when they
    haven't (a refusal, code `no_partner`)."""
    require_partner(space, by)
    partner = space.partner_of(by)
    if partner is None:
        raise Refused(missing, "no_partner")
    return partner
