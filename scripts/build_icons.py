"""Build troth/static/troth/icons.svg, the one icon sprite Troth ships.

The icons come from Lucide (ISC licence), pinned in scripts/icons/package.json;
`make icons` installs that package and runs this script. The sprite is
committed, so serving Troth never needs npm. To add an icon, add its Lucide
name to ICONS and run `make icons`; templates use it as

    <svg class="icon" aria-hidden="true"><use href="{{ icons }}#name"></use></svg>
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "scripts/icons/node_modules/lucide-static"
SPRITE = ROOT / "troth/static/troth/icons.svg"

ICONS = sorted(
    {
        # the tab bar and the navigation
        "house",
        "handshake",
        "calendar-days",
        "message-circle-question",
        "ellipsis",
        "bell",
        "activity",
        "heart",
        "scroll-text",
        "map",
        "messages-square",
        "flag",
        "sparkles",
        "cloud-lightning",
        "bandage",
        "clipboard-check",
        "chart-line",
        "users",
        "shield",
        "settings",
        "log-out",
        "door-open",
        # pages
        "plus",
        "check",
        "chevron-right",
        "arrow-left",
        "sun",
        "moon",
        "sprout",
    }
)

DRAWING = re.compile(r"<svg[^>]*>(?P<body>.*)</svg>", re.S)


def symbol(name: str) -> str:
    text = (PACKAGE / "icons" / f"{name}.svg").read_text()
    found = DRAWING.search(text)
    if found is None:
        raise SystemExit(f"{name}.svg: no <svg> element")
    body = " ".join(line.strip() for line in found["body"].splitlines() if line.strip())
    return f'<symbol id="{name}" viewBox="0 0 24 24">{body}</symbol>'


def main() -> int:
    version = re.search(
        r'"version":\s*"([^"]+)"', (PACKAGE / "package.json").read_text()
    )
    licence = (PACKAGE / "LICENSE").read_text().split("---")[0].strip()
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" fill="none" stroke="currentColor"'
        ' stroke-width="2" stroke-linecap="round" stroke-linejoin="round">',
        f"<!-- Icons from Lucide {version[1] if version else ''}, built by"
        " scripts/build_icons.py.",
        licence.replace("--", "- -"),
        "-->",
        *(symbol(name) for name in ICONS),
        "</svg>",
    ]
    SPRITE.write_text("\n".join(lines) + "\n")
    print(f"{SPRITE.relative_to(ROOT)}: {len(ICONS)} icons")
    return 0


if __name__ == "__main__":
    sys.exit(main())
