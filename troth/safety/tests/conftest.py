from troth.accounts.tests.conftest import fake_hooks

__all__ = ["fake_hooks"]
