from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "troth.insights"
    label = "insights"
