"""The pages of a lived-in space, at phone and desktop sizes: everything
inside a landmark, no repeated ids, a focus ring that can be seen on the
quick exit, and the updates list and promise page laid out as meant."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP

pytestmark = pytest.mark.django_db(transaction=True)


def luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", rgb)[:3])

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def alex(person):
    from troth.demo import demo_create

    demo = demo_create()
    alex = person("alex")
    page = alex.go("/accounts/login/")
    page.get_by_label("Email").fill(demo.partners[0].email)
    page.get_by_label("Password").fill(demo.password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("main")).to_be_visible()
    alex.demo = demo
    return alex


def test_the_demo_pages_keep_everything_in_landmarks_at_both_sizes(alex):
    from troth.promises.models import Promise

    promise = Promise.objects.filter(space=alex.demo.space).first()
    for path in (
        "/",
        "/insights/",
        "/audits/",
        "/notifications/",
        promise.get_absolute_url(),
        "/accounts/2fa/",
    ):
        page = alex.go(path)
        banner = page.get_by_role("banner")
        expect(banner.get_by_test_id("quick-exit")).to_be_attached()
        expect(banner.get_by_role("link", name="Skip to content")).to_be_attached()
        alex.check(path.strip("/").replace("/", "-") or "today")


def test_the_quick_exit_focus_ring_stands_out_from_the_header(alex):
    page = alex.go("/")
    page.keyboard.press("Tab")
    quick_exit = page.get_by_test_id("quick-exit")
    expect(quick_exit).to_be_focused()
    ring = quick_exit.evaluate(
        "e => { const s = getComputedStyle(e);"
        " return [s.outlineStyle, s.outlineColor, parseFloat(s.outlineWidth)]; }"
    )
    header = page.get_by_role("banner").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    body = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert ring[0] == "solid" and ring[2] >= 2
    # WCAG 1.4.11: at least 3:1 against what surrounds it: the header, or the
    # page once scrolled (the quick exit stays fixed in place).
    assert contrast(ring[1], header) >= 3, (ring, header)
    assert contrast(ring[1], body) >= 3, (ring, body)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()


def test_the_updates_list_reads_as_lines_of_text(alex):
    from datetime import timedelta

    from django.utils import timezone

    from troth.notifications.models import Notification

    partner = alex.demo.partners[1]
    for n, read in enumerate((None, timezone.now())):
        Notification.objects.create(
            user=alex.demo.partners[0],
            kind="promise.not_quite",
            actor=partner,
            key=f"e2e-{n}",
            created=timezone.now() - timedelta(minutes=3 + 60 * n),
            read_at=read,
        )
    page = alex.go("/notifications/")
    for size in (alex.page.viewport_size, DESKTOP):
        page.set_viewport_size(size)
        updates = page.get_by_test_id("update")
        new, old = updates.nth(0), updates.nth(1)
        styles = [
            u.locator(".update-message").evaluate(
                "e => { const s = getComputedStyle(e),"
                " b = getComputedStyle(e.closest('button'));"
                " return [b.textAlign, s.fontWeight, b.textDecorationLine,"
                " s.textDecorationLine]; }"
            )
            for u in (new, old)
        ]
        # Start-aligned when it wraps; bold only while new; no underline
        # until pointed at.
        assert styles[0] == ["start", "600", "none", "none"], styles
        assert styles[1] == ["start", "400", "none", "none"], styles
        expect(new.locator("time")).to_have_text(re.compile(r"^3\s+minutes ago$"))
    alex.check("updates")


def test_the_promise_page_keeps_its_narrow_layout(alex):
    from troth.promises.models import Promise

    promise = Promise.objects.filter(space=alex.demo.space).first()
    page = alex.go(promise.get_absolute_url())
    page.set_viewport_size(DESKTOP)
    main = page.get_by_role("main")
    expect(main).to_have_class("narrow")
    assert main.evaluate("e => e.getBoundingClientRect().width") <= 42 * 16
