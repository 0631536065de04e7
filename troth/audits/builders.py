"""Builders for an audit's reflections and commitments, for the demo and
the tests alike (see troth/spaces/builders.py for what a builder is). An
audit itself is drafted by `services.audit_draft`, which takes `now=`."""

from __future__ import annotations

import datetime as dt

from troth.audits.models import Audit, Commitment, Reflection, write


def build_reflection(
    audit: Audit,
    author,
    *,
    went_well: str,
    differently: str,
    need: str,
    at: dt.datetime,
) -> Reflection:
    """`author`'s shared reflection on the audit's month, written at `at`."""
    return write(
        Reflection,
        audit,
        author,
        at=at,
        went_well=went_well,
        differently=differently,
        need=need,
    )


def build_commitment(
    audit: Audit, author, *, text: str, due_date: dt.date, at: dt.datetime
) -> Commitment:
    """What `author` committed to in the audit, by `due_date`."""
    return write(Commitment, audit, author, at=at, text=text, due_date=due_date)
