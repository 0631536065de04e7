"""The one helper object views use to fetch what the viewer may see.

Anything the viewer may not see is a 404, never a 403: a 403 would tell an
outsider, or a partner, that a private item exists.
"""

from __future__ import annotations

from django.db import models
from django.http import Http404


def get_visible_or_404(source, user, **lookup):
    """Return the one object of `source` (a model or queryset) matching
    `lookup` that `user` may see, or raise Http404."""
    if isinstance(source, type) and issubclass(source, models.Model):
        queryset = source._default_manager.all()
    else:
        queryset = source
    try:
        return queryset.visible_to(user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
