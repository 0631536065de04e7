"""Build the PNG icons that installing Troth puts on a home screen.

    make app-icons        (or: .venv/bin/python scripts/build_app_icons.py)

The mark is the favicon's (troth/static/troth/icon.svg): two overlapping
rings in Troth's accent on its paper colour. It says nothing about what the
app is for to someone glancing at a phone. Each size is drawn from SVG by the
system Chromium through Playwright (already a test dependency), so no image
library is needed; the PNGs are committed and served as static files with
hashed names (the manifest and base.html name them through static()).

- icon-192.png, icon-512.png: "any" purpose; a rounded square with a margin,
  as launchers that don't mask show it.
- icon-maskable-512.png: "maskable"; the paper colour to the edges and the
  rings inside the central circle of 80% diameter that every mask keeps
  (the safe zone, https://www.w3.org/TR/appmanifest/#icon-masks).
- apple-touch-icon.png (180 px): opaque, edge to edge; iOS rounds it itself.
- badge-96.png: the rings alone in white on transparent, for Android's status
  bar, which uses only the alpha channel.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "troth/static/troth/app"

ACCENT = "#7a3b55"
PAPER = "#fbf8f4"


def rings(colour: str, scale: float) -> str:
    """The two rings on a 100-unit canvas, `scale` of its width across."""
    # Unscaled, the pair (two circles of radius 20 with a 7-unit stroke,
    # centres 16 apart) is 63 units wide and 47 tall; `scale` 0.6 draws it
    # so, centred, and every other scale in proportion.
    k = scale / 0.6
    offset = 50 - 50 * k
    return (
        f'<g transform="translate({offset:.3f} {offset:.3f}) scale({k:.4f})" '
        f'fill="none" stroke="{colour}" stroke-width="7">'
        '<circle cx="42" cy="50" r="20"/><circle cx="58" cy="50" r="20"/></g>'
    )


def svg(body: str) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">{body}</svg>'


ICONS: dict[str, tuple[int, str, bool]] = {
    # name: (pixels, svg, transparent background)
    "icon-192.png": (
        192,
        svg(
            f'<rect x="4" y="4" width="92" height="92" rx="22" fill="{PAPER}" '
            f'stroke="{ACCENT}" stroke-opacity="0.18" stroke-width="1.5"/>'
            + rings(ACCENT, 0.56)
        ),
        True,
    ),
    "icon-512.png": (
        512,
        svg(
            f'<rect x="4" y="4" width="92" height="92" rx="22" fill="{PAPER}" '
            f'stroke="{ACCENT}" stroke-opacity="0.18" stroke-width="1.5"/>'
            + rings(ACCENT, 0.56)
        ),
        True,
    ),
    # The safe zone is a circle of radius 40 around the centre; the rings'
    # farthest point is 25 from it.
    "icon-maskable-512.png": (
        512,
        svg(f'<rect width="100" height="100" fill="{PAPER}"/>' + rings(ACCENT, 0.48)),
        False,
    ),
    "apple-touch-icon.png": (
        180,
        svg(f'<rect width="100" height="100" fill="{PAPER}"/>' + rings(ACCENT, 0.6)),
        False,
    ),
    "badge-96.png": (96, svg(rings("#ffffff", 0.8)), True),
}


def chromium() -> str | None:
    return (
        os.environ.get("TROTH_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


def main() -> int:
    executable = chromium()
    if executable is None:
        print("no Chromium found: install `chromium` or set TROTH_CHROMIUM")
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        for name, (size, drawing, transparent) in ICONS.items():
            page = browser.new_page(
                viewport={"width": size, "height": size}, device_scale_factor=1
            )
            page.set_content(
                "<!DOCTYPE html><style>html,body{margin:0;background:transparent}"
                f"svg{{display:block;width:{size}px;height:{size}px}}</style>{drawing}"
            )
            page.screenshot(
                path=str(OUT / name),
                omit_background=transparent,
                clip={"x": 0, "y": 0, "width": size, "height": size},
            )
            page.close()
            print(f"wrote {(OUT / name).relative_to(ROOT)} ({size}x{size})")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
