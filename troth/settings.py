"""Troth's settings: environment variables only, documented in docs/configuration.md.

Every value has a production-safe default. The data directory holds whatever
Troth must keep between starts when the host has not configured it: the SQLite
database, the generated secret key and the generated encryption key.
"""

from __future__ import annotations

import os
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from cryptography.fernet import Fernet
from django.utils.csp import CSP

from troth.lib import keys
from troth.lib.datadir import secure as secure_data_dir
from troth.lib.env import envbool, envint, envlist
from troth.lib.keys import new_vapid_key, read_or_create_key
from troth.lib.language import shipped_languages
from troth.lib.mail import default_sender

BASE_DIR = Path(__file__).resolve().parent
# The repository's docs/: derivations of figures are shown from here.
TROTH_DOCS_DIR = Path(os.environ.get("TROTH_DOCS_DIR") or BASE_DIR.parent / "docs")

DATA_DIR = Path(os.environ.get("TROTH_DATA_DIR") or Path.cwd() / "var").resolve()
# Before anything opens the database: the dir 0700, every file in it 0600.
secure_data_dir(DATA_DIR)

DEBUG = envbool("TROTH_DEBUG", False)

SECRET_KEY = os.environ.get(keys.SECRET_KEY_FILE.variable) or read_or_create_key(
    DATA_DIR / keys.SECRET_KEY_FILE.name
)

# Keys for the text people write (troth/lib/fields.py). The first encrypts;
# all decrypt, so a new key goes first and old ones stay until rotated out.
TROTH_ENCRYPTION_KEYS = envlist(keys.ENCRYPTION_KEY_FILE.variable, []) or [
    read_or_create_key(
        DATA_DIR / keys.ENCRYPTION_KEY_FILE.name,
        make=lambda: Fernet.generate_key().decode(),
    )
]

# `troth serve` and `troth demo` set it to where Troth listens when unset
# (troth/cli.py); `localhost` rather than an IP, as passkeys need a name.
BASE_URL = (os.environ.get("TROTH_BASE_URL") or "http://localhost:8000").rstrip("/")
_base = urlsplit(BASE_URL)
HTTPS = _base.scheme == "https"

ALLOWED_HOSTS = envlist(
    "TROTH_ALLOWED_HOSTS", [h for h in {_base.hostname, "127.0.0.1", "localhost"} if h]
)
CSRF_TRUSTED_ORIGINS = [f"{_base.scheme}://{_base.netloc}"]

INSTALLED_APPS = [
    "troth.accounts",
    "troth.spaces",
    "troth.notifications",
    "troth.promises",
    "troth.checkins",
    "troth.schedule",
    "troth.selfmap",
    "troth.questions",
    "troth.moments",
    "troth.agreements",
    "troth.repair",
    "troth.dialogue",
    "troth.conflicts",
    "troth.goals",
    "troth.exercises",
    "troth.audits",
    "troth.insights",
    "troth.counsel",
    "troth.safety",
    "troth.backups",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Django's, except that the cookie's key is always digested (below).
    "troth.accounts.sessions.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Not allauth's UserSessionsMiddleware: it writes on every request.
    # SessionLifetimeMiddleware records a session's activity every few minutes.
    "django.contrib.messages.middleware.MessageMiddleware",
    "troth.accounts.middleware.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "troth.accounts.middleware.UserPreferencesMiddleware",
    "troth.accounts.middleware.PrivacyHeadersMiddleware",
]

ROOT_URLCONF = "troth.urls"
WSGI_APPLICATION = "troth.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "troth.lib.context.quick_exit",
                "troth.lib.context.app",
                "troth.spaces.context.space",
                "troth.notifications.context.unread",
                "troth.navigation.navigation",
            ],
            # {% once_token %} in every template (troth/accounts/once.py).
            "builtins": ["troth.accounts.once"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'troth.sqlite3'}",
        # Keep each thread's connection (waitress's, the worker's, the
        # clock's) for a minute instead of opening one per request; checked
        # before reuse, so a restarted database costs one failed check, not a
        # failed request. The worker and the clock check theirs between runs.
        conn_max_age=envint("TROTH_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; IMMEDIATE takes the write
    # lock when a transaction starts, so two writers queue (up to the busy
    # timeout) instead of failing halfway with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# Length and the common-password list only: composition rules make passwords
# harder to remember without making them stronger (NIST SP 800-63B, 5.1.1.2).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
]

