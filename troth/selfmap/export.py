"""The self map in a person's export: every entry they wrote with its whole
history, and what their partner shares with them now, with only the wording
that was shared. Never the partner's private entries or private drafts.

Keys:
- `my_entries`: `id`, `kind` (boundary/trigger/value/need), `title`, `text`,
  `what_helps`, `shared` (bool), `created`, `versions` (newest first: `number`,
  `title`, `text`, `what_helps`, `written`, `shared_from` or null), and
  `responses_received` (`kind` thanks/talk, `from`, `on_version`, `at`,
  `talked_about`).
- `shared_with_me`: the partner's shared entries: `id`, `kind`, `title`,
  `text`, `what_helps`, `author`, `shared_from`, and `versions` (only the
  wordings shared with me: `title`, `text`, `what_helps`, `shared_from`).
- `my_responses`: thank-yous and requests to talk I gave: `entry_id`,
  `kind`, `at`.
"""

from __future__ import annotations

from django.db.models import Prefetch

from troth.lib.export import when
from troth.selfmap.models import Entry, EntryVersion, Response


def _version(version: EntryVersion, *, own: bool) -> dict:
    data: dict[str, object] = {
        "title": version.title,
        "text": version.text,
        "what_helps": version.helps or "",
    }
    if own:
        data["number"] = version.number
        data["written"] = when(version.created)
    data["shared_from"] = when(version.shown_at)
    return data


def export(user) -> dict:
    entries = (
        Entry.objects.visible_to(user)
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=EntryVersion.objects.visible_to(user),
                to_attr="visible_versions",
            ),
            Prefetch(
                "responses",
                queryset=Response.objects.visible_to(user).select_related("author"),
                to_attr="visible_responses",
            ),
        )
        .order_by("created", "id")
    )
    mine, partners = [], []
    for entry in entries:
        own = entry.author_id == user.pk
        data: dict[str, object] = {
            "id": entry.pk,
            "kind": entry.kind,
            "title": entry.title,
            "text": entry.text,
            "what_helps": entry.helps or "",
            "versions": [_version(v, own=own) for v in entry.visible_versions],
        }
        if own:
            data["shared"] = entry.is_shared
            data["created"] = when(entry.created)
            data["responses_received"] = [
                {
                    "kind": r.kind,
                    "from": str(r.author),
                    "on_version": r.version_number,
                    "at": when(r.created),
                    "talked_about": when(r.resolved_at),
                }
                for r in entry.visible_responses
                if r.author_id != user.pk
            ]
            mine.append(data)
        else:
            data["author"] = str(entry.author)
            data["shared_from"] = when(entry.shown_at)
            partners.append(data)
    given = [
        {"entry_id": r.entry_id, "kind": r.kind, "at": when(r.created)}
        for r in Response.objects.visible_to(user).by(user).order_by("created")
    ]
    return {
        "my_entries": mine,
        "shared_with_me": partners,
        "my_responses": given,
    }
