"""Phone-sized screenshots of a running Troth, signed in as a demo partner.

    .venv/bin/troth demo && .venv/bin/troth serve &
    .venv/bin/python scripts/screenshots.py [--out DIR] [--base URL] [--as EMAIL] [PATH ...]

Writes one PNG per page, for a page the gallery (`make screenshots`) does
not visit.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = [
    "/",
    "/promises/",
    "/promises/figures",
    "/checkins/",
    "/checkins/pulse",
    "/calendar/",
    "/calendar/month",
    "/self/",
    "/self/partner",
    "/questions/",
    "/questions/history",
    "/moments/",
    "/agreements/",
    "/repair/",
    "/dialogue/",
    "/conflicts/",
    "/goals/",
    "/exercises/",
    "/audits/",
    "/insights/",
    "/safety/",
    "/settings/",
    "/notifications/",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="test-artifacts/screens")
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--as", dest="email", default="alex@example.com")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("pages", nargs="*", help="PATH or NAME=PATH")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pages = args.pages or PAGES
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=args.chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(
            viewport={"width": 360, "height": 780}, is_mobile=True
        )
        page = context.new_page()
        page.goto(args.base + "/accounts/login/")
        page.get_by_label("Email").fill(args.email)
        page.get_by_label("Password").fill("troth-demo")
        page.get_by_role("button", name="Sign In", exact=True).click()
        page.wait_for_load_state()
        for item in pages:
            name, _, path = item.rpartition("=")
            name = name or (path.strip("/").replace("/", "-") or "dashboard")
            response = page.goto(args.base + path)
            status = response.status if response else "?"
            page.screenshot(path=str(out / f"{name}.png"), full_page=True)
            print(f"{status} {path} -> {out / (name + '.png')}")
        browser.close()


if __name__ == "__main__":
    main()
