"""An email backend for hosts without SMTP: each message goes to the log.

Someone running Troth on their own machine still sees the invitation and
password-reset links. Hosts that serve real people configure SMTP instead.
"""

from __future__ import annotations

import logging

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("troth.mail")


class LogEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            logger.info(
                "Email not sent (no SMTP configured); it reads:\n"
                "To: %s\nSubject: %s\n\n%s",
                ", ".join(message.recipients()),
                message.subject,
                message.body,
            )
        return len(email_messages)
