"""Spanish and Arabic on a phone (issue 16): a couple who use Troth in their
language (the demo made in it, so what they wrote is in it too) reach every
place the navigation does and find no English left on any of them (outside
proper names), no sideways scrolling, axe clean; Arabic pages run right to
left with the tab bar and cards mirrored.

`make screenshots` also photographs each place in both languages at phone
size (light and dark) for docs/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_shell import GALLERY, places, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# Words only English has: one of these in what the page itself says is a
# string left untranslated (what people wrote is in their language here).
ENGLISH = {
    "the", "you", "your", "and", "with", "what", "when", "this", "that", "have",
    "will", "been", "from", "they", "their", "about", "which", "would", "could",
    "should", "there", "here", "were", "our", "how", "why", "who", "please",
    "open", "see", "nothing", "yet", "today", "promise", "promises", "partner",
    "share", "shared", "settings", "safety", "learn", "more", "back", "new", "add",
    "save", "cancel", "done", "kept", "missed", "week", "month", "day", "days",
    "questions", "question", "agreements", "calendar", "goals", "moments",
    "exercises", "insights", "audit", "repair", "dialogue", "updates", "sign",
}  # fmt: skip
# Proper names and what is not words for people.
NAMES = {"troth", "alex", "sam", "gottman", "eft", "imago", "ics", "pdf", "markdown"}

# The text a person reads on the page, without what they wrote themselves
# (marked dir="auto"), menus' long option lists, code and addresses.
READ = """() => {
  const skip = el => el.closest('select, code, pre, [dir="auto"], [translate="no"], script, style, svg, noscript');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el || skip(el)) continue;
    const box = el.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    if (getComputedStyle(el).visibility === 'hidden') continue;
    out.push(node.textContent);
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]'))
    if (!skip(el)) out.push(el.getAttribute('aria-label') || el.getAttribute('placeholder') || el.getAttribute('title'));
  return out.join(' ');
}"""

LAYOUT = """() => {
  const tabs = [...document.querySelectorAll('.tabbar a')].map(a => a.getBoundingClientRect());
  const main = document.querySelector('main');
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    firstTabRight: tabs.length ? tabs[0].right : null,
    lastTabRight: tabs.length ? tabs[tabs.length - 1].right : null,
    mainDirection: getComputedStyle(main).direction,
  };
}"""


def english_left(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", re.sub(r"\S+@\S+", " ", text))
    return sorted({w for w in words if w.lower() in ENGLISH and w.lower() not in NAMES})


def photograph(page, label: str, path: str) -> list[str]:
    from pathlib import Path

    out = Path(GALLERY)
    slug = path.strip("/").replace("/", "-") or "today"
    names = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.evaluate("window.scrollTo(0, 0)")
        name = f"{label}-{slug}-phone-{scheme}.jpg"
        page.screenshot(path=str(out / name), type="jpeg", quality=70)
        names.append(name)
    page.emulate_media(color_scheme="light")
    return names


@pytest.mark.parametrize(("language", "direction"), [("es", "ltr"), ("ar", "rtl")])
def test_every_place_in_the_couples_language(person, language, direction):
    from troth.demo import demo_create

    demo = demo_create(language=language)
    alex = person("alex")
    sign_in(alex, demo.partners[0].email, demo.password)
    page = alex.page
    shots: dict[str, list[str]] = {}
    problems: list[str] = []
    for path in places():
        page.goto(alex.server_url + path)
        expect(page.get_by_role("main")).to_be_visible()
        layout = page.evaluate(LAYOUT)
        where = f"{language} {path}"
        assert (layout["lang"], layout["dir"]) == (language, direction), where
        assert layout["overflow"] <= 0, (where, layout)
        if direction == "rtl":
            assert layout["mainDirection"] == "rtl", (where, layout)
            # The first tab (Today) is at the right-hand end.
            assert layout["firstTabRight"] > layout["lastTabRight"], (where, layout)
        text = page.evaluate(READ)
        assert len(text) > 200, (where, text)
        left = english_left(text)
        if left:
            problems.append(f"{where}: {left}")
        problems += [f"{where}: {p}" for p in alex.axe_problems("phone")]
        if GALLERY:
            shots[path] = photograph(page, language, path)
    assert not problems, "\n".join(problems)
    assert not alex.foreign_requests
    if GALLERY:
        gallery_phone(language, shots)


def gallery_phone(label: str, shots: dict[str, list[str]]) -> None:
    from pathlib import Path

    title = {"es": "Spanish", "ar": "Arabic"}[label]
    lines = [
        f"## {title}, phone",
        "",
        "| place | light | dark |",
        "|---|---|---|",
    ]
    for path, (light, dark) in shots.items():
        lines.append(f"| `{path}` | ![]({light}) | ![]({dark}) |")
    (Path(GALLERY) / f"{label}.md").write_text("\n".join(lines) + "\n")


def test_the_check_finds_english_where_there_is_some(person):
    """A test of the test: the same reading of an English Today finds the
    English words it looks for."""
    from troth.demo import demo_create

    demo = demo_create()
    alex = person("alex")
    sign_in(alex, demo.partners[0].email, demo.password)
    left = english_left(alex.page.evaluate(READ))
    assert {"Today", "partner"} <= set(left) or len(left) >= 5, left
