"""Walk the demo space as each partner, following every link: no page may
fail, and every page keeps the neutral title and the quick exit."""

from __future__ import annotations

import re
from collections import deque

import pytest
from django.test import Client

from troth.demo import demo_create

HREF = re.compile(r'href="(/[^"#]*)')
# Links that act or download rather than show a page; each has its own tests.
SKIP = re.compile(
    r"^/(static/|accounts/logout|settings/export/|audits/\d+/export|calendar/feed/)"
)
LIMIT = 400


def crawl(client: Client) -> tuple[int, list[str]]:
    seen = {"/"}
    queue = deque(["/"])
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
        for href in HREF.findall(html):
            href = href.replace("&amp;", "&")
            if href not in seen and not SKIP.match(href):
                seen.add(href)
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
