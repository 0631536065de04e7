from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "troth.accounts"
    label = "accounts"

    def ready(self) -> None:
        from allauth.mfa.signals import authentication_failed

        # Here, not at the top: Django imports an AppConfig's module before
        # any model is loaded, and these modules load models.
        from troth.accounts import ratelimits, sessions, signals

        ratelimits.install()
        sessions.install()
        signals.install()
        # allauth offers no adapter hook for a wrong two-factor code, only
        # this signal; it only adds a line to the owner's sign-in history.
        authentication_failed.connect(
            wrong_code, dispatch_uid="troth.accounts.wrong_code"
        )


def wrong_code(sender, request, user, **kwargs) -> None:
    # See ready(): this module is imported before the models are loaded.
    from troth.accounts.models import SignIn
    from troth.accounts.services import sign_in_failed

    if request is not None:
        sign_in_failed(request=request, outcome=SignIn.Outcome.WRONG_CODE, user=user)
