from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelcomeConfig(AppConfig):
    name = "welcome"
    verbose_name = _("Newcomers")

    def ready(self):
        # Registrations: notification kinds, GDPR tools, the dashboard panel.
        from chat import services as chat_services
        from members import services as member_services
        from welcome import data, notices, panels, services  # noqa: F401

        chat_services.POSTED_LISTENERS.append(services.message_posted)
        member_services.ACCEPTED_LISTENERS.append(services.invitation_accepted)
