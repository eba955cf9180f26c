from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and committees")

    def ready(self):
        from home.access import committee_teardown

        # Deleting a committee page cascades to its CommitteeAccess, whatever deletes
        # it (admin, shell, parent page): the groups must not outlive it.
        post_delete.connect(
            lambda sender, instance, **kwargs: committee_teardown(instance),
            sender=self.get_model("CommitteeAccess"),
            dispatch_uid="home.committee_teardown",
            weak=False,
        )
