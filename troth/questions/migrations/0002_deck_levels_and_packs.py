"""The deck's settings choose several levels and switch packs off.

A couple who had chosen one level keeps exactly that level; all packs stay
on (the setting keeps the packs switched off)."""

from django.db import migrations, models

import troth.questions.models


def one_level_to_levels(apps, schema_editor):
    DeckSettings = apps.get_model("questions", "DeckSettings")
    for settings in DeckSettings.objects.all():
        settings.levels = [settings.level]
        settings.save(update_fields=["levels"])


def levels_to_one_level(apps, schema_editor):
    DeckSettings = apps.get_model("questions", "DeckSettings")
    for settings in DeckSettings.objects.all():
        settings.level = min(settings.levels or [1])
        settings.save(update_fields=["level"])


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="decksettings",
            name="levels",
            field=models.JSONField(default=troth.questions.models.all_levels),
        ),
        migrations.AddField(
            model_name="decksettings",
            name="packs_off",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(one_level_to_levels, levels_to_one_level),
        migrations.RemoveField(
            model_name="decksettings",
            name="level",
        ),
    ]
