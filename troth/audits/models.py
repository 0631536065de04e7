"""The monthly trust audit: a look back at the month the two partners share,
each partner's reflection, and the commitments they make for the next one.

An `Audit` belongs to the space (both partners see it) and holds the
month's figures as a JSON snapshot taken when it was drafted, so a closed
audit never changes when the data behind it changes later
(docs/figures/audit-figures.md says what each figure counts).

Each partner writes one `Reflection`. It stays with its author until both
have written theirs; then each sees the other's (`ReflectionQuerySet`),
like answers to a question. Each partner may propose `Commitment`s for the
next month; they are visible to the partner at once, and become promises
when both partners have signed off, which closes the audit.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.content import Content, ContentQuerySet, Visibility, partner_space_ids
from troth.lib.fields import EncryptedTextField
from troth.lib.models import (
    Linked,
    LinkedModel,
    ReadableQuerySet,
    is_set,
    one_per,
    person,
    shared_by_default,
)

REFLECTION_MAX = 2000
COMMITMENT_MAX = 500
COMMITMENTS_EACH = 5


def day_in_month(day: int, month: dt.date) -> dt.date:
    """The audit day `day` in the month of `month`: a month without that day
    (the 31st in April, the 30th in February) uses its last day."""
    last = calendar.monthrange(month.year, month.month)[1]
    return month.replace(day=min(day, last))


def add_months(month: dt.date, n: int) -> dt.date:
    """The first day of the month `n` months after `month` (n may be < 0)."""
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


class AuditSettings(LinkedModel):
    """The couple's audit day: a day of the month either partner chooses."""

    label = "Audit day {day} of {space_id}"
    url_name = "audits:index"
    url_pk = None

    space = models.OneToOneField(
        "spaces.Space", on_delete=models.CASCADE, related_name="audit_settings"
    )
    day = models.PositiveSmallIntegerField(
        _("audit day"), validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    # Months whose audit day came before this moment are not drafted by the
    # clock: choosing the 5th on the 20th means the first audit is next month.
    chosen_at = models.DateTimeField(default=timezone.now)
    chosen_by = person(optional=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name_plural = "audit settings"
        # The clock asks which couples' audit day falls in a few days' span.
        indexes = [models.Index(fields=["day"], name="audits_settings_day")]


class AuditQuerySet(ReadableQuerySet):
    """An audit is the couple's: every partner who has not left sees it."""

    def open(self) -> AuditQuerySet:
        return self.filter(closed_at__isnull=True)

    def closed(self) -> AuditQuerySet:
        return self.filter(closed_at__isnull=False)


class Audit(LinkedModel):
    """One month's audit of one space."""

    label = "Audit {pk} of {space_id} for {month:%Y-%m}"
    url_name = "audits:detail"

    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="audits"
    )
    # The first day of the month this audit belongs to: one audit per
    # space per month, however often the clock or a partner asks.
    month = models.DateField()
    period_start = models.DateTimeField()
    period_end = models.DateTimeField()
    figures = models.JSONField(default=dict)
    drafted_at = models.DateTimeField(default=timezone.now)
    # Who started it early; empty when the clock drafted it on audit day.
    started_by = person(optional=True, on_delete=models.SET_NULL)
    # When both reflections existed: from then on each partner sees the
    # other's (unless its author stopped sharing it).
    revealed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # When the clock reminds the partner who hasn't signed off: two days
    # after the other did. Cleared once the reminder is handled, the
    # sign-off taken back or the audit closed, so a tick reads only the
    # audits due (audits_partner_reminder_due), not every open one.
    partner_reminder_at = models.DateTimeField(null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "-id"]
        constraints = [one_per("space", "month", name="one_audit_per_space_month")]
        # The clock reminds the partner who waits, in audits still open.
        indexes = [
            models.Index(
                fields=["space"],
                condition=Q(closed_at__isnull=True),
                name="audits_open",
            ),
            models.Index(
                fields=["partner_reminder_at"],
                condition=Q(partner_reminder_at__isnull=False),
                name="audits_partner_reminder_due",
            ),
        ]

    is_closed = is_set("closed_at")
    is_revealed = is_set("revealed_at")

    def last_day(self, tz) -> dt.date:
        """The last day the audit covers, in `tz` (its end is exclusive)."""
        return (self.period_end - dt.timedelta(microseconds=1)).astimezone(tz).date()

    def first_day(self, tz) -> dt.date:
        return self.period_start.astimezone(tz).date()


class ReflectionQuerySet(ContentQuerySet):
    def visibility_q(self, user) -> Q:
        """Its author sees a reflection; the partner only once both partners
        have written one (the audit is revealed) and while it is shared."""
        return Q(author=user) | Q(
            visibility=Visibility.SHARED,
            space_id__in=partner_space_ids(user),
            audit__revealed_at__isnull=False,
        )


class AuditPart(Linked, Content):
    """What one partner adds to an audit (a reflection, a commitment): in the
    audit's space, shown on its page, shared unless its author says not."""

    url_name = "audits:detail"
    url_pk = "audit_id"

    visibility = shared_by_default()

    class Meta:
        abstract = True
        ordering = ["created", "id"]


def write[P: AuditPart](
    part: type[P], audit: Audit, author, *, at: dt.datetime, **fields
) -> P:
    """`author`'s new `part` of `audit` (each names its `audit`), written at
    `at`, in the audit's space."""
    # django-stubs reads only the abstract base's fields, without `audit`.
    return part._default_manager.create(  # type: ignore[misc, return-value]
        space=audit.space, author=author, audit=audit, created=at, **fields
    )


class Reflection(AuditPart):
    """One partner's reflection on the month, and their sign-off."""

    label = "Reflection {pk} on audit {audit_id}"

    audit = models.ForeignKey(
        Audit, on_delete=models.CASCADE, related_name="reflections"
    )
    went_well = EncryptedTextField(
        _("what went well"), null=True, blank=True, default=""
    )
    differently = EncryptedTextField(
        _("what I want to do differently"), null=True, blank=True, default=""
    )
    need = EncryptedTextField(
        _("what I need from you"), null=True, blank=True, default=""
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)

    objects = ReflectionQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta(AuditPart.Meta):
        constraints = [one_per("audit", "author", name="one_reflection_per_person")]

    is_signed_off = is_set("signed_off_at")

    @property
    def is_written(self) -> bool:
        return bool(self.went_well or self.differently or self.need)


class Commitment(AuditPart):
    """Something one partner proposes to do next month. Shared with the
    partner as soon as it is proposed; it becomes a promise from its author
    to the partner when both have signed off the audit."""

    label = "Commitment {pk} on audit {audit_id}"

    audit = models.ForeignKey(
        Audit, on_delete=models.CASCADE, related_name="commitments"
    )
    text = EncryptedTextField(_("what I commit to"))
    due_date = models.DateField(_("by"))
    promise = models.OneToOneField(
        "promises.Promise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
