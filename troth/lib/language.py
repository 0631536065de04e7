"""Which languages Troth speaks: the source language and every language with
a compiled catalogue in the locale folder, each named in itself ("Español",
"العربية") so a person finds their own whatever the page is in.

Settings import this, so it reads only files and Django's table of language
names, never the app registry."""

from __future__ import annotations

from pathlib import Path

from django.conf.locale import LANG_INFO


def shipped_languages(locale: Path, source: str) -> list[tuple[str, str]]:
    codes = sorted(
        path.parent.parent.name for path in locale.glob("*/LC_MESSAGES/django.mo")
    )
    return [
        (code, own_name(code)) for code in [source, *(c for c in codes if c != source)]
    ]


def own_name(code: str) -> str:
    info = LANG_INFO.get(code) or LANG_INFO.get(code.split("-")[0]) or {}
    name = info.get("name_local", code)
    return name[:1].upper() + name[1:]
