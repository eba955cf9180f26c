from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "activity"
    verbose_name = _("Activity")

    def ready(self):
        from django.apps import apps
        from django.contrib.auth import get_user_model

        from activity import activity, data, entries, notices, search  # noqa: F401

        activity.register(
            get_user_model(),
            apps.get_model("committees", "CommitteePage"),
            apps.get_model("home", "NewsPage"),
            self.get_model("FeedPost"),
            self.get_model("Comment"),
        )
