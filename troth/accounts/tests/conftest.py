from __future__ import annotations

import pytest

from troth.safety.tests import fake_sharing


@pytest.fixture
def fake_hooks(monkeypatch):
    """Only the stand-in feature (troth/safety/tests/fake_sharing.py) takes
    part in export and sharing."""
    fake_sharing.FEEDS.clear()

    def modules(name: str):
        return (fake_sharing,) if name in ("sharing", "export") else ()

    monkeypatch.setattr("troth.safety.services.app_modules", modules)
    monkeypatch.setattr("troth.accounts.services.app_modules", modules)
    yield fake_sharing
    fake_sharing.FEEDS.clear()
