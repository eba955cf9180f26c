from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatConfig(AppConfig):
    name = "chat"
    verbose_name = _("Chat")

    def ready(self):
        # Registrations (search, GDPR, header counter) and the reactions to what
        # happens elsewhere (`chat.reactions`).
        from chat import data, entries, reactions, search  # noqa: F401
