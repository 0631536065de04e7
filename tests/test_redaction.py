"""No log line carries a secret from a URL path (troth/lib/redaction.py)."""

from __future__ import annotations

import io
import logging

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse

from conftest import make_space
from troth.lib.mail import LogEmailBackend
from troth.lib.redaction import HIDDEN, SecretPathFilter, mask
from troth.spaces import services

SECRET = "Zq3xSECRETtoken_-9"


def configured_handlers() -> list[logging.Handler]:
    """Every handler Troth's logging set up (pytest's own are left out, and
    the NullHandler a library such as requests gives its logger: it writes
    nothing, so it has nothing to mask)."""
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    return [
        handler
        for logger in loggers
        for handler in logger.handlers
        if not type(handler).__module__.startswith("_pytest")
        and not isinstance(handler, logging.NullHandler)
    ]


@pytest.fixture
def log_output():
    """What the configured console handler writes, for the test's length."""
    handlers = [
        h for h in configured_handlers() if isinstance(h, logging.StreamHandler)
    ]
    assert handlers
    stream = io.StringIO()
    old = [h.setStream(stream) for h in handlers]
    yield stream
    for handler, previous in zip(handlers, old, strict=True):
        handler.setStream(previous)


def test_every_configured_handler_masks_secrets():
    handlers = configured_handlers()
    assert handlers
    for handler in handlers:
        assert any(isinstance(f, SecretPathFilter) for f in handler.filters), handler


@pytest.mark.django_db
def test_a_csrf_failure_on_a_live_invitation_logs_no_token(alice, log_output):
    space = make_space(alice)
    _, token = services.invitation_create(space=space, by=alice)

    response = Client(enforce_csrf_checks=True).post(f"/space/join/{token}/")

    assert response.status_code == 403
    written = log_output.getvalue()
    assert "Forbidden" in written
    assert f"/space/join/{HIDDEN}/" in written
    assert token not in written


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("spaces:join", {"token": SECRET}),
        ("schedule:feed", {"token": SECRET}),
        ("account_reset_password_from_key", {"uidb36": "2", "key": SECRET}),
        ("account_confirm_email", {"key": SECRET}),
    ],
)
def test_each_route_with_a_secret_in_its_path_is_masked(name, kwargs):
    path = reverse(name, kwargs=kwargs)
    masked = mask(f"Forbidden (CSRF cookie not set.): {path}")
    assert SECRET not in masked
    assert HIDDEN in masked


def test_arguments_and_tracebacks_are_masked_too(log_output):
    logger = logging.getLogger("troth.tests.redaction")

    class Request:
        def __str__(self):
            return f"<WSGIRequest: GET '/calendar/feed/{SECRET}.ics'>"

    logger.warning("Odd request %s", Request())
    try:
        raise ValueError(f"no such page /space/join/{SECRET}/")
    except ValueError:
        logger.exception("While serving %(path)s", {"path": f"/space/join/{SECRET}/"})

    written = log_output.getvalue()
    assert "Odd request" in written and "ValueError" in written
    assert SECRET not in written


def test_an_email_written_to_the_log_keeps_its_link(log_output):
    """Without SMTP the host reads reset links in the log, as documented."""
    link = f"http://localhost:8000/accounts/password/reset/key/2-{SECRET}/"
    LogEmailBackend().send_messages(
        [EmailMessage("Account notice", f"Reset: {link}", to=["a@example.com"])]
    )
    assert link in log_output.getvalue()


def test_a_path_encoded_in_a_query_is_masked_too():
    line = f'"GET /accounts/login/?next=%2Fspace%2Fjoin%2F{SECRET}%2F HTTP/1.1" 200'
    assert SECRET not in mask(line)
    assert HIDDEN in mask(line)
