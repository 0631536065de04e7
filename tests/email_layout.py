"""What every email Troth sends has: a text and an HTML part, both in the one
layout (troth/templates/email/base.txt and base.html), saying the same."""

from __future__ import annotations

import html
import re

from django.conf import settings


def parts(message) -> tuple[str, str]:
    """(text, html) of a sent message; fails unless there is exactly one HTML
    alternative."""
    [(html_part, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return message.body, html_part


def visible_text(html_part: str) -> str:
    """The words a reader sees in the HTML part, on one line."""
    words = re.sub(r"<[^>]+>", "", html_part)
    return " ".join(html.unescape(words).split())


def assert_in_layout(message) -> None:
    text, html_part = parts(message)
    # The text layout: the message, then a signature separator and footer
    # that ends with Troth's address.
    content, separator, footer = text.partition("\n-- \n")
    assert separator, text
    assert content.strip(), text
    assert footer.rstrip().endswith(settings.BASE_URL), text
    # The HTML layout: a whole document with Troth's header and a footer.
    assert html_part.startswith("<!DOCTYPE html>"), html_part[:200]
    assert f'<header><p><a href="{settings.BASE_URL}/">' in html_part
    assert "<main>" in html_part
    assert "<footer>" in html_part
    # Both parts carry the same message: its first line is in the HTML.
    first_line = next(line for line in content.splitlines() if line.strip())
    assert " ".join(first_line.split()) in visible_text(html_part), (
        first_line,
        html_part,
    )
