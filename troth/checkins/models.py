"""Check-ins: quick statuses to the partner, and the daily pulse.

A status is a small message that matters for a while ("on my way, there at
18:40") and then quietly expires. The pulse is a person's own daily answers
to at most five items, private unless they choose to share them.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.content import AlwaysShared, Content
from troth.lib.fields import EncryptedTextField
from troth.lib.models import Linked, one_per


class Kind(models.TextChoices):
    ON_MY_WAY = "on_my_way", _("On my way")
    RUNNING_LATE = "running_late", _("Running late")
    ARRIVED = "arrived", _("Arrived")
    NEED_SPACE = "need_space", _("Need some space")
    THINKING_OF_YOU = "thinking_of_you", _("Thinking of you")
    CUSTOM = "custom", _("Custom")


# How long a status stays current when nothing else says so. An ETA is
# still worth seeing a little after it passes (traffic happens); "space
# until" ends exactly when it says.
AFTER_ETA = dt.timedelta(minutes=30)
AFTER_LATE = dt.timedelta(minutes=30)
LASTS = {
    Kind.ARRIVED: dt.timedelta(hours=2),
    Kind.THINKING_OF_YOU: dt.timedelta(hours=6),
    Kind.CUSTOM: dt.timedelta(hours=8),
}


class Status(Linked, AlwaysShared):
    """One status from a partner. Always shared: it is said to the partner."""

    label = "{kind} from {author_id}"
    url_name = "checkins:index"
    url_pk = None

    kind = models.CharField(max_length=20, choices=Kind.choices)
    eta = models.DateTimeField(null=True, blank=True)
    late_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    until = models.DateTimeField(null=True, blank=True)
    text = EncryptedTextField(null=True, blank=True, default="")
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["space", "author", "-created"]),
            # The partner's latest status, which Today polls every 15 s: read
            # newest first, it stops at the first row not the viewer's
            # instead of sorting the couple's whole history (issue 14).
            models.Index(fields=["space", "-created", "-id"]),
        ]
        verbose_name_plural = "statuses"

    def is_active(self, now: dt.datetime | None = None) -> bool:
        return self.expires_at > (now or timezone.now())


class Item(models.TextChoices):
    """The pulse items, in our own words. Predictability, dependability and
    faith follow the three parts of trust described by Rempel, Holmes and
    Zanna (1985); understood and cared for follow perceived partner
    responsiveness (Reis and Shaver 1988; Laurenceau et al. 1998)."""

    PREDICTABILITY = "predictability", _("Today I knew what to expect from my partner.")
    DEPENDABILITY = (
        "dependability",
        _("Today I could count on my partner when it mattered."),
    )
    FAITH = "faith", _("I feel sure about where the two of us are heading.")
    UNDERSTOOD = "understood", _("Today I felt understood by my partner.")
    CARED_FOR = "cared_for", _("Today I felt cared for by my partner.")


ITEMS = [item.value for item in Item]


def _scale():
    return models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
    )


class Pulse(Linked, Content):
    """One person's answers for one of their local days (1 = not at all,
    7 = completely). Any item may be skipped. Private unless the person
    shares their pulse; then every row of theirs is shared."""

    label = "Pulse of {author_id} on {day}"
    url_name = "checkins:pulse"
    url_pk = None

    day = models.DateField()
    predictability = _scale()
    dependability = _scale()
    faith = _scale()
    understood = _scale()
    cared_for = _scale()
    note = EncryptedTextField(null=True, blank=True, default="")

    class Meta:
        ordering = ["-day"]
        constraints = [one_per("author", "day", name="one_pulse_per_day")]
        indexes = [models.Index(fields=["author", "day"])]

    def answers(self) -> dict[str, int | None]:
        return {item: getattr(self, item) for item in ITEMS}


# A moment before any tick: "look at this person's reminder on the next one".
LOOK_AT_ONCE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class PulseSettings(models.Model):
    """A person's pulse choices: whether their partner sees their answers,
    and when (in their own time zone) to be reminded, if at all."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pulse_settings",
    )
    share = models.BooleanField(_("Share my pulse with my partner"), default=False)
    remind_at = models.TimeField(_("Remind me at"), null=True, blank=True)
    # When the reminder job next has to look at this person: their next
    # reminder time, as the job worked it out from `remind_at` and their
    # zone. A change to either sets it to LOOK_AT_ONCE (save(), and the
    # zone's hook in checkins/reminders.py), so the job never relies on a
    # moment worked out from an old choice. None: no reminder chosen. The
    # five-minute job reads only the rows whose moment has come, by the
    # partial index below, however many people there are.
    next_remind_at = models.DateTimeField(null=True, blank=True, default=LOOK_AT_ONCE)

    class Meta:
        indexes = [
            models.Index(
                fields=["next_remind_at"],
                condition=models.Q(next_remind_at__isnull=False),
                name="checkins_pulse_remind_due",
            )
        ]

    def __str__(self) -> str:
        return f"Pulse settings of {self.user_id}"

    def save(self, *args, **kwargs) -> None:
        # Not domain logic: the job's bookmark follows its inputs wherever
        # the row is saved (services, builders, the admin), as an index
        # would.
        self.next_remind_at = LOOK_AT_ONCE
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "next_remind_at"}
        super().save(*args, **kwargs)

    @classmethod
    def for_user(cls, user) -> PulseSettings:
        return cls.objects.filter(user=user).first() or cls(user=user)
