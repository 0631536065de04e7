from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "troth.audits"
    label = "audits"
