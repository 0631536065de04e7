from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "troth.accounts"
    label = "accounts"
