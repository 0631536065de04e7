"""Words a person writes, as a service takes them: without the spaces
around them, refused when missing or too long.

    text = words(text, COMMITMENT_MAX, field="text", empty=_("Say what you commit to."))

A form says the same first (troth/lib/forms.py); the service says it again
for every other caller (the clock, the demo, a test)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as Text


def words(
    text: str | None,
    limit: int,
    *,
    field: str | None = None,
    empty: Text | None = None,
    too_long: Text | None = None,
) -> str:
    """`text` stripped. Refused with a `ValidationError` (on `field`, when
    given) if it is empty and `empty` says why, or longer than `limit`
    characters (`too_long`, or "Keep it under … characters.")."""
    text = (text or "").strip()
    if not text and empty is not None:
        raise _refused(empty, field, "empty")
    if len(text) > limit:
        message = too_long or _("Keep it under %(limit)s characters.") % {
            "limit": limit
        }
        raise _refused(message, field, "too_long")
    return text


def _refused(message: Text, field: str | None, code: str) -> ValidationError:
    if field is None:
        return ValidationError(message, code=code)
    return ValidationError({field: message}, code=code)
