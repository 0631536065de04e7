"""The app shell on every place the navigation reaches, for a lived-in
couple and a brand-new one: a header no taller than 56 px on a phone, the tab
bar there and clear of the content, the side navigation on a wide screen, no
sideways scrolling, nothing over the quick exit, and axe clean in light and
dark (Person.check)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP

pytestmark = pytest.mark.django_db(transaction=True)

LAYOUT = """() => {
  const rect = s => { const e = document.querySelector(s);
    return e && getComputedStyle(e).display !== 'none' ? e.getBoundingClientRect() : null; };
  const exit = rect('.quick-exit');
  const top = document.elementFromPoint(exit.left + exit.width / 2, exit.top + exit.height / 2);
  window.scrollTo(0, document.documentElement.scrollHeight);
  const footer = document.querySelector('.site-footer').getBoundingClientRect();
  const bar = rect('.tabbar');
  return {
    header: rect('.site-header').height,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    exitOnTop: !!top && top.closest('.quick-exit') !== null,
    tabbar: bar && bar.height,
    sidenav: !!rect('.sidenav'),
    covered: bar ? footer.bottom - bar.top : 0,
  };
}"""


def places() -> list[str]:
    from troth.navigation import GROUPS, MORE

    return [reverse(p.url_name) for _n, group in GROUPS for p in group] + [
        reverse(MORE.url_name)
    ]


# `make screenshots` sets this: every place, both sizes, light and dark, as
# the gallery in docs/screenshots/ (README.md there lists them).
GALLERY = os.environ.get("TROTH_SCREENSHOTS")
SIZES = {"phone": {"width": 360, "height": 800}, "desktop": DESKTOP}


def photograph(page, label: str, path: str) -> list[str]:
    """The place as a person sees it on opening it, in each size and theme."""
    out = Path(GALLERY or ".")
    out.mkdir(parents=True, exist_ok=True)
    slug = path.strip("/").replace("/", "-") or "today"
    names = []
    before = page.viewport_size
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for size, viewport in SIZES.items():
            page.set_viewport_size(viewport)
            page.evaluate("window.scrollTo(0, 0)")
            name = f"{label}-{slug}-{size}-{scheme}.jpg"
            page.screenshot(path=str(out / name), type="jpeg", quality=70)
            names.append(name)
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(before)
    return names


def gallery(label: str, shots: dict[str, list[str]]) -> None:
    lines = [
        f"## {label}",
        "",
        "| place | phone, light | phone, dark | desktop, light | desktop, dark |",
        "|---|---|---|---|---|",
    ]
    for path, names in shots.items():
        light_phone, light_desk, dark_phone, dark_desk = names
        cells = [light_phone, dark_phone, light_desk, dark_desk]
        lines.append(f"| `{path}` | " + " | ".join(f"![]({n})" for n in cells) + " |")
    (Path(GALLERY) / f"{label}.md").write_text("\n".join(lines) + "\n")


def walk(someone, label: str) -> None:
    page = someone.page
    shots: dict[str, list[str]] = {}
    for path in places():
        page.goto(someone.server_url + path)
        expect(page.get_by_role("main")).to_be_visible()
        phone = page.evaluate(LAYOUT)
        where = f"{label} {path}"
        assert phone["header"] <= 56, (where, phone)
        assert phone["overflow"] <= 0, (where, phone)
        assert phone["exitOnTop"], (where, phone)
        assert phone["tabbar"] and not phone["sidenav"], (where, phone)
        assert phone["covered"] <= 0, (where, phone)
        page.set_viewport_size(DESKTOP)
        wide = page.evaluate(LAYOUT)
        page.set_viewport_size(someone.page.viewport_size or DESKTOP)
        assert wide["sidenav"] and not wide["tabbar"], (where, wide)
        assert wide["overflow"] <= 0 and wide["exitOnTop"], (where, wide)
        someone.page.set_viewport_size({"width": 360, "height": 780})
        someone.check(f"{label}{path.strip('/').replace('/', '-') or '-today'}")
        if GALLERY:
            shots[path] = photograph(page, label, path)
    if GALLERY:
        gallery(label, shots)


def sign_in(someone, email: str, password: str) -> None:
    page = someone.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("main")).to_be_visible()


def test_every_place_for_the_demo_couple(person):
    from troth.demo import demo_create

    demo = demo_create()
    alex = person("alex")
    sign_in(alex, demo.partners[0].email, demo.password)
    walk(alex, "demo")


def test_every_place_for_a_brand_new_couple(person):
    from conftest import PASSWORD, make_space, make_user

    new, other = make_user("new"), make_user("other")
    make_space(new, other)
    someone = person("new")
    sign_in(someone, new.email, PASSWORD)
    walk(someone, "new")
