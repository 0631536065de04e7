from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "troth.agreements"
    label = "agreements"
