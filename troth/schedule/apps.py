from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "troth.schedule"
    label = "schedule"
