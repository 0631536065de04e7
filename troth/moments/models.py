"""Moments: small acts of trust, noticed and acknowledged; and the bid log.

A moment about the partner ("I noticed you…") is always shared with them; a
moment about oneself ("I did…") is private unless its author shares it.
Nothing here is counted into points, scores or balances: research on
rewards warns that they crowd out the real thing.

The bid log is private to its author, always: `BidQuerySet.visibility_q`
ignores the visibility column, so no code path can show a bid to a partner.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.content import Content, ContentQuerySet
from troth.lib.fields import EncryptedTextField
from troth.lib.models import Linked, person, state_is


class Kind(models.TextChoices):
    KEPT_WORD = "kept_word", _("Kept their word")
    VULNERABLE = "vulnerable", _("Shared something vulnerable")
    LISTENED = "listened", _("Listened without defending")
    REPAIRED = "repaired", _("Repaired after a disagreement")
    SHOWED_UP = "showed_up", _("Showed up")
    APPRECIATION = "appreciation", _("Appreciation")
    TURNED_TOWARD = "turned_toward", _("Turned toward me")


# The same kinds, as a person says them about themself.
KIND_SELF = {
    Kind.KEPT_WORD: _("I kept my word"),
    Kind.VULNERABLE: _("I shared something vulnerable"),
    Kind.LISTENED: _("I listened without defending"),
    Kind.REPAIRED: _("I made a repair after a disagreement"),
    Kind.SHOWED_UP: _("I showed up"),
    Kind.APPRECIATION: _("I showed appreciation"),
    Kind.TURNED_TOWARD: _("I turned toward you"),
}


class About(models.TextChoices):
    PARTNER = "partner", _("Something my partner did")
    SELF = "self", _("Something I did")


class Ack(models.TextChoices):
    THANKS = "thanks", _("Thank you for noticing")
    MEANT = "meant", _("That meant a lot to me")
    SEEN = "seen", _("I saw it too")


class MomentQuerySet(ContentQuerySet):
    def to_acknowledge(self, user) -> MomentQuerySet:
        """Shared moments by the partner that `user` has not acknowledged."""
        return (
            self.visible_to(user)
            .exclude(author=user)
            .shared()
            .filter(acknowledged_at__isnull=True)
        )


class Moment(Linked, Content):
    label = "Moment {pk}"
    url_name = "moments:detail"

    about = models.CharField(max_length=10, choices=About.choices)
    # Who the moment is about: the partner for "I noticed you", else the author.
    subject = person()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = EncryptedTextField(_("a few words (optional)"), blank=True, null=True)
    occurred_on = models.DateField(_("when"))
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    ack = models.CharField(max_length=10, choices=Ack.choices, blank=True)

    objects = MomentQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-occurred_on", "-created", "-id"]
        indexes = [models.Index(fields=["space", "-occurred_on"])]

    @property
    def kind_label(self) -> str:
        if self.about == About.SELF:
            return str(KIND_SELF[Kind(self.kind)])
        return str(Kind(self.kind).label)

    is_about_partner = state_is(About.PARTNER, field="about")


class BidQuerySet(ContentQuerySet):
    def visibility_q(self, user) -> Q:
        """A bid is its author's alone, whatever its visibility says."""
        return Q(author=user)


class Bid(Linked, Content):
    """A note to oneself: I reached out, and my partner turned toward me,
    away from me, or against me. Never shown to the partner."""

    label = "Bid {pk}"
    url_name = "moments:bids"
    url_pk = None

    class Response(models.TextChoices):
        TOWARD = "toward", _("Turned toward me")
        AWAY = "away", _("Turned away (missed or ignored it)")
        AGAINST = "against", _("Turned against me (irritation, a put-down)")

    occurred_at = models.DateTimeField(_("when"), default=timezone.now)
    response = models.CharField(
        _("how my partner responded"), max_length=10, choices=Response.choices
    )
    note = EncryptedTextField(
        _("what I reached out about (optional)"), blank=True, null=True
    )

    objects = BidQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-occurred_at", "-id"]
