from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """The network is joined by invitation only: allauth's sign-up stays closed."""

    def is_open_for_signup(self, request) -> bool:
        return False
