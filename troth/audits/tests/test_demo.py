"""The demo fills six months of audits and insights with real content."""

from __future__ import annotations

import pytest

from conftest import client_for
from troth.audits.models import Audit, Commitment, Reflection
from troth.demo import demo_create

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_closed_audit_each_month_with_both_partners_parts():
    demo = demo_create()
    audits = list(Audit.objects.filter(space=demo.space).order_by("month"))
    assert len(audits) == 6
    assert all(a.is_closed and a.is_revealed for a in audits)
    for audit in audits:
        authors = set(
            Reflection.objects.filter(audit=audit).values_list("author_id", flat=True)
        )
        assert authors == {demo.alex.pk, demo.sam.pk}
        committers = set(
            Commitment.objects.filter(audit=audit).values_list("author_id", flat=True)
        )
        assert committers == {demo.alex.pk, demo.sam.pk}
        assert not Commitment.objects.filter(audit=audit, promise__isnull=True).exists()
    # Real figures, from the other apps' demo data.
    latest = audits[-1].figures
    assert sum(p["due"] for p in latest["promises"].values()) > 0
    # Sam shares their pulse, Alex does not: only Sam's is in the audit.
    assert list(latest["pulse"]) == [str(demo.sam.pk)]
    for user in (demo.alex, demo.sam):
        client = client_for(user)
        for url in ("/audits/", f"/audits/{audits[-1].pk}/", "/insights/", "/"):
            response = client.get(url)
            assert response.status_code == 200, url
    page = client_for(demo.alex).get("/insights/").text
    assert 'role="img"' in page
    assert "own-data-result" in page or "own-data-wait" in page
