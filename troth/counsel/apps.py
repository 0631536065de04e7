from django.apps import AppConfig


class CounselConfig(AppConfig):
    name = "troth.counsel"
    label = "counsel"
