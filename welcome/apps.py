from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelcomeConfig(AppConfig):
    name = "welcome"
    verbose_name = _("Newcomers")

    def ready(self):
        # Registrations: notification kinds, GDPR tools, the shell's entries, and
        # the reactions to what happens in the chat and to invitations.
        from welcome import data, entries, notices, reactions  # noqa: F401
