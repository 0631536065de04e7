"""Security headers, cookies and settings, in development and as a host
would run Troth in production (TROTH_BASE_URL=https://…)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path
from unittest import mock

import pytest
from django.db import DatabaseError
from django.test import Client

from conftest import client_for

ROOT = Path(__file__).resolve().parent.parent


def production_env(tmp_path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TROTH_", "DJANGO_")) and k != "DATABASE_URL"
    }
    env.update(
        TROTH_BASE_URL="https://troth.example",
        TROTH_SECRET_KEY=secrets.token_urlsafe(60),
        TROTH_ALLOWED_HOSTS="troth.example",
        TROTH_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="troth.settings",
    )
    return env


def run_python(code: str, env: dict) -> dict:
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


# Production settings in processes of their own, on a SQLite data dir of their
# own: the same whatever database the suite runs on.
@pytest.mark.sqlite_install
class TestProduction:
    def test_the_deploy_check_passes_with_production_settings(self, tmp_path):
        troth = Path(sys.executable).with_name("troth")
        command = (
            [str(troth)] if troth.exists() else [sys.executable, "-m", "troth.cli"]
        )
        result = subprocess.run(  # noqa: S603
            [*command, "manage", "check", "--deploy", "--fail-level", "WARNING"],
            env=production_env(tmp_path),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no issues" in result.stdout

    def test_production_settings_are_secure(self, tmp_path):
        values = run_python(
            """
            import json, django
            django.setup()
            from django.conf import settings as s
            print(json.dumps({
                "debug": s.DEBUG,
                "session_secure": s.SESSION_COOKIE_SECURE,
                "session_httponly": s.SESSION_COOKIE_HTTPONLY,
                "session_samesite": s.SESSION_COOKIE_SAMESITE,
                "session_name": s.SESSION_COOKIE_NAME,
                "csrf_secure": s.CSRF_COOKIE_SECURE,
                "csrf_httponly": s.CSRF_COOKIE_HTTPONLY,
                "csrf_samesite": s.CSRF_COOKIE_SAMESITE,
                "hsts": s.SECURE_HSTS_SECONDS,
                "hsts_subdomains": s.SECURE_HSTS_INCLUDE_SUBDOMAINS,
                "ssl_redirect": s.SECURE_SSL_REDIRECT,
                "hashers": s.PASSWORD_HASHERS,
                "webauthn_insecure": s.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN,
            }))
            """,
            production_env(tmp_path),
        )
        assert values["debug"] is False
        assert values["session_secure"] and values["csrf_secure"]
        assert values["session_httponly"] and values["csrf_httponly"]
        assert values["session_samesite"] == values["csrf_samesite"] == "Lax"
        assert values["session_name"].startswith("__Host-")
        assert values["hsts"] >= 31536000 and values["hsts_subdomains"]
        assert values["ssl_redirect"] is True
        assert (
            values["hashers"][0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
        )
        assert values["webauthn_insecure"] is False

    def test_real_responses_carry_hsts_and_secure_cookies(self, tmp_path):
        seen = run_python(
            """
            import json, django
            django.setup()
            from django.core.management import call_command
            from troth.cli import _prepare
            _prepare(verbosity=0)
            from django.test import Client
            from troth.accounts.models import User
            User.objects.create_user("alice@example.com", "correct horse battery",
                                     display_name="Alice")
            c = Client(HTTP_HOST="troth.example")
            page = c.get("/accounts/login/", secure=True)
            signed = c.post("/accounts/login/", {"login": "alice@example.com",
                            "password": "correct horse battery"}, secure=True)
            insecure = Client(HTTP_HOST="troth.example").get("/accounts/login/")
            cookie = signed.cookies.get("__Host-troth-session")
            device = signed.cookies.get("__Host-troth-device")
            print(json.dumps({
                "hsts": page.get("Strict-Transport-Security", ""),
                "signed_status": signed.status_code,
                "cookie": cookie is not None,
                "secure": bool(cookie and cookie["secure"]),
                "httponly": bool(cookie and cookie["httponly"]),
                "samesite": cookie["samesite"] if cookie else "",
                "device_secure": bool(device and device["secure"]),
                "device_httponly": bool(device and device["httponly"]),
                "redirect": insecure.status_code,
                "redirect_to": insecure.get("Location", ""),
            }))
            """,
            production_env(tmp_path),
        )
        assert "max-age=31536000" in seen["hsts"]
        assert "includeSubDomains" in seen["hsts"]
        assert seen["signed_status"] == 302
        assert seen["cookie"] and seen["secure"] and seen["httponly"]
        assert seen["samesite"] == "Lax"
        assert seen["device_secure"] and seen["device_httponly"]
        assert seen["redirect"] == 301
        assert seen["redirect_to"].startswith("https://troth.example/")


class TestHeaders:
    def test_every_page_has_a_strict_content_security_policy(self, db):
        response = Client().get("/accounts/login/")
        csp = response["Content-Security-Policy"]
        directives = dict(
            (part.strip().split(" ", 1) + [""])[:2] for part in csp.split(";")
        )
        assert directives["default-src"] == "'self'"
        assert directives["script-src"].startswith("'self' 'nonce-")
        assert directives["style-src"].startswith("'self' 'nonce-")
        assert directives["object-src"] == "'none'"
        assert directives["base-uri"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert directives["form-action"] == "'self'"
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        # Nothing from anywhere else.
        assert "http" not in csp

    def test_the_other_headers(self, db):
        response = Client().get("/accounts/login/")
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "geolocation=()" in response["Permissions-Policy"]

    def test_signed_in_pages_are_never_stored(self, alice):
        client = client_for(alice)
        for url in ("/", "/settings/", "/settings/sessions", "/safety/"):
            assert client.get(url)["Cache-Control"] == "no-store", url

    def test_the_session_cookie_is_httponly_and_samesite(self, alice):
        from conftest import PASSWORD

        client = Client()
        client.post("/accounts/login/", {"login": alice.email, "password": PASSWORD})
        cookie = client.cookies["sessionid"]
        assert cookie["httponly"]
        assert cookie["samesite"] == "Lax"

    def test_signing_out_sends_clear_site_data(self, alice):
        client = client_for(alice)
        response = client.post("/accounts/logout/")
        assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
        assert client.get("/settings/").status_code == 302

    def test_a_get_to_sign_out_clears_nothing(self, alice):
        response = client_for(alice).get("/accounts/logout/")
        assert "Clear-Site-Data" not in response


class TestHealth:
    def test_it_says_ok_when_the_database_answers(self, db):
        response = Client().get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}
        assert (
            "no-cache" in response["Cache-Control"]
            or "max-age=0" in response["Cache-Control"]
        )

    def test_it_says_503_when_the_database_fails(self, db):
        from troth import views

        def broken():
            raise DatabaseError("database is down")

        with mock.patch.object(views.connection, "cursor", broken):
            response = Client().get("/healthz")
        assert response.status_code == 503
        assert response.json() == {"status": "unavailable"}


class TestPasswords:
    def test_argon2_comes_first_in_production(self):
        from troth import settings as production

        assert production.PASSWORD_HASHERS[0] == (
            "django.contrib.auth.hashers.Argon2PasswordHasher"
        )

    def test_the_rules_are_length_and_common_passwords_no_composition(self):
        from troth import settings as production

        names = [
            v["NAME"].rsplit(".", 1)[1] for v in production.AUTH_PASSWORD_VALIDATORS
        ]
        assert "MinimumLengthValidator" in names
        assert "CommonPasswordValidator" in names
        length = next(
            v
            for v in production.AUTH_PASSWORD_VALIDATORS
            if v["NAME"].endswith("MinimumLengthValidator")
        )
        assert length["OPTIONS"]["min_length"] == 10
        allowed = {
            "MinimumLengthValidator",
            "CommonPasswordValidator",
            "UserAttributeSimilarityValidator",
        }
        assert set(names) <= allowed  # no digits-and-symbols rules

    @pytest.mark.parametrize(
        ("password", "ok"),
        [("ten chars!", True), ("nine char", False), ("password12", False)],
    )
    def test_the_validators_judge_passwords_as_documented(self, db, password, ok):
        from django.contrib.auth.password_validation import validate_password
        from django.core.exceptions import ValidationError

        try:
            validate_password(password)
        except ValidationError:
            assert not ok
        else:
            assert ok
