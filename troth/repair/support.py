"""Local help lines for the support page, set by whoever hosts Troth.

TROTH_SUPPORT_LINES holds entries separated by ";", each "name|contact" or
"name|contact|note". A contact that is a phone number becomes a tel: link,
an http(s) address a link; anything else is shown as written. Read on each
request, so a host can change it with a restart of nothing but the
environment (docs/configuration.md).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

ENV = "TROTH_SUPPORT_LINES"
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{1,24}$")
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


@dataclass(frozen=True)
class HelpLine:
    name: str
    contact: str
    note: str = ""

    @property
    def href(self) -> str:
        if _PHONE.match(self.contact):
            return "tel:" + re.sub(r"[^0-9+]", "", self.contact)
        if _URL.match(self.contact):
            return self.contact
        return ""


def help_lines(value: str | None = None) -> list[HelpLine]:
    raw = os.environ.get(ENV, "") if value is None else value
    lines = []
    for entry in raw.split(";"):
        parts = [p.strip() for p in entry.split("|")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            continue
        lines.append(
            HelpLine(
                name=parts[0][:120],
                contact=parts[1][:200],
                note=" ".join(parts[2:])[:300],
            )
        )
    return lines[:20]