LANGUAGE_CODE = "en"
LOCALE_PATHS = [BASE_DIR / "locale"]
# English and every language with a compiled catalogue in troth/locale/, each
# by its own name: adding a language is translating files, not changing code
# (docs/translating.md).
LANGUAGES = shipped_languages(LOCALE_PATHS[0], LANGUAGE_CODE)
FORMAT_MODULE_PATH = ["troth.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# `troth serve` and `troth worker` collect the static files into the data
# dir as they start (troth/cli.py), with hashed names and gzip
# copies; WhiteNoise serves those compressed, cached for a year (a changed
# file gets a new name). Nothing to run by hand between a fresh clone and a
# running server.
STATIC_ROOT = DATA_DIR / "static"
# Files Django's storage writes (the collected static files) stay as private
# as the rest of the data dir; its default would make them 0644.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# Sessions live in the database so any web process can serve any request,
# keyed by a digest of the cookie's key: a copy of the database signs no one
# in (troth/accounts/sessions.py).
SESSION_ENGINE = "troth.accounts.sessions"
SESSION_COOKIE_AGE = envint("TROTH_SESSION_MAX_AGE", 14 * 24 * 3600)
SESSION_IDLE_TIMEOUT = envint("TROTH_SESSION_IDLE_TIMEOUT", 3 * 24 * 3600)
# Both are enforced by troth.accounts.middleware.SessionLifetimeMiddleware: the
# first as a hard limit from sign-in, the second from the last request.
# Approximate places for sessions, only from a MaxMind-format database file
# the host keeps on the server; off unless set (docs/security.md).
TROTH_GEOIP_DB = os.environ.get("TROTH_GEOIP_DB", "")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("TROTH_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("TROTH_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("TROTH_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("TROTH_HSTS_PRELOAD", True)
    SESSION_COOKIE_NAME = "__Host-troth-session"
    CSRF_COOKIE_NAME = "__Host-troth-csrf"
if envbool("TROTH_BEHIND_PROXY", False):
    # Only safe when a proxy in front sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = False
    # Sign-in throttling and the sessions list need the client's address,
    # not the proxy's: take it from X-Forwarded-For, as many hops back as
    # there are proxies (allauth's setting). Without this every person
    # would seem to share one address.
    ALLAUTH_TRUSTED_PROXY_COUNT = envint("TROTH_TRUSTED_PROXY_COUNT", 1)

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

# Email: SMTP when a host is configured; otherwise every message goes to the
# log, so someone running Troth on their own machine still sees invitation
# and password-reset links.
EMAIL_HOST_CONFIGURED = bool(os.environ.get("TROTH_EMAIL_HOST"))
if EMAIL_HOST_CONFIGURED:
    _ssl = envbool("TROTH_EMAIL_SSL", False)
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["TROTH_EMAIL_HOST"],
                "port": envint("TROTH_EMAIL_PORT", 465 if _ssl else 587),
                "username": os.environ.get("TROTH_EMAIL_USER", ""),
                "password": os.environ.get("TROTH_EMAIL_PASSWORD", ""),
                "use_ssl": _ssl,
                "use_tls": envbool("TROTH_EMAIL_TLS", not _ssl),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "troth.lib.mail.LogEmailBackend"}}
# troth@<host of the base URL>, unless that host is an IP address or a bare
# name, which make no valid address (troth/lib/mail.py).
DEFAULT_FROM_EMAIL = os.environ.get("TROTH_EMAIL_FROM") or default_sender(
    _base.hostname
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# At most this many notification emails a minute (a mail provider's limit;
# docs/configuration.md).
TROTH_EMAIL_RATE = envint("TROTH_EMAIL_RATE", 1000)

# Web Push (docs/push.md). The key signs what Troth sends to browsers' push
# services (VAPID); its public half is what a browser subscribes with, so
# replacing it ends every device's push until it is turned on again.
TROTH_VAPID_PRIVATE_KEY = os.environ.get(
    keys.VAPID_KEY_FILE.variable
) or read_or_create_key(DATA_DIR / keys.VAPID_KEY_FILE.name, make=new_vapid_key)
# Who push services may contact about Troth's messages: a mailto: or https:
# URL. By default the site itself when it is on https, else the sender.
TROTH_VAPID_SUBJECT = os.environ.get("TROTH_VAPID_SUBJECT") or (
    BASE_URL if HTTPS else "mailto:" + parseaddr(DEFAULT_FROM_EMAIL)[1]
)
# Where Troth may send push messages: the hosts of the browsers' push
# services (troth/notifications/endpoints.py says how they match).
TROTH_PUSH_SERVICES = envlist(
    "TROTH_PUSH_SERVICES",
    [
        "fcm.googleapis.com",
        "updates.push.services.mozilla.com",
        "*.push.apple.com",
        "*.notify.windows.com",
    ],
)

# django-allauth
ACCOUNT_ADAPTER = "troth.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory" if EMAIL_HOST_CONFIGURED else "optional"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_SIGNUP_FORM_CLASS = "troth.accounts.forms.SignupForm"
# The same answer whether or not the address has an account, with or
# without SMTP (troth/accounts/signup.py).
ACCOUNT_FORMS = {"signup": "troth.accounts.signup.SignupForm"}
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Changing or adding an email address asks for the password again (MFA
# changes always do; export and deletion ask in troth/accounts/views.py).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
# Rate limits are allauth's (on by default). As allauth ships it, the "key"
# part of "login_failed" counts failures per account from any address;
# troth/accounts/ratelimits.py makes it count per account *and* address
# together, so one partner cannot lock the other out.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
# Without SMTP there is no way to verify an address (verification is then
# optional), and requiring it would keep two-factor off for everyone.
MFA_ALLOW_UNVERIFIED_EMAIL = not EMAIL_HOST_CONFIGURED
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Troth"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not HTTPS
USERSESSIONS_TRACK_ACTIVITY = True

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "troth_cache",
    }
}

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
    }
}

