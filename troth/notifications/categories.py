"""What a person can choose to get email about.

Its own module, below both the models and the words of each notice
(notices.py), which both need it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """What a person can choose to get email about."""

    SPACE = "space", _("Your space and your partner joining or leaving")
    PROMISES = "promises", _("Promises")
    CHECKINS = "checkins", _("Statuses and the daily pulse")
    CALENDAR = "calendar", _("Calendar events and rituals")
    CLOSENESS = "closeness", _("Self map, questions and moments")
    AGREEMENTS = "agreements", _("Agreements")
    REPAIR = "repair", _("Repair and dialogue")
    REVIEW = "review", _("Trust audit, goals and exercises")
