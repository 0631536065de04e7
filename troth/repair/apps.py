from django.apps import AppConfig


class RepairConfig(AppConfig):
    name = "troth.repair"
    label = "repair"
