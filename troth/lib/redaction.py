"""Secrets that travel in a URL path never reach a log.

An invitation link, a calendar feed address, a password-reset link and an
email-confirmation link each carry their secret in the path, and Django
logs paths: "Forbidden (CSRF cookie not set.): /space/join/<token>/",
"Not Found: ...", the development server's request lines. `SecretPathFilter`
sits on every handler in settings.LOGGING and masks those parts of the
message and of its arguments before anything is written.
"""

from __future__ import annotations

import logging
import re

HIDDEN = "[hidden]"
# Set (as `extra`) on the one kind of record meant to carry links: an email
# written to the log because no SMTP server is configured (troth/lib/mail.py).
EMAIL_TO_LOG = "troth_email_to_log"

# The prefixes are the ones in troth/spaces/urls.py, troth/schedule/urls.py
# and allauth's account URLs (under /accounts/); the secret is what follows,
# up to the next slash, quote, space, query or fragment.
# troth/tests of this module reverse each named URL, so a moved route fails
# there instead of leaking quietly.
# A path may also be URL-encoded inside a query (`?next=%2Fspace%2Fjoin%2F…`).
_SECRET = r"[^/\s\"'?#<>%&]+"
PATTERNS = [
    re.compile(prefix.replace("/", "(?:/|%2[Ff])").join(["(", ")"]) + _SECRET)
    for prefix in (
        "/space/join/",
        "/calendar/feed/",
        "/accounts/password/reset/key/",
        "/accounts/confirm-email/",
    )
]


def mask(text: str) -> str:
    """`text` with every secret path segment replaced by [hidden]."""
    for pattern in PATTERNS:
        text = pattern.sub(r"\1" + HIDDEN, text)
    return text


class SecretPathFilter(logging.Filter):
    """Masks secrets in a record's message, arguments and traceback.

    The message is formatted here, once, and the record carries the masked
    text with no arguments: an argument may be any object (a request, an
    exception) whose text holds the path, so masking the final text is the
    only way to be sure."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, EMAIL_TO_LOG, False):
            # Without SMTP, emails are written to the log on purpose so the
            # host can pass on a reset link (docs/configuration.md, Email).
            return True
        try:
            message = record.getMessage()
        except Exception:
            # A broken format string: logging reports it itself; keep the
            # raw parts, masked.
            message = f"{record.msg} {record.args!r}"
        masked = mask(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True
