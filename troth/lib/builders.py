"""The builder every kind of content shares (see troth/spaces/builders.py
for what a builder is): a row someone wrote in a space, as it stands once
written, at any date."""

from __future__ import annotations

import datetime as dt

from django.db import models

from troth.lib.content import Visibility


def build_content[M: models.Model](
    model: type[M],
    space,
    author,
    *,
    at: dt.datetime,
    visibility: str = Visibility.SHARED,
    save: bool = True,
    **fields,
) -> M:
    """A `model` row `author` wrote in `space` at `at`, with `fields`;
    shared unless `visibility` says otherwise. With `save=False` it is
    returned unsaved, for a bulk insert."""
    row = model(space=space, author=author, visibility=visibility, created=at, **fields)
    if save:
        row.save()
    return row
