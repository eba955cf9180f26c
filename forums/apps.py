from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")

    def ready(self):
        from activity import activity
        from forums import data, entries, notices, search  # noqa: F401

        activity.register(
            self.get_model("Category"), self.get_model("Topic"), self.get_model("Post")
        )
