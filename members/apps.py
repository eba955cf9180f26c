from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        # Registrations: members in the site search, the feeds and the GDPR tools.
        from members import backends, data, entries, search, signals  # noqa: F401

        backends.connect()
