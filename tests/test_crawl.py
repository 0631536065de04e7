"""Walk the demo space as each partner, following every link: no page may
fail, every page keeps the neutral title and the quick exit, and every page
(and every htmx fragment) parses as HTML5 without a single parse error."""

from __future__ import annotations

import re
from collections import Counter, deque

import html5lib
import pytest
from django.test import Client

from troth.demo import demo_create

HREF = re.compile(r'href="(/[^"#]*)')
# Markup inside an attribute value is never intended: it is a template tag
# or an end tag that landed inside a quoted attribute (class="narrow</div>"),
# which an HTML parser accepts without complaint.
MARKUP = re.compile(r"<[/!a-zA-Z]|\{[{%]")
# Links that act or download rather than show a page; each has its own tests.
SKIP = re.compile(
    r"^/(static/|accounts/logout|settings/export/|audits/\d+/export|calendar/feed/)"
)
LIMIT = 1000
# Pages that differ only by an id or a date (the 80th promise, next month's
# calendar) are the same template: a few of each shape are enough, which
# keeps the walk short and lets it reach every kind of page.
PER_SHAPE = 3
DIGITS = re.compile(r"\d+")


def html_errors(html: str, *, fragment: bool) -> list[str]:
    """Every parse error an HTML5 parser reports, with its line and column.

    A stray end tag or an unclosed element is repaired silently by browsers,
    each in its own way, so the page someone sees is not the one we wrote
    (a stray </div> once cost the promise page its narrow layout). html5lib
    follows the WHATWG parsing algorithm and reports each repair it makes.
    """
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parseFragment(html) if fragment else parser.parse(html)
    lines = html.splitlines()
    found = []
    for (line, col), code, data in parser.errors:
        source = lines[line - 1].strip()[:120] if 0 < line <= len(lines) else ""
        detail = html5lib.constants.E.get(code, code) % (data or {})
        found.append(f"line {line}:{col}: {detail} in {source!r}")
    ids: Counter[str] = Counter()
    for element in tree.iter():
        for name, value in element.attrib.items():
            if MARKUP.search(value):
                found.append(
                    f"<{element.tag} {name}={value!r}>: markup in an attribute"
                )
        if element.get("id"):
            ids[element.get("id")] += 1
    # A repeated id names the wrong thing: a label, a chart's title or an
    # aria-labelledby then points at the first element that has it.
    found.extend(f'id="{i}" is used {n} times' for i, n in ids.items() if n > 1)
    return found


def crawl(client: Client, start: str = "/") -> tuple[int, list[str]]:
    seen = {start}
    queue = deque([start])
    shapes: Counter[str] = Counter()
    problems = []
    visited = 0
    while queue and visited < LIMIT:
        path = queue.popleft()
        response = client.get(path)
        visited += 1
        if response.status_code >= 500:
            problems.append(f"{path}: {response.status_code}")
            continue
        if response.status_code in (301, 302):
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        if "<html" in html:
            if "<title>Troth</title>" not in html:
                problems.append(f"{path}: title is not neutral")
            if 'id="quick-exit"' not in html:
                problems.append(f"{path}: no quick exit")
        problems.extend(
            f"{path}: {error}"
            for error in html_errors(html, fragment="<html" not in html)
        )
        for href in HREF.findall(html):
            href = href.replace("&amp;", "&")
            if href in seen or SKIP.match(href):
                continue
            seen.add(href)
            shape = DIGITS.sub("N", href)
            if shapes[shape] < PER_SHAPE:
                shapes[shape] += 1
                queue.append(href)
    return visited, problems


@pytest.mark.django_db
def test_every_page_of_the_demo_opens_for_both_partners():
    demo = demo_create()
    for person in demo.partners:
        client = Client(raise_request_exception=False)
        client.force_login(person)
        visited, problems = crawl(client)
        print(f"{person}: {visited} pages")
        assert visited >= 100, f"{person}: only {visited} pages reached"
        assert not problems, f"{person}:\n" + "\n".join(problems)


@pytest.mark.django_db
def test_every_signed_out_page_parses_as_html():
    client = Client(raise_request_exception=False)
    visited, problems = crawl(client, start="/accounts/login/")
    assert visited >= 4, f"only {visited} signed-out pages reached"
    assert not problems, "\n".join(problems)
