"""What the spaces app announces to the apps built on top of it.

`activity_recorded` is sent by `troth.spaces.services.activity_record` right
after it saves an activity, inside the caller's transaction. Spaces does not
know who listens: the notifications app connects in its `AppConfig.ready()`
and enqueues the partner's notification, so with the database task backend
the task exists exactly when the activity does. The signal carries the fact,
never a decision: who is told, and how, is the listener's business.
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent with sender=Activity and activity=<the saved Activity>.
activity_recorded = Signal()
