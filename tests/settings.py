"""Settings for the test suite: the real settings, with a throwaway data dir
and a fast password hasher (argon2 on every sign-in would dominate run time;
a test checks that production settings put Argon2 first)."""

import os
import tempfile

os.environ["TROTH_DATA_DIR"] = tempfile.mkdtemp(prefix="troth-test-")
os.environ.pop("TROTH_EMAIL_HOST", None)
os.environ.pop("TROTH_BASE_URL", None)
os.environ.pop("TROTH_DEBUG", None)

from troth.settings import *  # noqa: E402,F403
from troth.settings import PASSWORD_HASHERS as PRODUCTION_PASSWORD_HASHERS  # noqa: E402

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    *PRODUCTION_PASSWORD_HASHERS,
]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Static files straight from the apps, by their own names: the tests don't
# collect them first (tests/test_static.py checks the collected, compressed
# files a running Troth serves).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
