"""Every email Troth sends: one layout, the recipient's language and time
zone, a valid sender, and a backend for hosts without SMTP.

- `email_render` builds a message with a text and an HTML part from
  `<prefix>_message.txt` (and `<prefix>_message.html` when there is one).
  Both parts extend the one layout, `email/base.txt` and `email/base.html`;
  a message written as text only (allauth's) gets its HTML part by setting
  its text, escaped, inside the HTML layout (`email/from_text.html`).
  allauth's messages come here through the account adapter's `render_mail`,
  notifications through `troth.notifications.services.email_send`.
- `recipient_locale` renders in the recipient's language and time zone, so
  a time in an email is the reader's local time.
- `default_sender` is the From address when the host set none.
- `LogEmailBackend` writes each message to the log when no SMTP is set, so
  someone running Troth on their own machine still sees invitation and
  password-reset links. Hosts that serve real people configure SMTP instead.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from troth.lib.redaction import EMAIL_TO_LOG

logger = logging.getLogger("troth.mail")

# Used when the base URL's host can't make a valid address (an IP address,
# "localhost", any name without a dot). `.localhost` is reserved for the
# local machine (RFC 6761), so this can never be somebody else's domain.
FALLBACK_SENDER_DOMAIN = "troth.localhost"


def default_sender(host: str | None) -> str:
    """ "Troth <troth@host>" for a real host name, else the reserved fallback.

    `troth@127.0.0.1` is not an address (an IP must be written as a
    bracketed literal, which mail servers refuse from strangers), and a bare
    name such as `localhost` has no domain to send from."""
    host = (host or "").strip().rstrip(".").lower()
    try:
        ipaddress.ip_address(host)
        is_ip = True
    except ValueError:
        is_ip = False
    if is_ip or "." not in host:
        host = FALLBACK_SENDER_DOMAIN
    return f"Troth <troth@{host}>"


@contextmanager
def recipient_locale(user) -> Iterator[None]:
    """Render in the recipient's language and time zone. For an address with
    no account (allauth's unknown-account notice) the request's stay."""
    language = getattr(user, "language", "") or None
    zone = getattr(user, "tz", None)
    with translation.override(language or translation.get_language()):
        if zone is None:
            yield
            return
        with timezone.override(zone):
            yield


def email_render(
    *,
    template_prefix: str,
    to: list[str],
    context: dict,
    recipient=None,
    subject: str | None = None,
    headers: dict[str, str] | None = None,
    format_subject: Callable[[str], str] = str,
):
    """One email in Troth's layout, with a text and an HTML part.

    `subject` defaults to `<prefix>_subject.txt` rendered on one line.
    Everything is rendered in the recipient's language and time zone."""
    context = {"base_url": settings.BASE_URL, **context}
    with recipient_locale(recipient):
        if subject is None:
            rendered = render_to_string(f"{template_prefix}_subject.txt", context)
            subject = format_subject(" ".join(rendered.split()))
        text = render_to_string(f"{template_prefix}_message.txt", context).strip()
        try:
            html = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:
            # A text-only message: its words, without the text layout's
            # footer, go inside the HTML layout (escaped, links made links).
            content = render_to_string(
                f"{template_prefix}_message.txt", {**context, "content_only": True}
            ).strip()
            html = render_to_string(
                "email/from_text.html", {**context, "content": content}
            )
    message = EmailMultiAlternatives(
        subject=str(subject),
        body=text + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


class LogEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            logger.info(
                "Email not sent (no SMTP configured); it reads:\n"
                "To: %s\nSubject: %s\n\n%s",
                ", ".join(message.recipients()),
                message.subject,
                message.body,
                # The host needs the links in it: not masked (troth/lib/redaction.py).
                extra={EMAIL_TO_LOG: True},
            )
        return len(email_messages)
