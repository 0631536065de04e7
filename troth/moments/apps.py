from django.apps import AppConfig


class MomentsConfig(AppConfig):
    name = "troth.moments"
    label = "moments"
