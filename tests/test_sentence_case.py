"""Troth writes headings, buttons and labels in sentence case ("Sign in"),
the account pages from django-allauth included (their wording is replaced in
troth/locale/en: allauth writes "Sign In", "Remember Me")."""

from __future__ import annotations

import re

import html5lib
import pytest
from django.test import Client

from conftest import PASSWORD

# Text people read as a name for an action or a section.
NAMING = ("h1", "h2", "h3", "h4", "button", "label", "legend", "summary", "th")
# Words that keep their capital inside a sentence.
PROPER = {"Troth", "I"}
WORD = re.compile(r"[A-Za-z][\w’'-]*")

SIGNED_OUT = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/1-bad/",
    "/accounts/confirm-email/",
]
SIGNED_IN = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/webauthn/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/webauthn/add/",
    "/accounts/2fa/recovery-codes/generate/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
]


def text_of(element) -> str:
    """The element's own words; a pill inside it ("Verified") is a word of
    its own, not part of the label's sentence."""
    parts = [element.text or ""]
    for child in element:
        if "pill" not in child.get("class", "").split():
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def title_case_words(text: str) -> list[str]:
    """Capitalised words that do not begin a sentence."""
    found = []
    previous = ""
    for match in WORD.finditer(text):
        word = match.group()
        before = text[: match.start()].rstrip()
        starts_sentence = not previous or before.endswith((".", "?", "!", ":"))
        if (
            not starts_sentence
            and word[0].isupper()
            and not word.isupper()
            and word not in PROPER
        ):
            found.append(word)
        previous = word
    return found


def title_case_on(client: Client, path: str) -> list[str]:
    response = client.get(path, follow=True)
    assert response.status_code == 200, path
    tree = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    main = tree.find(".//main")
    problems = []
    for tag in NAMING:
        for element in main.iter(tag):
            text = text_of(element)
            if title_case_words(text):
                problems.append(f"{path}: <{tag}> {text!r}")
    return problems


def test_it_spots_title_case():
    assert title_case_words("Remember Me") == ["Me"]
    assert title_case_words("Sign in to Troth. Then rest.") == []


@pytest.mark.django_db
def test_signed_out_account_pages_use_sentence_case():
    client = Client()
    problems = [p for path in SIGNED_OUT for p in title_case_on(client, path)]
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_signed_in_account_pages_use_sentence_case(alice):
    client = Client()
    # A real sign-in, so pages that ask for a recent sign-in show themselves.
    response = client.post(
        "/accounts/login/", {"login": alice.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    problems = [p for path in SIGNED_IN for p in title_case_on(client, path)]
    assert not problems, "\n".join(problems)
