"""When a push subscription's session ended, kept on the subscription and
indexed, so the hourly prune reads the ended ones instead of matching every
device to its session (troth.notifications.models.session_ended). Devices
whose session has already ended or expired are marked as ended now, so the
first prune forgets them as the old one did."""

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def mark_ended(apps, schema_editor):
    subscription = apps.get_model("notifications", "PushSubscription")
    session = apps.get_model("sessions", "Session")
    now = timezone.now()
    live = session.objects.filter(expire_date__gt=now).values("session_key")
    subscription.objects.exclude(session_digest__in=live).update(session_ended_at=now)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0008_task_result_indexes"),
        ("sessions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="pushsubscription",
            name="session_ended_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="pushsubscription",
            index=models.Index(
                condition=models.Q(("session_ended_at__isnull", False)),
                fields=["session_ended_at"],
                name="push_session_ended",
            ),
        ),
        migrations.RunPython(mark_ended, migrations.RunPython.noop),
    ]
