"""The apology helper: the components of an apology and a local checker."""

from troth.repair.apology.checker import Report, check

__all__ = ["Report", "check"]
