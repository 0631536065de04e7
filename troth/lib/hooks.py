"""Find the optional per-app modules the shared pages are built from.

The dashboard, the demo, the "What I share" page, the export, the monthly
audit's figures, the insights page, notification texts and the clock's jobs
each gather a part from every app that offers one (`troth/<app>/dashboard.py`,
`demo.py`, `sharing.py`, `export.py`, `audit.py`, `insights.py`, `notices.py`,
`jobs.py`), in INSTALLED_APPS order, so adding a feature never means editing
another app. (The audit and the insights page then sort their parts by their
`ORDER`.) When an activity is recorded, every app's `receivers.py` is
told (`activity_recorded(activity)`), in the same transaction.
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps


@cache
def app_modules(name: str) -> tuple[ModuleType, ...]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("troth."):
            continue
        dotted = f"{config.name}.{name}"
        if find_spec(dotted) is not None:
            found.append(importlib.import_module(dotted))
    return tuple(found)