# Troth's own knobs
TROTH_QUICK_EXIT_URL = os.environ.get(
    "TROTH_QUICK_EXIT_URL", "https://www.wikipedia.org/"
)
# The name under the icon when Troth is installed on a home screen, and in
# the offline page: neutral by default, a host may pick another.
TROTH_APP_NAME = os.environ.get("TROTH_APP_NAME", "").strip()[:30] or "Troth"
# Where the clock writes a backup each day, pruned to 7 daily, 4 weekly and
# 6 monthly ones; none are taken when unset (docs/operations.md).
TROTH_BACKUP_DIR = (
    Path(os.environ["TROTH_BACKUP_DIR"]).resolve()
    if os.environ.get("TROTH_BACKUP_DIR", "").strip()
    else None
)
TROTH_INVITATION_DAYS = 7
TROTH_SPACE_SIZE = 2

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    # Every handler masks secrets in paths (invitation links, feed addresses,
    # reset and confirmation links): Django logs paths, e.g. on a CSRF failure.
    "filters": {"secrets": {"()": "troth.lib.redaction.SecretPathFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Django's own default handlers (DEFAULT_LOGGING) would write records
        # before ours masked them: these two use the masked one instead.
        "django": {"handlers": [], "level": "INFO"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "troth": {"level": "INFO"},
        "django_tasks_db": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # 4xx lines would carry paths, and an invitation path is a secret.
        "django.request": {"level": "ERROR"},
    },
}
